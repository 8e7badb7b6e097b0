// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";
import { Prisma } from "./generated/client";
import { isUniqueViolation } from "./unique-violation";

// Live classroom games: one row per join code holding the classroom machine's persisted snapshot, shared by the
// teacher and every player. lib/db never interprets the snapshot (the caller restores it through its versioned
// codec). Many players answer at once, so every change is a read-apply-write guarded by `revision`: a write
// whose revision moved meanwhile is retried on the fresh row, and no answer overwrites another.

export type ClassroomGameStatus = "active" | "finished";

export type StoredClassroomGame = {
  readonly joinCode: string;
  readonly teacherLearnerId: string;
  readonly machineVersion: number;
  /** The persisted envelope ({ machine, version, snapshot }) as parsed JSON; restore it with the codec. */
  readonly snapshot: unknown;
  readonly config: unknown;
  readonly status: ClassroomGameStatus;
  /** Incremented by every write; the optimistic-concurrency token. */
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type NewClassroomGame = {
  readonly joinCode: string;
  readonly teacherLearnerId: string;
  readonly persisted: { readonly version: number };
  readonly config: unknown;
  readonly now: Date;
};

export type ClassroomDbIssue = { readonly path: string; readonly message: string };

type Row = {
  joinCode: string;
  teacherLearnerId: string;
  machineVersion: number;
  snapshot: string;
  config: string;
  status: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
};

function toGame(row: Row): StoredClassroomGame {
  if (row.status !== "active" && row.status !== "finished")
    throw new Error(`classroom ${row.joinCode}: unknown status "${row.status}"`);
  return {
    joinCode: row.joinCode,
    teacherLearnerId: row.teacherLearnerId,
    machineVersion: row.machineVersion,
    snapshot: JSON.parse(row.snapshot) as unknown,
    config: JSON.parse(row.config) as unknown,
    status: row.status,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Creates a game; a join code already in use (by any game, active or not) is refused, not overwritten. */
export async function createClassroomGame(
  db: Db,
  game: NewClassroomGame,
): Promise<
  | { readonly ok: true; readonly game: StoredClassroomGame }
  | { readonly ok: false; readonly issues: readonly ClassroomDbIssue[] }
> {
  // Checked first for a clear refusal; the primary key still refuses a duplicate that races past the check.
  const existing = await db.classroomGame.findUnique({
    where: { joinCode: game.joinCode },
    select: { joinCode: true },
  });
  if (existing)
    return {
      ok: false,
      issues: [{ path: "joinCode", message: `join code ${game.joinCode} is already in use` }],
    };
  try {
    const row = await db.classroomGame.create({
      data: {
        joinCode: game.joinCode,
        teacherLearnerId: game.teacherLearnerId,
        machineVersion: game.persisted.version,
        snapshot: JSON.stringify(game.persisted),
        config: JSON.stringify(game.config),
        status: "active",
        revision: 0,
        createdAt: game.now,
        updatedAt: game.now,
      },
    });
    return { ok: true, game: toGame(row) };
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        ok: false,
        issues: [{ path: "joinCode", message: `join code ${game.joinCode} is already in use` }],
      };
    throw error;
  }
}

export async function findClassroomGame(db: Db, joinCode: string): Promise<StoredClassroomGame | null> {
  const row = await db.classroomGame.findUnique({ where: { joinCode } });
  return row ? toGame(row) : null;
}

/** A teacher's games still running, newest first. */
export async function listActiveClassroomGames(
  db: Db,
  teacherLearnerId: string,
  limit = 10,
): Promise<StoredClassroomGame[]> {
  const rows = await db.classroomGame.findMany({
    where: { teacherLearnerId, status: "active" },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map(toGame);
}

export type ClassroomGameSummary = {
  readonly joinCode: string;
  readonly status: ClassroomGameStatus;
  /** The settings the game was created with, as parsed JSON (the caller validates them). */
  readonly config: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

/**
 * A teacher's finished games, most recently ended first: the list of past games, each linking to its report.
 * The snapshot (about 170 kB for a room of 1,000) is not read for a list.
 */
export async function listFinishedClassroomGames(
  db: Db,
  teacherLearnerId: string,
  limit = 50,
): Promise<ClassroomGameSummary[]> {
  const rows = await db.classroomGame.findMany({
    where: { teacherLearnerId, status: "finished" },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { joinCode: true, status: true, config: true, createdAt: true, updatedAt: true },
  });
  return rows.map((row) => ({
    joinCode: row.joinCode,
    status: row.status === "finished" ? "finished" : "active",
    config: JSON.parse(row.config) as unknown,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export type ClassroomGameWrite = {
  readonly persisted: { readonly version: number };
  readonly status: ClassroomGameStatus;
  readonly now: Date;
};

/**
 * Writes a new snapshot only if the row is still at `ifRevision` and still active (a finished game stays as it
 * ended). Returns false when nothing was written: someone else wrote first, re-read and apply again.
 */
export async function saveClassroomGame(
  db: Db,
  joinCode: string,
  ifRevision: number,
  write: ClassroomGameWrite,
): Promise<boolean> {
  const { count } = await db.classroomGame.updateMany({
    where: { joinCode, revision: ifRevision, status: "active" },
    data: {
      snapshot: JSON.stringify(write.persisted),
      machineVersion: write.persisted.version,
      status: write.status,
      revision: ifRevision + 1,
      updatedAt: write.now,
    },
  });
  return count === 1;
}

/** What a change decides after reading the current row: write a new snapshot (or not) and what to reply. */
export type ClassroomChange<T> = { readonly write: ClassroomGameWrite | null; readonly result: T };

export type ClassroomUpdateResult<T> =
  | { readonly ok: true; readonly game: StoredClassroomGame; readonly result: T; readonly written: boolean }
  | { readonly ok: false; readonly issues: readonly ClassroomDbIssue[] };

export const MAX_UPDATE_TRIES = 20;

/**
 * Reads the game, lets `change` decide on the fresh row, and writes with the revision check; on a lost race it
 * re-reads and calls `change` again, so concurrent answers are each applied to a snapshot that holds the others.
 * `change` must therefore be pure in the row it is given (it may run more than once).
 */
export async function updateClassroomGame<T>(
  db: Db,
  joinCode: string,
  change: (game: StoredClassroomGame) => ClassroomChange<T>,
  maxTries = MAX_UPDATE_TRIES,
): Promise<ClassroomUpdateResult<T>> {
  for (let attempt = 0; attempt < maxTries; attempt += 1) {
    const game = await findClassroomGame(db, joinCode);
    if (game === null)
      return { ok: false, issues: [{ path: "joinCode", message: `no game has the join code ${joinCode}` }] };
    const decided = change(game);
    if (decided.write === null) return { ok: true, game, result: decided.result, written: false };
    if (game.status !== "active")
      return {
        ok: false,
        issues: [{ path: "joinCode", message: "this game is over: nothing more can change it" }],
      };
    if (await saveClassroomGame(db, joinCode, game.revision, decided.write)) {
      const saved: StoredClassroomGame = {
        ...game,
        snapshot: JSON.parse(JSON.stringify(decided.write.persisted)) as unknown,
        machineVersion: decided.write.persisted.version,
        status: decided.write.status,
        revision: game.revision + 1,
        updatedAt: decided.write.now,
      };
      return { ok: true, game: saved, result: decided.result, written: true };
    }
  }
  return { ok: false, issues: [{ path: "joinCode", message: "the game is too busy right now: try again" }] };
}

export type StoredClassroomAnswer = {
  readonly questionIndex: number;
  readonly playerId: string;
  readonly response: readonly string[];
  readonly answeredAt: Date;
};

/** PostgreSQL and SQLite need different SQL for the row locks below; the client says which it talks to. */
function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

/**
 * Appends acknowledged answers in one statement. The key (game, question, player) refuses a second answer of the
 * same player to the same question even from another process: the whole batch then fails and nothing is stored.
 * This is the classroom's hottest write (a batch per tick while a room answers), so it is one parameterised
 * INSERT rather than createMany: Prisma compiles a model query on every call, which measured about 2 ms of CPU
 * against 0.4 ms for the raw statement (the rows are stored the same way; the tests read them back through the
 * model).
 *
 * With `ifRevision` the rows are stored only while the game's row is still at that revision and active, and
 * false is returned otherwise (nothing stored): the server's copy of the game is behind (another server opened,
 * closed or joined meanwhile) and must catch up before it acknowledges. Answers never move the revision, so
 * answers from many servers never refuse each other. On PostgreSQL the check takes a shared lock on the game's
 * row (FOR SHARE): shared with other answers, but a close (which locks the row FOR UPDATE, see
 * saveClassroomGameFolding) waits for it, and an answer waiting on a close re-checks the revision after it.
 */
export async function appendClassroomAnswers(
  db: Db,
  joinCode: string,
  answers: readonly StoredClassroomAnswer[],
  options: { readonly ifRevision?: number } = {},
): Promise<boolean> {
  if (answers.length === 0) return true;
  if (options.ifRevision === undefined) {
    const rows = answers.map(
      (answer) =>
        Prisma.sql`(${joinCode}, ${answer.questionIndex}, ${answer.playerId}, ${JSON.stringify(answer.response)}, ${answer.answeredAt})`,
    );
    await db.$executeRaw`INSERT INTO "ClassroomAnswer" ("joinCode", "questionIndex", "playerId", "response", "answeredAt") VALUES ${Prisma.join(rows)}`;
    return true;
  }
  const postgres = isPostgres(db);
  // VALUES outside an INSERT ... VALUES has no column types to infer from: PostgreSQL is told them.
  const rows = answers.map((answer) =>
    postgres
      ? Prisma.sql`(${joinCode}, CAST(${answer.questionIndex} AS INTEGER), ${answer.playerId}, ${JSON.stringify(answer.response)}, CAST(${answer.answeredAt} AS TIMESTAMP(3)))`
      : Prisma.sql`(${joinCode}, ${answer.questionIndex}, ${answer.playerId}, ${JSON.stringify(answer.response)}, ${answer.answeredAt})`,
  );
  const lock = postgres ? Prisma.sql` FOR SHARE` : Prisma.empty;
  const count =
    await db.$executeRaw`INSERT INTO "ClassroomAnswer" ("joinCode", "questionIndex", "playerId", "response", "answeredAt") SELECT * FROM (VALUES ${Prisma.join(rows)}) AS answers WHERE EXISTS (SELECT 1 FROM "ClassroomGame" WHERE "joinCode" = ${joinCode} AND "revision" = ${options.ifRevision} AND "status" = 'active'${lock})`;
  return count === answers.length;
}

/**
 * A write that grades the open question (a close, by the teacher, the deadline or the last answer): like
 * saveClassroomGame, but `build` is given every answer stored for `questionIndex` while no new one can be
 * stored, and returns the snapshot to write with them folded in. So an answer another server acknowledged is
 * graded here, and an answer that arrives after the close is refused by appendClassroomAnswers' revision check
 * instead of being stored and never counted. Returns false when the row moved past `ifRevision` (catch up and
 * decide again). On PostgreSQL this is one transaction that locks the row first; on SQLite (one writer at a
 * time) it is the read, then an update that also checks that no answer was stored since the read.
 */
export async function saveClassroomGameFolding(
  db: Db,
  joinCode: string,
  ifRevision: number,
  questionIndex: number,
  build: (stored: readonly StoredClassroomAnswer[]) => ClassroomGameWrite,
): Promise<boolean> {
  if (isPostgres(db)) {
    return db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<
        { revision: number | bigint; status: string }[]
      >`SELECT "revision", "status" FROM "ClassroomGame" WHERE "joinCode" = ${joinCode} FOR UPDATE`;
      const row = locked[0];
      if (row === undefined || Number(row.revision) !== ifRevision || row.status !== "active") return false;
      const write = build(await listClassroomAnswers(tx as unknown as Db, joinCode, questionIndex));
      return saveClassroomGame(tx as unknown as Db, joinCode, ifRevision, write);
    });
  }
  const stored = await listClassroomAnswers(db, joinCode, questionIndex);
  const write = build(stored);
  const count =
    await db.$executeRaw`UPDATE "ClassroomGame" SET "snapshot" = ${JSON.stringify(write.persisted)}, "machineVersion" = ${write.persisted.version}, "status" = ${write.status}, "revision" = ${ifRevision + 1}, "updatedAt" = ${write.now} WHERE "joinCode" = ${joinCode} AND "revision" = ${ifRevision} AND "status" = 'active' AND (SELECT COUNT(*) FROM "ClassroomAnswer" WHERE "joinCode" = ${joinCode} AND "questionIndex" = ${questionIndex}) = ${stored.length}`;
  return count === 1;
}

/** The answers appended for one question of a game, oldest first. */
export async function listClassroomAnswers(
  db: Db,
  joinCode: string,
  questionIndex: number,
): Promise<StoredClassroomAnswer[]> {
  const rows = await db.classroomAnswer.findMany({
    where: { joinCode, questionIndex },
    orderBy: { answeredAt: "asc" },
  });
  return rows.map((row) => ({
    questionIndex: row.questionIndex,
    playerId: row.playerId,
    response: JSON.parse(row.response) as string[],
    answeredAt: row.answeredAt,
  }));
}
