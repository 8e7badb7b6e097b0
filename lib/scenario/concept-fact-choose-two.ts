// One "Choose two." item of the concept-check table: exactly two true statements and three false ones, as on
// AWS exams (ANS-C01, SAA-C03), where a multiple-response item shows five options and two keys and gives no
// credit for one of the two. Kept apart from Fact so that single-answer facts keep their simpler shape.
import type { Difficulty } from "./question";

/** One option with the reason it is right or wrong; the reason cites catalogue rule IDs. */
export type FactOption = { readonly text: string; readonly why: string };

export type ChooseTwoFact = {
  readonly id: string;
  readonly concepts: readonly string[];
  readonly rules: readonly string[];
  readonly difficulty: Difficulty;
  /** Ends with CHOOSE_TWO. */
  readonly stem: string;
  /** The explanation's summary: why the two keys belong together. */
  readonly why: string;
  readonly right: readonly [FactOption, FactOption];
  /** Exactly three: every one is shown, so the question always has five options. */
  readonly wrong: readonly [FactOption, FactOption, FactOption];
};

/** The instruction AWS exams put at the end of a multiple-response stem. */
export const CHOOSE_TWO = "(Choose two.)";
