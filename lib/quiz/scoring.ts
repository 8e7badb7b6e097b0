// Classroom points. In "speed" mode a correct answer earns base points plus a speed bonus that shrinks linearly
// from the moment the question opened to the end of its time limit, plus a streak bonus for the correct answers
// just before it; in "accuracy" mode every correct answer earns the same points, however fast. Wrong or missing
// answers earn nothing in both modes, so speed never rewards guessing. Pure: every time comes from events.

export const BASE_POINTS = 500;
export const MAX_SPEED_BONUS = 500;
/** Each correct answer in a row before this one adds this much, up to MAX_STREAK_BONUS. */
export const STREAK_BONUS_STEP = 100;
export const MAX_STREAK_BONUS = 500;
/** Accuracy mode: the same for every correct answer, the maximum a speed-mode answer without streak earns. */
export const ACCURACY_POINTS = BASE_POINTS + MAX_SPEED_BONUS;
export const DEFAULT_QUESTION_TIME_LIMIT_MS = 20_000;

export type ScoringMode = "speed" | "accuracy";
export const SCORING_MODES: readonly ScoringMode[] = ["speed", "accuracy"];

export type AnswerTiming = {
  readonly correct: boolean;
  readonly openedAt: number;
  readonly answeredAt: number;
  readonly timeLimitMs: number;
  /** Correct answers in a row just before this one (0 if the previous was wrong or missing). */
  readonly streak?: number;
  readonly mode?: ScoringMode;
};

/** The streak part of a correct answer's points in speed mode. */
export function streakBonus(streak: number): number {
  return Math.min(Math.max(0, Math.floor(streak)) * STREAK_BONUS_STEP, MAX_STREAK_BONUS);
}

/**
 * Points for one answer: 0 if wrong; in accuracy mode ACCURACY_POINTS; in speed mode BASE_POINTS + a bonus in
 * [0, MAX_SPEED_BONUS] + streakBonus(streak).
 */
export function scoreAnswer({
  correct,
  openedAt,
  answeredAt,
  timeLimitMs,
  streak = 0,
  mode = "speed",
}: AnswerTiming): number {
  if (!correct) return 0;
  if (!(timeLimitMs > 0)) throw new Error(`scoreAnswer: timeLimitMs must be positive, got ${timeLimitMs}`);
  if (mode === "accuracy") return ACCURACY_POINTS;
  const elapsed = Math.min(Math.max(answeredAt - openedAt, 0), timeLimitMs);
  return BASE_POINTS + Math.round(MAX_SPEED_BONUS * (1 - elapsed / timeLimitMs)) + streakBonus(streak);
}

/** How the points work, in the words the classroom pages show. */
export function describeScoring(mode: ScoringMode): string {
  if (mode === "accuracy")
    return `Accuracy only: every right answer earns ${ACCURACY_POINTS} points, however fast; a wrong or missing answer earns 0.`;
  return (
    `Speed and streak: a right answer earns ${BASE_POINTS} points, up to ${MAX_SPEED_BONUS} more the sooner it comes, ` +
    `and ${STREAK_BONUS_STEP} more for each right answer in a row before it (at most ${MAX_STREAK_BONUS}); ` +
    `a wrong or missing answer earns 0 and ends the streak.`
  );
}
