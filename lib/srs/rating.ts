// Ratings are derived from the graded answer, not from a button the learner might misuse. FSRS maintainers'
// guidance: a failed recall is Again; Hard means "recalled with difficulty" and is a pass, so a wrong answer
// must never be Hard (it would raise stability for something the learner got wrong).

export const REVIEW_RATINGS = ["again", "hard", "good", "easy"] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/** What the learner may add after a right answer; a wrong answer takes no self-rating. */
export type SelfRating = "hard" | "easy";

export function rateFromAnswer(correct: boolean, selfRating?: SelfRating): ReviewRating {
  if (!correct) {
    return "again";
  }
  return selfRating ?? "good";
}

export function isPassingRating(rating: ReviewRating): boolean {
  return rating !== "again";
}
