// Picks the next practice question: adaptive by default (favour concepts the learner gets wrong,
// via pickNextFocus), within the learner's selection, never repeating a seed or a stem in the session.
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
  /**
   * Stems already asked in the session. Families such as concept-check ask the same fact from many seeds, so a
   * fresh seed alone does not make a fresh question.
   */
  readonly askedStems?: readonly string[];
  readonly rng: Rng;
  readonly catalog?: Catalog;
};

export type NextQuestion = { readonly question: Question; readonly focus: string };

export type NextQuestionResult =
  | { readonly ok: true; readonly next: NextQuestion }
  | { readonly ok: false; readonly issues: readonly CatalogIssue[] };

/**
 * Generated variants tried per pick. A family that assesses many concepts (concept-check has one fact per seed
 * across every topic) needs many draws to land on the focus concept; a draw costs well under a millisecond.
 */
export const FOCUS_TRIES = 400;

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
  const stems = new Set(input.askedStems ?? []);
  // A question is in the selection only when it assesses a selected concept; the family being
  // eligible is not enough (concept-check covers every topic).
  const inSelection = (question: Question) =>
    question.concepts.some((concept) => candidates.includes(concept));
  let onTopic: Question | undefined;
  let repeated: Question | undefined;
  for (let attempt = 0; attempt < FOCUS_TRIES; attempt += 1) {
    const question = generateFrom(input.rng.pick(assessing), input.rng, used);
    if (!inSelection(question)) continue;
    if (stems.has(question.stem)) {
      repeated ??= question;
      continue;
    }
    if (question.concepts.includes(focus)) return { ok: true, next: { question, focus } };
    onTopic ??= question;
  }
  // The focus concept's variants are spent (concept-check has few facts per concept): any fresh question in
  // the selection, from every eligible family, before a repeat. A repeat only when the selection is spent.
  for (let attempt = 0; onTopic === undefined && attempt < FOCUS_TRIES; attempt += 1) {
    const question = generateFrom(input.rng.pick(eligible.families), input.rng, used);
    if (inSelection(question) && !stems.has(question.stem)) onTopic = question;
  }
  const fallback = onTopic ?? repeated;
  if (fallback === undefined) {
    return {
      ok: false,
      issues: [{ path: "settings.selection", message: "no question could be generated for these topics" }],
    };
  }
  return { ok: true, next: { question: fallback, focus } };
}

function generateFrom(entry: EligibleFamily, rng: Rng, used: Set<number>): Question {
  const seed = freshSeed(rng, used);
  used.add(seed);
  return entry.family.generate(seed, rng.pick(entry.difficulties));
}
