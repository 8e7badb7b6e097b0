// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { recordedDuration } from "../quiz/recorded-duration";
import { conceptsJson, parseConcepts } from "./concepts-json";

/** One graded answer, in the domain's terms (the row keeps the response as JSON text). */
export type AttemptRecord = {
  readonly questionId: string;
  readonly family: string;
  readonly seed: number;
  readonly difficulty: number;
  readonly response: readonly string[];
  readonly correct: boolean;
  readonly score: number;
  readonly durationMs: number;
  readonly context: string;
  readonly startedAt: Date;
  readonly answeredAt: Date;
  /** The question's concept ids; stored so mastery is read without regenerating the question. */
  readonly concepts?: readonly string[];
};

export type StoredAttempt = AttemptRecord & { readonly id: string; readonly learnerId: string };

/**
 * Appends an attempt. Attempts are a log: a lesson question may be tried again, and each try is kept.
 * Whether a second answer is allowed at all is the session's decision (practice and exam refuse it).
 */
export async function recordAttempt(
  db: Db,
  learnerId: string,
  attempt: AttemptRecord,
): Promise<StoredAttempt> {
  const id = randomUUID();
  await db.attempt.create({ data: { id, learnerId, ...attemptData(attempt) } });
  return { id, learnerId, ...attempt };
}

function attemptData({ concepts, response, durationMs, ...rest }: AttemptRecord) {
  // Capped where each duration is measured; again here, so no caller can overflow PostgreSQL's int4 column.
  return {
    ...rest,
    durationMs: recordedDuration(durationMs),
    response: JSON.stringify(response),
    concepts: conceptsJson(concepts),
  };
}

/** Appends many attempts in one statement (a classroom round graded for a whole room at once). */
export async function recordAttempts(
  db: Db,
  attempts: readonly { readonly learnerId: string; readonly attempt: AttemptRecord }[],
): Promise<void> {
  if (attempts.length === 0) return;
  await db.attempt.createMany({
    data: attempts.map(({ learnerId, attempt }) => ({
      id: randomUUID(),
      learnerId,
      ...attemptData(attempt),
    })),
  });
}

/** A learner's attempts, newest first; `contextPrefix` narrows to e.g. "lesson:". */
export async function listAttempts(
  db: Db,
  learnerId: string,
  options: { limit?: number; contextPrefix?: string } = {},
): Promise<StoredAttempt[]> {
  const rows = await db.attempt.findMany({
    where: {
      learnerId,
      ...(options.contextPrefix ? { context: { startsWith: options.contextPrefix } } : {}),
    },
    orderBy: { answeredAt: "desc" },
    take: options.limit ?? 100,
  });
  return rows.map((row) => ({
    id: row.id,
    learnerId: row.learnerId,
    questionId: row.questionId,
    family: row.family,
    seed: row.seed,
    difficulty: row.difficulty,
    response: parseResponse(row.response),
    correct: row.correct,
    score: row.score,
    durationMs: row.durationMs,
    context: row.context,
    startedAt: row.startedAt,
    answeredAt: row.answeredAt,
  }));
}

function parseResponse(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Whether the learner has a recorded attempt at this question in this context (e.g. "lesson:peering"). */
export async function hasAttempt(
  db: Db,
  learnerId: string,
  questionId: string,
  context: string,
): Promise<boolean> {
  const row = await db.attempt.findFirst({ where: { learnerId, questionId, context }, select: { id: true } });
  return row !== null;
}

/** What the progress page reads of an answer: which question, right or not, when, and its stored concepts. */
export type GradedAttempt = {
  readonly questionId: string;
  readonly correct: boolean;
  readonly answeredAt: Date;
  /** Null on rows written before concepts were stored (the caller regenerates the question). */
  readonly concepts: readonly string[] | null;
};

/** A learner's newest graded answers, newest first, with only the columns mastery needs. */
export async function listGradedAttempts(
  db: Db,
  learnerId: string,
  options: { limit: number },
): Promise<GradedAttempt[]> {
  const rows = await db.attempt.findMany({
    where: { learnerId },
    orderBy: { answeredAt: "desc" },
    take: options.limit,
    select: { questionId: true, correct: true, answeredAt: true, concepts: true },
  });
  return rows.map((row) => ({ ...row, concepts: parseConcepts(row.concepts) }));
}
