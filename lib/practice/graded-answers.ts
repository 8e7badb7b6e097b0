// The answers mastery and readiness are computed from: lesson, practice and exam attempts plus reviews, each
// with the concepts of the question answered. The concepts come stored with the row; only rows without them
// (written before the column existed, or by a writer without the question at hand) pay for regenerating the
// question, once per question id per call. Regenerating every answered question on each visit was what made
// the progress page the slowest page.
import type { GradedAnswer } from "./mastery";

export type AnswerRow = {
  readonly questionId: string;
  readonly correct: boolean;
  readonly answeredAt: Date;
  readonly concepts: readonly string[] | null;
};

export type ReviewRow = {
  readonly skillId: string;
  readonly questionId: string;
  readonly correct: boolean;
  readonly reviewedAt: Date;
  readonly concepts: readonly string[] | null;
};

/**
 * Attempts and reviews as graded answers. `regenerate` gives a question's concepts from its id (the
 * expensive path). A review counts toward its card's skill as well as the question's concepts.
 */
export function gradedAnswers(input: {
  readonly attempts: readonly AnswerRow[];
  readonly reviews: readonly ReviewRow[];
  readonly regenerate: (questionId: string) => readonly string[];
}): GradedAnswer[] {
  const regenerated = new Map<string, readonly string[]>();
  const conceptsOf = (row: { questionId: string; concepts: readonly string[] | null }) => {
    if (row.concepts !== null) return row.concepts;
    let concepts = regenerated.get(row.questionId);
    if (concepts === undefined) {
      concepts = input.regenerate(row.questionId);
      regenerated.set(row.questionId, concepts);
    }
    return concepts;
  };
  return [
    ...input.attempts.map((attempt) => ({
      questionId: attempt.questionId,
      concepts: conceptsOf(attempt),
      correct: attempt.correct,
      answeredAt: attempt.answeredAt.getTime(),
    })),
    ...input.reviews.map((review) => ({
      questionId: review.questionId,
      concepts: [...new Set([review.skillId, ...conceptsOf(review)])],
      correct: review.correct,
      answeredAt: review.reviewedAt.getTime(),
    })),
  ];
}
