// The live classroom's boundary between app servers. A server that committed a change to a game announces it;
// every other server holding that game in memory catches up from the database and pushes what changed to its
// own event streams. The notice only names the game and the kind of change, never the change itself: the
// database stays the one source of truth, so a notice lost or late costs a catch-up, never an answer.
// One server alone (the embedded SQLite default) uses the in-process announcer below, which only hands a
// notice to the other subscribers of the same process: there are none in production, so it does no work.

/**
 * What changed. "answers": rows were appended to the open question (the game row did not move); "state":
 * the game row was written (a join, a teacher's step, a close), so its revision moved to `revision`.
 */
export type ClassroomChange = "answers" | "state";

export type ClassroomNotice = {
  /** The server that committed it, so that it skips its own notices. */
  readonly server: string;
  readonly joinCode: string;
  readonly change: ClassroomChange;
  /** The game's revision after the change (unchanged by "answers"). */
  readonly revision: number;
};

export type ClassroomSubscriber = {
  readonly onNotice: (notice: ClassroomNotice) => void;
  /** Notices may have been missed (the channel dropped and came back): re-read every game held. */
  readonly onResync: () => void;
};

export type ClassroomAnnouncer = {
  /** Whether other servers may change the same games (a copy in memory may then be behind the database). */
  readonly shared: boolean;
  /** Called after the change committed; never throws and never waits for delivery. */
  announce(notice: ClassroomNotice): void;
  subscribe(subscriber: ClassroomSubscriber): () => void;
  close(): Promise<void>;
};

/** A notice as one short JSON text (PostgreSQL's NOTIFY payload is limited to 8,000 bytes). */
export function encodeNotice(notice: ClassroomNotice): string {
  return JSON.stringify({ s: notice.server, g: notice.joinCode, c: notice.change, r: notice.revision });
}

/** A notice from its text; null for anything that is not one (another program on the same channel). */
export function decodeNotice(text: string | undefined): ClassroomNotice | null {
  if (text === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const value = parsed as { s?: unknown; g?: unknown; c?: unknown; r?: unknown };
  if (typeof value.s !== "string" || typeof value.g !== "string" || typeof value.r !== "number") return null;
  if (value.c !== "answers" && value.c !== "state") return null;
  return { server: value.s, joinCode: value.g, change: value.c, revision: value.r };
}

/**
 * Every subscriber of this process hears every notice, after the current task (as a NOTIFY arrives after its
 * commit). In production one server process holds one subscriber, itself; tests run two "servers" in one
 * process on one database through it.
 */
export function createInProcessAnnouncer(): ClassroomAnnouncer {
  const subscribers = new Set<ClassroomSubscriber>();
  return {
    get shared() {
      return subscribers.size > 1;
    },
    announce(notice) {
      if (subscribers.size < 2) return; // only the sender listens: nobody to tell
      setTimeout(() => {
        for (const subscriber of subscribers) subscriber.onNotice(notice);
      }, 0);
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    close() {
      subscribers.clear();
      return Promise.resolve();
    },
  };
}
