// What the learner is shown after answering. A wrong answer in a lesson reveals only why the chosen options
// are wrong, so the learner can try again; the key and the full explanation come with a right answer or when
// the learner asks for them.
import type { OptionId, Question } from "../scenario/question";
import { grade, type OptionFeedback } from "./grade";

export type RevealPolicy = "always" | "when-correct";

export type AnswerOutcome = {
  readonly questionId: string;
  readonly correct: boolean;
  readonly score: number;
  /** Feedback on the options the learner chose. */
  readonly chosen: readonly OptionFeedback[];
  readonly revealed: boolean;
  /** Present only when revealed. */
  readonly solution?: {
    readonly key: readonly OptionId[];
    readonly summary: string;
    readonly options: readonly OptionFeedback[];
    readonly rules: readonly string[];
    readonly trace?: readonly string[];
  };
};

/** The full solution: every option with why it is right or wrong. */
export function solutionOf(question: Question): NonNullable<AnswerOutcome["solution"]> {
  const key = new Set(question.answer);
  return {
    key: [...question.answer],
    summary: question.explanation.summary,
    options: question.options.map((option) => ({
      optionId: option.id,
      text: option.text,
      chosen: false,
      correct: key.has(option.id),
      why: question.explanation.perOption[option.id] ?? "",
    })),
    rules: [...question.explanation.rules],
    ...(question.explanation.trace ? { trace: [...question.explanation.trace] } : {}),
  };
}

export function answerOutcome(
  question: Question,
  response: readonly OptionId[],
  policy: RevealPolicy,
): AnswerOutcome {
  const result = grade(question, response);
  const revealed = policy === "always" || result.correct;
  const chosen = result.feedback.options.filter((option) => option.chosen);
  const base = { questionId: question.id, correct: result.correct, score: result.score, chosen, revealed };
  if (!revealed) return base;
  const solution = solutionOf(question);
  const picked = new Set(response);
  return {
    ...base,
    solution: {
      ...solution,
      options: solution.options.map((o) => ({ ...o, chosen: picked.has(o.optionId) })),
    },
  };
}
