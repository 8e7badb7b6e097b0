import { randomUUID } from "node:crypto";
import type { Db } from "./client";

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
};

export type StoredAttempt = AttemptRecord & { readonly id: string; readonly learnerId: string };

export class DuplicateAttemptError extends Error {
  constructor(readonly questionId: string) {
    super(`questionId: "${questionId}" was already answered in this context`);
  }
}

/** Saves an attempt; a second answer to the same question in the same context is refused, not overwritten. */
export async function recordAttempt(db: Db, learnerId: string, attempt: AttemptRecord): Promise<StoredAttempt> {
  const id = randomUUID();
  try {
    await db.attempt.create({
      data: { id, learnerId, ...attempt, response: JSON.stringify(attempt.response) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateAttemptError(attempt.questionId);
    throw error;
  }
  return { id, learnerId, ...attempt };
}

/** A learner's attempts, newest first. */
export async function listAttempts(db: Db, learnerId: string, limit = 100): Promise<StoredAttempt[]> {
  const rows = await db.attempt.findMany({
    where: { learnerId },
    orderBy: { answeredAt: "desc" },
    take: limit,
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
