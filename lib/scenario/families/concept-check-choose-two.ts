// The "Choose two." variant of concept-check: two keys among five options, drawn for a fixed share of seeds.
// The decision uses its own rng stream, so every seed that stays single-answer gives the same question as
// before this variant existed (byte for byte).
import { buildQuestion } from "../build-question";
import type { ChooseTwoFact } from "../concept-fact-choose-two";
import { CHOOSE_TWO_FACTS } from "../concept-facts-choose-two";
import type { ProofSink } from "../proofs";
import type { Difficulty, Question } from "../question";
import { createRng } from "../rng";

/**
 * Percent of concept-check draws at difficulty 2 and 3 that are "Choose two." items (difficulty 1 has none), so
 * about 10% of all concept-check draws. AWS exams mix in multiple-response items, but most are single-answer.
 */
export const CHOOSE_TWO_PERCENT = 15;

function factsFor(difficulty: Difficulty): readonly ChooseTwoFact[] {
  return CHOOSE_TWO_FACTS.filter((fact) => fact.difficulty === difficulty);
}

/** The choose-two fact this seed draws, or undefined when the seed keeps the single-answer question. */
export function chooseTwoFactFor(
  family: string,
  seed: number,
  difficulty: Difficulty,
): ChooseTwoFact | undefined {
  const pool = factsFor(difficulty);
  if (pool.length === 0) return undefined;
  const rng = createRng(seed).fork(`${family}/${difficulty}/choose-two`);
  return rng.chance(CHOOSE_TWO_PERCENT, 100) ? rng.pick(pool) : undefined;
}

export function chooseTwoQuestion(
  family: string,
  seed: number,
  difficulty: Difficulty,
  fact: ChooseTwoFact,
  proofs?: ProofSink,
): Question {
  const rng = createRng(seed).fork(`${family}/${difficulty}/choose-two/options`);
  const proof = (kind: string): string => `fact table: ${kind} (${fact.rules.join(", ")})`;
  return buildQuestion(rng, {
    proofs,
    family,
    seed,
    difficulty,
    concepts: fact.concepts,
    stem: fact.stem,
    candidates: [
      ...fact.right.map((option) => ({
        text: option.text,
        correct: true,
        why: option.why,
        proof: proof("one of the two right answers"),
      })),
      ...fact.wrong.map((option) => ({
        text: option.text,
        correct: false,
        why: option.why,
        proof: proof("listed distractor"),
      })),
    ],
    summary: fact.why,
    multiSelect: true,
  });
}
