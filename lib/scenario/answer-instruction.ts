// How many options to pick, said once. A multi-select stem states its count ("(Choose two.)", as on AWS exams,
// which verify.ts requires); a rendering that added "Select all that apply" after it would contradict the stem.
import type { Question } from "./question";

const STATED_COUNT = /\(Choose (?:two|three|four)\.\)\s*$/;

/** The line a rendering adds before the options, or undefined when the stem already says how many to pick. */
export function answerInstruction(q: Pick<Question, "stem" | "multiSelect">): string | undefined {
  if (q.multiSelect !== true) return undefined;
  return STATED_COUNT.test(q.stem) ? undefined : "Select all that apply.";
}

const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4 };
const NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six"];
const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/**
 * How many options the question asks for: 1 for a single-answer question, the stem's stated count for
 * "(Choose two.)", undefined for a multi-select stem that states none ("Select all that apply"). From the
 * stem and multiSelect only, which the client sees anyway: it tells nothing about the key.
 */
export function statedChoiceCount(q: Pick<Question, "stem" | "multiSelect">): number | undefined {
  if (q.multiSelect !== true) return 1;
  const word = /\(Choose (two|three|four)\.\)\s*$/.exec(q.stem)?.[1];
  return word === undefined ? undefined : COUNT_WORDS[word];
}

/**
 * Why a response cannot be graded yet: nothing chosen, or not the number the question states ("This question
 * asks for two answers; you chose one."). Undefined when it can be graded. The browser shows it before
 * sending, the server refuses with it (a 400 naming `response`), so a short pick is never graded as wrong.
 */
export function choiceCountProblem(
  q: Pick<Question, "stem" | "multiSelect">,
  response: readonly string[],
): string | undefined {
  const chosen = new Set(response).size;
  if (chosen === 0) return "Choose an answer first.";
  const wanted = statedChoiceCount(q);
  if (wanted === undefined || chosen === wanted) return undefined;
  if (wanted === 1) return "This question has one answer; choose one option.";
  return `This question asks for ${inWords(wanted)} answers; you chose ${inWords(chosen)}.`;
}
