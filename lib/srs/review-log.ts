import { type CardSchedule } from "./card";
import { type ReviewRating } from "./rating";
import { type SkillId } from "./skill-id";

/**
 * One row of the append-only review log, the source of truth for a learner's history. `before` is the whole
 * pre-review schedule, so an undo restores the card exactly (ts-fsrs's own rollback rebuilds `due` from the
 * review time, which loses the original due date of a card reviewed late).
 */
export type ReviewLogEntry = {
  readonly learnerId: string;
  readonly skillId: SkillId;
  /** ISO-8601 instant of the review. */
  readonly reviewedAt: string;
  readonly rating: ReviewRating;
  readonly correct: boolean;
  readonly timeTakenMs: number;
  /** Seed of the generated question shown, so the exact variant can be regenerated. */
  readonly questionSeed: string;
  /** FSRS's predicted recall at review time (null for a new card); compare with `correct` for calibration. */
  readonly predictedRecall: number | null;
  /** The settings in force, since they shaped the interval that followed; replaying the log needs them. */
  readonly desiredRetention: number;
  readonly maximumIntervalDays: number;
  /** The fitted FSRS parameters in force (null or absent: the defaults), for the same reason. */
  readonly fsrsParameters?: readonly number[] | null | undefined;
  readonly before: CardSchedule;
  /** Due date the review produced; saves replaying the scheduler for forecasts and audits. */
  readonly nextDue: string;
};

export type ReviewMeta = {
  readonly timeTakenMs: number;
  readonly questionSeed: string;
  readonly correct: boolean;
};

/** Later review first: by time, then by review count (two reviews can share a millisecond). */
function isLaterReview(a: ReviewLogEntry, b: ReviewLogEntry): boolean {
  const byTime = Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt);
  return byTime > 0 || (byTime === 0 && a.before.reps > b.before.reps);
}

/** A learner's most recent review of one skill, or undefined; entries may come in any order. */
export function findLastReview(
  log: readonly ReviewLogEntry[],
  learnerId: string,
  skillId: SkillId,
): ReviewLogEntry | undefined {
  let last: ReviewLogEntry | undefined;
  for (const entry of log) {
    if (
      entry.learnerId === learnerId &&
      entry.skillId === skillId &&
      (last === undefined || isLaterReview(entry, last))
    ) {
      last = entry;
    }
  }
  return last;
}
