// What every question family provides. A family declares the concept IDs it assesses (lib/content/concepts.ts) so that
// a coverage test can prove every `Q` concept is assessed somewhere.
import type { ProofSink } from "./proofs";
import type { Difficulty, Question } from "./question";

export type Family = {
  readonly name: string;
  readonly title: string;
  readonly concepts: readonly string[];
  readonly difficulties: readonly Difficulty[];
  /** True when the key comes from the reachability model (lib/net). */
  readonly usesModel: boolean;
  /** The question for (seed, difficulty); with `proofs`, the proof of each option is left there too. */
  readonly generate: (seed: number, difficulty: Difficulty, proofs?: ProofSink) => Question;
};
