// The answer is graded first and sets the rating's floor. FSRS maintainers' guidance: a failed recall is
// Again; Hard means "recalled with difficulty" and is a pass, so a wrong answer must never be Hard, Good or
// Easy (it would raise stability for something the learner got wrong). After a right answer the learner
// chooses among all four, as in Anki: Again for a lucky guess, Hard, Good (the default) or Easy.

export const REVIEW_RATINGS = ["again", "hard", "good", "easy"] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/** What the learner may choose after a right answer; a wrong answer takes no self-rating. */
export type SelfRating = ReviewRating;

export function rateFromAnswer(correct: boolean, selfRating?: SelfRating): ReviewRating {
  if (!correct) {
    return "again";
  }
  return selfRating ?? "good";
}

/** The ratings a learner may give an answer: all four after a right one, only Again after a wrong one. */
export function allowedRatings(correct: boolean): readonly ReviewRating[] {
  return correct ? REVIEW_RATINGS : ["again"];
}

export function isPassingRating(rating: ReviewRating): boolean {
  return rating !== "again";
}
