import { scheduleOf, type SrsCard } from "./card";
import { recordedDuration } from "../quiz/recorded-duration";
import { type ReviewRating } from "./rating";
import { fail, succeed, type SrsResult } from "./result";
import { predictRecall } from "./retrievability";
import { type ReviewLogEntry, type ReviewMeta } from "./review-log";
import { scheduleNext } from "./scheduler";
import { type SrsSettings } from "./settings";

export type ReviewOutcome = {
  readonly card: SrsCard;
  readonly entry: ReviewLogEntry;
};

/**
 * Schedules the card's next review with FSRS and returns the log row to append. The caller writes both
 * in one transaction (the card row and its log row are written together).
 */
export function reviewCard(
  card: SrsCard,
  rating: ReviewRating,
  now: Date,
  settings: SrsSettings,
  meta: ReviewMeta,
): SrsResult<ReviewOutcome> {
  if (Number.isNaN(now.getTime())) {
    return fail(["now"], "now is not a valid date");
  }
  if (!meta.correct && rating !== "again") {
    return fail(["rating"], `a wrong answer is rated "again", not "${rating}"`);
  }
  if (card.suspended) {
    return fail(["card", "suspended"], "a suspended card cannot be reviewed");
  }
  if (!Number.isFinite(meta.timeTakenMs) || meta.timeTakenMs < 0) {
    return fail(["meta", "timeTakenMs"], "timeTakenMs must be a non-negative number");
  }
  if (card.lastReview !== null && now.getTime() < Date.parse(card.lastReview)) {
    return fail(["now"], "now is before the card's last review");
  }
  const before = scheduleOf(card);
  const after = scheduleNext(before, rating, now, settings);
  const entry: ReviewLogEntry = {
    learnerId: card.learnerId,
    skillId: card.skillId,
    reviewedAt: now.toISOString(),
    rating,
    correct: meta.correct,
    // A tab left open for days is not thinking time; capped so the review log can store it (recorded-duration).
    timeTakenMs: recordedDuration(meta.timeTakenMs),
    questionSeed: meta.questionSeed,
    predictedRecall: predictRecall(before, now, settings),
    desiredRetention: settings.desiredRetention,
    maximumIntervalDays: settings.maximumIntervalDays,
    fsrsParameters: settings.fsrsParameters ?? null,
    before,
    nextDue: after.due,
  };
  return succeed({ card: { ...card, ...after }, entry });
}
