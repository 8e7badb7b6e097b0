// How each option of a generated question was proven right or wrong: the check that settled it (an analyze
// verdict, a proposeFixes result, a decision-table or fact-table entry). Kept beside the question, not in it,
// so exports and the client never carry it; scripts/check-generator.ts counts the proofs and fails on an
// option without one.
import type { OptionId, Question } from "./question";

const proofs = new WeakMap<Question, Readonly<Record<OptionId, string>>>();

export function recordProofs(question: Question, perOption: Readonly<Record<OptionId, string>>): void {
  proofs.set(question, perOption);
}

/** The proof of each option, by option id; undefined when the question was built without proofs. */
export function proofsOf(question: Question): Readonly<Record<OptionId, string>> | undefined {
  return proofs.get(question);
}
