// The question list of a mock exam: drawn across the concept groups from one exam seed, so the same
// seed and length give every learner the same exam (an instructor hands out the seed). Reproducible for a
// given catalogue: adding a question family to the generator changes which exam a seed gives.
import { CONCEPT_GROUPS } from "../content/concepts";
import type { Question } from "../scenario/question";
import { questionDomain } from "../quiz/blame";
import { createRng, type Rng } from "../scenario/rng";
import { DEFAULT_CATALOG, type Catalog, type FamilyInfo } from "./catalog";
import { freshSeed } from "./fresh-seed";

export const MAX_EXAM_QUESTIONS = 65;

export type ExamQuestionsInput = {
  readonly examSeed: number;
  readonly count: number;
  readonly catalog?: Catalog;
  /** Group ids in report order; defaults to the checklist's groups. */
  readonly groups?: readonly string[];
};

export type ExamQuestionsResult =
  | { readonly ok: true; readonly questions: readonly Question[] }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

/**
 * Variants tried per slot for one that counts in the slot's domain (questionDomain, as the result page
 * reports it). A family's question may be about a concept of another domain for some seeds, so one try is
 * not enough; past this many the slot takes the last variant that at least touches its domain.
 */
const GROUP_TRIES = 48;

type GroupPool = {
  readonly group: string;
  readonly concepts: readonly string[];
  readonly families: readonly FamilyInfo[];
};

export function buildExamQuestions(input: ExamQuestionsInput): ExamQuestionsResult {
  const catalog = input.catalog ?? DEFAULT_CATALOG;
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_EXAM_QUESTIONS) {
    return {
      ok: false,
      issues: [{ path: "questionCount", message: `must be a whole number from 1 to ${MAX_EXAM_QUESTIONS}` }],
    };
  }
  if (!Number.isInteger(input.examSeed) || input.examSeed < 0 || input.examSeed > 0xffffffff) {
    return {
      ok: false,
      issues: [{ path: "examSeed", message: "must be a whole number from 0 to 4294967295" }],
    };
  }
  const pools = groupPools(catalog, input.groups ?? CONCEPT_GROUPS.map((group) => group.id));
  if (pools.length === 0)
    return {
      ok: false,
      issues: [{ path: "catalog", message: "no question family assesses any concept group" }],
    };
  const rng = createRng(input.examSeed);
  // Spread the questions evenly over the groups; which groups get the remainder is the seed's choice.
  const order = rng.shuffle(pools);
  const used = new Set<number>();
  const questions: Question[] = [];
  for (let slot = 0; slot < input.count; slot += 1) {
    const pool = order[slot % order.length] as GroupPool;
    questions.push(drawForGroup(pool, catalog, rng, used));
  }
  return { ok: true, questions: rng.shuffle(questions) };
}

export type DomainShare = {
  readonly group: string;
  /** Questions from this domain in an exam of `count` questions: `fewest` or one more. */
  readonly fewest: number;
  readonly most: number;
  /** fewest..most over count, as the exam guide's "% of scored content". */
  readonly percent: number;
};

/**
 * The exam's domain weights as buildExamQuestions draws them: an even spread over the domains that have
 * questions, the remainder going to domains the seed chooses. What the exam start page documents.
 */
export function examDomainShares(
  count: number,
  catalog: Catalog = DEFAULT_CATALOG,
  groups: readonly string[] = CONCEPT_GROUPS.map((group) => group.id),
): DomainShare[] {
  const pools = groupPools(catalog, groups);
  if (pools.length === 0 || count < 1) return [];
  const fewest = Math.floor(count / pools.length);
  const most = count % pools.length === 0 ? fewest : fewest + 1;
  return pools.map((pool) => ({
    group: pool.group,
    fewest,
    most,
    percent: Math.round(1000 / pools.length) / 10,
  }));
}

function groupPools(catalog: Catalog, groups: readonly string[]): GroupPool[] {
  return groups.flatMap((group) => {
    const families = catalog.families.filter((family) =>
      family.concepts.some((concept) => catalog.groupOf(concept) === group),
    );
    const concepts = [...new Set(families.flatMap((family) => family.concepts))]
      .filter((c) => catalog.groupOf(c) === group)
      .sort();
    return families.length > 0 ? [{ group, concepts, families }] : [];
  });
}

function drawForGroup(pool: GroupPool, catalog: Catalog, rng: Rng, used: Set<number>): Question {
  let fallback: Question | undefined;
  for (let attempt = 0; attempt < GROUP_TRIES; attempt += 1) {
    const concept = rng.pick(pool.concepts);
    const family = rng.pick(pool.families.filter((candidate) => candidate.concepts.includes(concept)));
    const seed = freshSeed(rng, used);
    used.add(seed);
    const question = family.generate(seed, rng.pick(family.difficulties));
    if (questionDomain(question.concepts, catalog.groupOf) === pool.group) return question;
    if (fallback === undefined || question.concepts.some((c) => catalog.groupOf(c) === pool.group))
      fallback = question;
  }
  if (fallback === undefined) throw new Error("drawForGroup: GROUP_TRIES must be at least 1");
  return fallback;
}
