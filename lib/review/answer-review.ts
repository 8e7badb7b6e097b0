import { answerOutcome, type AnswerOutcome } from "../grading/outcome";
import type { Question } from "../scenario/question";
import {
  parseSkillId,
  rateFromAnswer,
  reviewCard,
  type ReviewLogEntry,
  type ReviewRating,
  type SrsCard,
  type SrsResult,
  type SrsSettings,
} from "../srs/index";
import { isQuestionForSkill } from "./families-for-skill";

export type AnsweredReview = {
  readonly outcome: AnswerOutcome;
  readonly rating: ReviewRating;
  readonly card: SrsCard;
  readonly entry: ReviewLogEntry;
};

/**
 * Grades a review answer and schedules the card from the grade alone: wrong is Again, right is Good (the FSRS
 * maintainers' guidance; a wrong answer is never Hard). The learner may change Good to Hard or Easy afterwards
 * (see rerateReview). The question's ID is logged as its seed, so the exact variant can be regenerated.
 */
export function answerReview(input: {
  readonly card: SrsCard;
  readonly question: Question;
  readonly response: readonly string[];
  readonly now: Date;
  readonly settings: SrsSettings;
  readonly timeTakenMs: number;
}): SrsResult<AnsweredReview> {
  const { card, question, response } = input;
  const skill = parseSkillId(card.skillId);
  if (!skill.ok) return skill;
  if (!isQuestionForSkill(question, skill.value)) {
    return {
      ok: false,
      issues: [{ path: ["questionId"], message: `question ${question.id} does not assess ${card.skillId}` }],
    };
  }
  if (response.length === 0) {
    return { ok: false, issues: [{ path: ["response"], message: "choose at least one option" }] };
  }
  const known = new Set(question.options.map((option) => option.id));
  const unknown = response.find((id) => !known.has(id));
  if (unknown !== undefined) {
    return {
      ok: false,
      issues: [{ path: ["response"], message: `"${unknown}" is not an option of this question` }],
    };
  }
  // A review always shows the solution: the card will not come back for days, so there is no retry to protect.
  const outcome = answerOutcome(question, response, "always");
  const rating = rateFromAnswer(outcome.correct);
  const reviewed = reviewCard(card, rating, input.now, input.settings, {
    timeTakenMs: input.timeTakenMs,
    questionSeed: question.id,
    correct: outcome.correct,
  });
  if (!reviewed.ok) return reviewed;
  return { ok: true, value: { outcome, rating, ...reviewed.value } };
}
