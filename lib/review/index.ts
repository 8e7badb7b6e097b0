// Review orchestration between the scheduler (lib/srs), the generator (lib/scenario) and grading. Pure.
export { answerReview, type AnsweredReview } from "./answer-review";
export { familiesForSkill, isQuestionForSkill } from "./families-for-skill";
export { findOfferedCard, nextCard } from "./next-card";
export { pickReviewQuestion, seenSeedsOf, type PickedQuestion } from "./pick-review-question";
export { rerateReview, type ReratedReview } from "./rerate-review";
export { countLearning, dueIn } from "./due-in";
export { seenExceptRestored } from "./undo-restore";
