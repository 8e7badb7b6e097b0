// One fact of the concept-check table (concept-facts.ts and its per-group files), in a file of its own so
// that the group files need not import the table that imports them.
import type { Difficulty } from "./question";

export type FactDistractor = { readonly text: string; readonly why: string };

export type Fact = {
  readonly id: string;
  readonly concepts: readonly string[];
  readonly rules: readonly string[];
  readonly difficulty: Difficulty;
  readonly stem: string;
  readonly right: string;
  readonly why: string;
  /** At least three; a question shows three of them. */
  readonly wrong: readonly FactDistractor[];
};
