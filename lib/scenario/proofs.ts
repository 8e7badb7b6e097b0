// How each option of a generated question was proven right or wrong: the check that settled it (an analyze
// verdict, a proposeFixes result, a decision-table or fact-table entry). Kept beside the question, not in it,
// so exports and the client never carry it; scripts/check-generator.ts counts the proofs and fails on an
// option without one.
// The caller that wants the proofs owns where they go: it passes a ProofSink to Family.generate and reads it
// afterwards. No module-level map keyed by the question object: such a WeakMap also made every
// garbage collection walk one ephemeron per question ever generated and still alive.
import type { OptionId } from "./question";

/** Filled by buildQuestion with the proof of each option, by option id. One sink per generated question. */
export type ProofSink = { proofs?: Readonly<Record<OptionId, string>> };
