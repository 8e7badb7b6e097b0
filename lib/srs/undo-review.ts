import { type SrsCard } from "./card";
import { fail, succeed, type SrsResult } from "./result";
import { type ReviewLogEntry } from "./review-log";

/**
 * Restores the card as it was before `entry`, which must be the card's latest review: undoing an older
 * one would silently drop the reviews after it. Suspension and provenance are not scheduling state and stay.
 */
export function undoLastReview(card: SrsCard, entry: ReviewLogEntry): SrsResult<SrsCard> {
  if (entry.learnerId !== card.learnerId || entry.skillId !== card.skillId) {
    return fail(["entry", "skillId"], "the review belongs to another card");
  }
  if (card.lastReview !== entry.reviewedAt || card.reps !== entry.before.reps + 1 || card.due !== entry.nextDue) {
    return fail(["entry", "reviewedAt"], "the review is not the card's latest; only the last review can be undone");
  }
  return succeed({ ...card, ...entry.before });
}
