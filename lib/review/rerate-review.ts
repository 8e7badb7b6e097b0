import {
  rateFromAnswer,
  reviewCard,
  undoLastReview,
  type ReviewLogEntry,
  type SelfRating,
  type SrsCard,
  type SrsResult,
  type SrsSettings,
} from "../srs/index";

export type ReratedReview = {
  /** The automatic review being replaced (to be marked undone). */
  readonly replaced: ReviewLogEntry;
  readonly card: SrsCard;
  readonly entry: ReviewLogEntry;
};

/**
 * After a right answer the learner rates it Again, Hard, Good or Easy. The automatic rating is taken back and
 * the same answer is scheduled again with the learner's rating, at the original review time, so the log
 * reads as if the learner had rated it so at once. A wrong answer stays Again (never Hard for wrong).
 */
export function rerateReview(
  card: SrsCard,
  log: readonly ReviewLogEntry[],
  selfRating: SelfRating,
  settings: SrsSettings,
  questionSeed: string,
): SrsResult<ReratedReview> {
  const undone = undoLastReview(card, log);
  if (!undone.ok) return undone;
  const last = undone.value.entry;
  if (last.questionSeed !== questionSeed) {
    return {
      ok: false,
      issues: [{ path: ["questionId"], message: "only the latest review of this card can be re-rated" }],
    };
  }
  if (!last.correct && selfRating !== "again") {
    return { ok: false, issues: [{ path: ["rating"], message: "a wrong answer stays rated Again" }] };
  }
  const reviewed = reviewCard(
    undone.value.card,
    rateFromAnswer(true, selfRating),
    new Date(last.reviewedAt),
    settings,
    {
      timeTakenMs: last.timeTakenMs,
      questionSeed: last.questionSeed,
      correct: true,
    },
  );
  if (!reviewed.ok) return reviewed;
  return { ok: true, value: { replaced: last, ...reviewed.value } };
}
