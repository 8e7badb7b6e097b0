import { type SrsCard } from "./card";
import { fail, succeed, type SrsResult } from "./result";
import { findLastReview, type ReviewLogEntry } from "./review-log";

export type UndoneReview = {
  /** The card exactly as it was before its latest review. */
  readonly card: SrsCard;
  /** The log row that review wrote; the caller removes it in the same transaction as the card update. */
  readonly entry: ReviewLogEntry;
};

/**
 * Restores the card as it was before its latest review in `log` (the learner's log or just this card's
 * rows). The row's full pre-review schedule is used rather than ts-fsrs's rollback, which rebuilds `due`
 * from the review time and so loses the original due date of a card reviewed late. Suspension and
 * provenance are not scheduling state and stay as they are now.
 */
export function undoLastReview(card: SrsCard, log: readonly ReviewLogEntry[]): SrsResult<UndoneReview> {
  const entry = findLastReview(log, card.learnerId, card.skillId);
  if (entry === undefined) {
    return fail(["log"], `no review of ${card.skillId} to undo`);
  }
  // The card must be the state that review produced; otherwise the log and the card row disagree.
  if (
    card.lastReview !== entry.reviewedAt ||
    card.reps !== entry.before.reps + 1 ||
    card.due !== entry.nextDue
  ) {
    return fail(["card"], "the card is not in the state its latest review left it; nothing was undone");
  }
  return succeed({ card: { ...card, ...entry.before }, entry });
}
