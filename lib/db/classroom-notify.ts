// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import pg from "pg";
import {
  decodeNotice,
  encodeNotice,
  type ClassroomAnnouncer,
  type ClassroomSubscriber,
} from "../classroom/announcer";

// The classroom's fan-out between app servers sharing one PostgreSQL database (lib/classroom/announcer.ts):
// each server process holds ONE connection of its own, outside Prisma's pool (a pooled connection cannot keep
// a LISTEN: it goes back to the pool), which LISTENs on one channel and also sends this server's notices with
// pg_notify after each commit. PostgreSQL delivers a notice to every listener, in commit order, only once the
// sending transaction committed, so a server that hears one reads the change from the database.

export const CLASSROOM_CHANNEL = "reachable_classroom";

/** How long to wait before connecting again after the connection dropped (a database restart, a failover). */
const RECONNECT_MS = 1_000;

export type PostgresAnnouncerOptions = {
  readonly url: string;
  readonly onError?: (error: unknown) => void;
  readonly reconnectMs?: number;
};

/**
 * An announcer over LISTEN/NOTIFY. Notices sent while the connection is down are dropped (the database is the
 * truth, not the channel); when it comes back every subscriber is told to resync, since notices from other
 * servers were missed meanwhile too.
 */
export function createPostgresAnnouncer(
  options: PostgresAnnouncerOptions,
): ClassroomAnnouncer & { readonly listening: Promise<void> } {
  let markListening: () => void = () => undefined;
  /** Resolves once the first LISTEN is in place (tests and the bench must not miss the first notice). */
  const listening = new Promise<void>((resolve) => {
    markListening = resolve;
  });
  const subscribers = new Set<ClassroomSubscriber>();
  const onError = options.onError ?? (() => undefined);
  let closed = false;
  let client: pg.Client | null = null;
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const retry = (from: pg.Client) => {
    if (closed || client !== from || timer !== null) return;
    client = null;
    ready = false;
    void from.end().catch(() => undefined);
    timer = setTimeout(() => {
      timer = null;
      void connect(true);
    }, options.reconnectMs ?? RECONNECT_MS);
    timer.unref();
  };

  const connect = async (again: boolean) => {
    const next = new pg.Client({ connectionString: options.url, application_name: "reachable-classroom" });
    client = next;
    next.on("notification", (message) => {
      if (message.channel !== CLASSROOM_CHANNEL) return;
      const notice = decodeNotice(message.payload);
      if (notice === null) return;
      for (const subscriber of subscribers) subscriber.onNotice(notice);
    });
    next.on("error", (error) => {
      onError(error);
      retry(next);
    });
    next.on("end", () => {
      retry(next);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CLASSROOM_CHANNEL}`);
      if (client !== next) return;
      ready = true;
      markListening();
      if (again) for (const subscriber of subscribers) subscriber.onResync();
    } catch (error) {
      onError(error);
      retry(next);
    }
  };
  void connect(false);

  return {
    listening,
    shared: true,
    announce(notice) {
      const current = client;
      if (current === null || !ready) return;
      current.query("SELECT pg_notify($1, $2)", [CLASSROOM_CHANNEL, encodeNotice(notice)]).catch(onError);
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    async close() {
      closed = true;
      subscribers.clear();
      if (timer !== null) clearTimeout(timer);
      const current = client;
      client = null;
      if (current !== null) await current.end().catch(() => undefined);
    },
  };
}
