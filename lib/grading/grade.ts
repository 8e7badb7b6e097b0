// Grades a response against a generated question. Single-select: all or nothing. Multi-select: partial
// credit = (right picks - wrong picks) / size of the key, floored at 0, so guessing everything earns nothing.
import type { OptionId, Question } from "../scenario/question";

export type OptionFeedback = {
  readonly optionId: OptionId;
  readonly text: string;
  readonly chosen: boolean;
  readonly correct: boolean;
  readonly why: string;
};

export type GradeResult = {
  readonly correct: boolean;
  /** 0..1 */
  readonly score: number;
  readonly feedback: {
    readonly summary: string;
    /** The options the learner chose plus the key options they missed, in option order. */
    readonly options: readonly OptionFeedback[];
    readonly rules: readonly string[];
    readonly trace?: readonly string[];
    /** Response ids that are not options of this question (counted as wrong picks). */
    readonly unknownOptionIds: readonly string[];
  };
};

export function grade(question: Question, response: readonly string[]): GradeResult {
  const key = new Set(question.answer);
  const optionIds = new Set(question.options.map((option) => option.id));
  const chosen = new Set(response);
  const unknownOptionIds = [...chosen].filter((id) => !optionIds.has(id));

  let rightPicks = 0;
  let wrongPicks = unknownOptionIds.length;
  for (const id of chosen) {
    if (!optionIds.has(id)) continue;
    if (key.has(id)) rightPicks += 1;
    else wrongPicks += 1;
  }
  const exact = wrongPicks === 0 && rightPicks === key.size;
  let score: number;
  if (question.multiSelect === true) {
    score = Math.max(0, (rightPicks - wrongPicks) / key.size);
  } else {
    score = exact && chosen.size === 1 ? 1 : 0;
  }
  const correct = exact && (question.multiSelect === true || chosen.size === 1);

  const options: OptionFeedback[] = question.options
    .filter((option) => chosen.has(option.id) || key.has(option.id))
    .map((option) => ({
      optionId: option.id,
      text: option.text,
      chosen: chosen.has(option.id),
      correct: key.has(option.id),
      why: question.explanation.perOption[option.id] ?? "",
    }));

  const explanation = question.explanation;
  return {
    correct,
    score: correct ? 1 : score,
    feedback: {
      summary: explanation.summary,
      options,
      rules: [...explanation.rules],
      ...(explanation.trace !== undefined ? { trace: [...explanation.trace] } : {}),
      unknownOptionIds,
    },
  };
}
