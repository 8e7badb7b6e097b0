// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";

// Practice and exam sessions: the machine's persisted snapshot lives here so that a reload or a
// closed tab resumes where the learner was. lib/db maps rows to plain values and never interprets a snapshot:
// the caller restores it through its versioned codec (lib/quiz/persistence.ts).

export type SessionKind = "practice" | "exam";
export type SessionStatus = "active" | "finished";

export type StoredSession = {
  readonly id: string;
  readonly learnerId: string;
  readonly kind: SessionKind;
  readonly machineVersion: number;
  /** The persisted envelope ({ machine, version, snapshot }) as parsed JSON; restore it with the codec. */
  readonly snapshot: unknown;
  readonly config: unknown;
  readonly seed: number | null;
  readonly deadline: Date | null;
  readonly status: SessionStatus;
  readonly result: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
};

export type NewSession = {
  readonly kind: SessionKind;
  readonly persisted: { readonly version: number };
  readonly config: unknown;
  readonly seed?: number;
  readonly deadline?: Date;
  readonly now: Date;
};

export type SessionUpdate = {
  readonly persisted: { readonly version: number };
  readonly now: Date;
  /**
   * Optimistic concurrency: write only if the row was last saved at this time (the `updatedAt` read with the
   * snapshot), so two racing requests (a double click) cannot both apply an event to the same old snapshot.
   */
  readonly ifUpdatedAt?: Date;
  /** Set both when the session ends; the result is the graded read-out kept for history. */
  readonly finished?: { readonly result: unknown };
};

type Row = {
  id: string;
  learnerId: string;
  kind: string;
  machineVersion: number;
  snapshot: string;
  config: string;
  seed: number | null;
  deadline: Date | null;
  status: string;
  result: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

function toSession(row: Row): StoredSession {
  if (row.kind !== "practice" && row.kind !== "exam")
    throw new Error(`session ${row.id}: unknown kind "${row.kind}"`);
  if (row.status !== "active" && row.status !== "finished")
    throw new Error(`session ${row.id}: unknown status "${row.status}"`);
  return {
    id: row.id,
    learnerId: row.learnerId,
    kind: row.kind,
    machineVersion: row.machineVersion,
    snapshot: JSON.parse(row.snapshot) as unknown,
    config: JSON.parse(row.config) as unknown,
    seed: row.seed,
    deadline: row.deadline,
    status: row.status,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * Starts a session. A learner has at most one active session per kind: an older active one of the same kind
 * is closed first (its snapshot is kept, its status becomes finished with a null result), in one transaction.
 */
export async function createSession(db: Db, learnerId: string, session: NewSession): Promise<StoredSession> {
  const id = randomUUID();
  const [, row] = await db.$transaction([
    db.studySession.updateMany({
      where: { learnerId, kind: session.kind, status: "active" },
      data: { status: "finished", finishedAt: session.now, updatedAt: session.now },
    }),
    db.studySession.create({
      data: {
        id,
        learnerId,
        kind: session.kind,
        machineVersion: session.persisted.version,
        snapshot: JSON.stringify(session.persisted),
        config: JSON.stringify(session.config),
        seed: session.seed ?? null,
        deadline: session.deadline ?? null,
        status: "active",
        result: null,
        createdAt: session.now,
        updatedAt: session.now,
      },
    }),
  ]);
  return toSession(row);
}

/** The learner's active session of a kind, if any. */
export async function findActiveSession(
  db: Db,
  learnerId: string,
  kind: SessionKind,
): Promise<StoredSession | null> {
  const row = await db.studySession.findFirst({
    where: { learnerId, kind, status: "active" },
    orderBy: { createdAt: "desc" },
  });
  return row ? toSession(row) : null;
}

/** One session of this learner; another learner's id reads as not found. */
export async function findSession(db: Db, learnerId: string, id: string): Promise<StoredSession | null> {
  const row = await db.studySession.findFirst({ where: { id, learnerId } });
  return row ? toSession(row) : null;
}

/**
 * Saves a new snapshot. Only an active session changes: a finished one stays as it ended, so a late request
 * from a second tab cannot rewrite a result. Returns false when nothing was written.
 */
export async function updateSession(
  db: Db,
  learnerId: string,
  id: string,
  update: SessionUpdate,
): Promise<boolean> {
  const { count } = await db.studySession.updateMany({
    where: {
      id,
      learnerId,
      status: "active",
      ...(update.ifUpdatedAt ? { updatedAt: update.ifUpdatedAt } : {}),
    },
    data: {
      snapshot: JSON.stringify(update.persisted),
      machineVersion: update.persisted.version,
      updatedAt: update.now,
      ...(update.finished
        ? { status: "finished", finishedAt: update.now, result: JSON.stringify(update.finished.result) }
        : {}),
    },
  });
  return count === 1;
}

/** Finished sessions with a result, newest first: the progress page's history. */
export async function listFinishedSessions(
  db: Db,
  learnerId: string,
  options: { kind?: SessionKind; limit?: number } = {},
): Promise<StoredSession[]> {
  const rows = await db.studySession.findMany({
    where: {
      learnerId,
      status: "finished",
      result: { not: null },
      ...(options.kind ? { kind: options.kind } : {}),
    },
    orderBy: { finishedAt: "desc" },
    take: options.limit ?? 50,
  });
  return rows.map(toSession);
}
