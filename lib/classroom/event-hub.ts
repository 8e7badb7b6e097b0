// The live classroom's push channel inside one server process: per game, an ordered log of events, each meant
// for everyone, for the teacher, or for one player, and the open connections they fan out to. A connection that
// drops comes back with the id of the last event it saw (EventSource's Last-Event-ID) and receives exactly what
// it missed and was meant for; when that id is unknown (the log moved past it, or the server restarted) the
// caller sends a full view instead. Payloads are serialized once at publish, not once per connection.

export type EventAudience =
  | { readonly kind: "all" }
  | { readonly kind: "teacher" }
  | { readonly kind: "player"; readonly playerId: string };

export type HubViewer = { readonly role: "teacher" } | { readonly role: "player"; readonly playerId: string };

export type EventDraft = {
  readonly audience: EventAudience;
  readonly type: string;
  readonly data: unknown;
  /** A question id each connection seals for its own viewer and adds as `id`; never sent as it is. */
  readonly questionId?: string;
};

export type HubEvent = {
  /** `<epoch>.<sequence>`: the epoch tells a resume from this process apart from one from a process before it. */
  readonly id: string;
  readonly seq: number;
  readonly audience: EventAudience;
  readonly type: string;
  /** The data, already JSON. */
  readonly json: string;
  readonly questionId?: string;
};

export type Subscription = {
  /** False when the viewer must be sent a full view first: the id given is not in this log. */
  readonly resumed: boolean;
  /** The id of the newest event in the log when subscribing (what a full view sent now is current to). */
  readonly lastId: string;
  readonly unsubscribe: () => void;
};

export type EventHub = {
  publish(game: string, drafts: readonly EventDraft[]): void;
  subscribe(
    game: string,
    viewer: HubViewer,
    lastEventId: string | null,
    send: (event: HubEvent) => void,
  ): Subscription;
  lastId(game: string): string;
  connections(game: string): number;
  /** Forget a game (it ended and every connection closed). */
  drop(game: string): void;
};

type Listener = { readonly viewer: HubViewer; readonly send: (event: HubEvent) => void };

type GameLog = {
  events: HubEvent[];
  seq: number;
  readonly all: Set<Listener>;
  readonly teachers: Set<Listener>;
  readonly players: Map<string, Set<Listener>>;
};

export function isFor(audience: EventAudience, viewer: HubViewer): boolean {
  if (audience.kind === "all") return true;
  if (audience.kind === "teacher") return viewer.role === "teacher";
  return viewer.role === "player" && viewer.playerId === audience.playerId;
}

/** `epoch` must differ between server processes (the app passes a random one), so old ids are not resumed. */
export function createEventHub({
  maxEvents = 50_000,
  epoch,
}: {
  maxEvents?: number;
  epoch: string;
}): EventHub {
  const games = new Map<string, GameLog>();
  const logOf = (game: string): GameLog => {
    let log = games.get(game);
    if (log === undefined) {
      log = { events: [], seq: 0, all: new Set(), teachers: new Set(), players: new Map() };
      games.set(game, log);
    }
    return log;
  };
  const idOf = (seq: number) => `${epoch}.${seq}`;
  const seqOf = (id: string | null): number | null => {
    if (id === null) return null;
    const dot = id.lastIndexOf(".");
    if (dot < 0 || id.slice(0, dot) !== epoch) return null;
    const seq = Number(id.slice(dot + 1));
    return Number.isInteger(seq) && seq >= 0 ? seq : null;
  };
  const deliver = (listener: Listener, event: HubEvent) => {
    try {
      listener.send(event);
    } catch {
      // A connection that fails to take an event is closing; its own abort handler unsubscribes it.
    }
  };

  return {
    publish(game, drafts) {
      const log = logOf(game);
      for (const draft of drafts) {
        log.seq += 1;
        const event: HubEvent = {
          id: idOf(log.seq),
          seq: log.seq,
          audience: draft.audience,
          type: draft.type,
          json: JSON.stringify(draft.data),
          ...(draft.questionId === undefined ? {} : { questionId: draft.questionId }),
        };
        log.events.push(event);
        if (draft.audience.kind === "all") for (const listener of log.all) deliver(listener, event);
        else if (draft.audience.kind === "teacher")
          for (const listener of log.teachers) deliver(listener, event);
        else for (const listener of log.players.get(draft.audience.playerId) ?? []) deliver(listener, event);
      }
      // Trimmed in one cut rather than per event, so a burst of personal results stays cheap.
      if (log.events.length > maxEvents)
        log.events = log.events.slice(log.events.length - Math.floor(maxEvents * 0.9));
    },

    subscribe(game, viewer, lastEventId, send) {
      const log = logOf(game);
      const listener: Listener = { viewer, send };
      const from = seqOf(lastEventId);
      const oldest = log.events[0]?.seq ?? log.seq + 1;
      // Resumable when the id is from this process and nothing after it has been trimmed away.
      const resumed = from !== null && from <= log.seq && from + 1 >= oldest;
      if (resumed) {
        for (const event of log.events)
          if (event.seq > from && isFor(event.audience, viewer)) deliver(listener, event);
      }
      log.all.add(listener);
      if (viewer.role === "teacher") log.teachers.add(listener);
      else {
        const set = log.players.get(viewer.playerId) ?? new Set();
        set.add(listener);
        log.players.set(viewer.playerId, set);
      }
      return {
        resumed,
        lastId: idOf(log.seq),
        unsubscribe: () => {
          log.all.delete(listener);
          log.teachers.delete(listener);
          if (viewer.role === "player") {
            const set = log.players.get(viewer.playerId);
            set?.delete(listener);
            if (set?.size === 0) log.players.delete(viewer.playerId);
          }
        },
      };
    },

    lastId(game) {
      return idOf(games.get(game)?.seq ?? 0);
    },

    connections(game) {
      return games.get(game)?.all.size ?? 0;
    },

    drop(game) {
      games.delete(game);
    },
  };
}
