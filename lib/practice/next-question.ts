// Picks the next practice question: adaptive by default (favour concepts the learner gets wrong,
// via pickNextFocus), within the learner's selection, never repeating a seed in the session.
import { pickNextFocus } from "../quiz/adaptive";
import type { ConceptTallies } from "../quiz/concept-tallies";
import type { PracticeSettings } from "../quiz/practice-settings";
import type { Question } from "../scenario/question";
import type { Rng } from "../scenario/rng";
import {
  DEFAULT_CATALOG,
  eligibleFamilies,
  type Catalog,
  type CatalogIssue,
  type EligibleFamily,
} from "./catalog";
import { freshSeed } from "./fresh-seed";
import { toUnitRng } from "./unit-rng";

export type NextQuestionInput = {
  readonly settings: PracticeSettings;
  /** Off: every concept in the selection is equally likely. */
  readonly adaptive: boolean;
  readonly tallies: ConceptTallies;
  readonly askedSeeds: readonly number[];
  readonly rng: Rng;
  readonly catalog?: Catalog;
};

export type NextQuestion = { readonly question: Question; readonly focus: string };

export type NextQuestionResult =
  | { readonly ok: true; readonly next: NextQuestion }
  | { readonly ok: false; readonly issues: readonly CatalogIssue[] };

/** Generated variants tried per pick before settling for one that misses the focus concept. */
export const FOCUS_TRIES = 6;

export function chooseNextQuestion(input: NextQuestionInput): NextQuestionResult {
  const eligible = eligibleFamilies(input.settings.selection, input.catalog ?? DEFAULT_CATALOG);
  if (!eligible.ok) return eligible;
  const candidates = eligible.concepts;
  // Only tallies of concepts still in the selection weigh in; with adaptive off every weight is the same.
  const tallies = input.adaptive
    ? Object.fromEntries(Object.entries(input.tallies).filter(([concept]) => candidates.includes(concept)))
    : {};
  const focus = pickNextFocus(tallies, toUnitRng(input.rng), candidates);
  if (focus === null) throw new Error("chooseNextQuestion: an eligible selection always has concepts");
  const assessing = eligible.families.filter((entry) => entry.concepts.includes(focus));
  const used = new Set(input.askedSeeds);
  let fallback: Question | undefined;
  for (let attempt = 0; attempt < FOCUS_TRIES; attempt += 1) {
    const question = generateFrom(input.rng.pick(assessing), input.rng, used);
    // Families such as concept-check assess one concept per seed: keep drawing until the focus is in it.
    if (question.concepts.includes(focus)) return { ok: true, next: { question, focus } };
    fallback ??= question;
  }
  if (fallback === undefined) throw new Error("chooseNextQuestion: FOCUS_TRIES must be at least 1");
  return { ok: true, next: { question: fallback, focus } };
}

function generateFrom(entry: EligibleFamily, rng: Rng, used: Set<number>): Question {
  const seed = freshSeed(rng, used);
  used.add(seed);
  return entry.family.generate(seed, rng.pick(entry.difficulties));
}
