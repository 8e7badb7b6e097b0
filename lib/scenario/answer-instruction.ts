// How many options to pick, said once. A multi-select stem states its count ("(Choose two.)", as on AWS exams,
// which verify.ts requires); a rendering that added "Select all that apply" after it would contradict the stem.
import type { Question } from "./question";

const STATED_COUNT = /\(Choose (?:two|three|four)\.\)\s*$/;

/** The line a rendering adds before the options, or undefined when the stem already says how many to pick. */
export function answerInstruction(q: Pick<Question, "stem" | "multiSelect">): string | undefined {
  if (q.multiSelect !== true) return undefined;
  return STATED_COUNT.test(q.stem) ? undefined : "Select all that apply.";
}
