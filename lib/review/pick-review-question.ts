import type { Family } from "../scenario/family";
import { MAX_SEED, parseQuestionId, type Question } from "../scenario/question";
import type { Rng } from "../scenario/rng";
import type { Skill } from "../srs/index";
import { familiesForSkill, isQuestionForSkill } from "./families-for-skill";

// Every review shows a freshly generated variant of the skill, so the learner recalls the rule, not
// the answer to a question seen before. Seeds already seen for the skill (in lessons, practice, earlier
// reviews) are never reused.

export type ReviewQuestionIssue = { readonly path: readonly string[]; readonly message: string };
export type PickedQuestion =
  | { readonly ok: true; readonly question: Question }
  | { readonly ok: false; readonly issues: readonly ReviewQuestionIssue[] };

/** Seeds of question IDs ("family.seed.difficulty"); IDs that do not parse are ignored. */
export function seenSeedsOf(questionIds: readonly string[]): Set<number> {
  const seeds = new Set<number>();
  for (const id of questionIds) {
    const parsed = parseQuestionId(id);
    if (parsed.ok) seeds.add(parsed.value.seed);
  }
  return seeds;
}

/**
 * Draws family, difficulty and an unseen seed from `rng` until the generated question assesses the skill's
 * concept. A family lists all the concepts it can assess, but each seed picks one scenario, so several draws
 * may be needed; `maxDraws` bounds the search (a failure then is reported, not thrown).
 */
export function pickReviewQuestion(input: {
  readonly skill: Skill;
  readonly seenQuestionIds: readonly string[];
  readonly rng: Rng;
  readonly families: readonly Family[];
  readonly maxDraws?: number;
}): PickedQuestion {
  const candidates = familiesForSkill(input.skill, input.families);
  if (candidates.length === 0) {
    return {
      ok: false,
      issues: [{ path: ["skillId"], message: `no question family assesses ${input.skill.conceptId} yet` }],
    };
  }
  const seen = seenSeedsOf(input.seenQuestionIds);
  // concept-check draws one fact out of ~70, so a concept with a single fact needs many draws to come up twice.
  const maxDraws = input.maxDraws ?? 2000;
  for (let draw = 0; draw < maxDraws; draw += 1) {
    const family = input.rng.pick(candidates);
    const difficulty = input.rng.pick(family.difficulties);
    const seed = input.rng.int(0, MAX_SEED);
    if (seen.has(seed)) continue;
    const question = family.generate(seed, difficulty);
    if (isQuestionForSkill(question, input.skill)) return { ok: true, question };
  }
  return {
    ok: false,
    issues: [
      {
        path: ["skillId"],
        message: `no generated question for ${input.skill.conceptId} after ${maxDraws} draws`,
      },
    ],
  };
}
