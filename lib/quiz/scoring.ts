// Classroom points: a correct answer earns base points plus a speed bonus that shrinks linearly from the moment
// the teacher opened the question to the end of its time limit. Wrong or missing answers earn nothing, so
// speed never rewards guessing. Pure and deterministic: both times come from events.

export const BASE_POINTS = 500;
export const MAX_SPEED_BONUS = 500;
export const DEFAULT_QUESTION_TIME_LIMIT_MS = 20_000;

export type AnswerTiming = {
  readonly correct: boolean;
  readonly openedAt: number;
  readonly answeredAt: number;
  readonly timeLimitMs: number;
};

/** Points for one answer: 0 if wrong; otherwise BASE_POINTS + a bonus in [0, MAX_SPEED_BONUS]. */
export function scoreAnswer({ correct, openedAt, answeredAt, timeLimitMs }: AnswerTiming): number {
  if (!correct) return 0;
  if (!(timeLimitMs > 0)) throw new Error(`scoreAnswer: timeLimitMs must be positive, got ${timeLimitMs}`);
  const elapsed = Math.min(Math.max(answeredAt - openedAt, 0), timeLimitMs);
  return BASE_POINTS + Math.round(MAX_SPEED_BONUS * (1 - elapsed / timeLimitMs));
}
