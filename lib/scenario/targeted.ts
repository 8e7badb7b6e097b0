// Questions aimed at one concept: a lesson's inline question should test what that lesson teaches. The search
// is a deterministic scan from the given seed, so the same (family, seed, difficulty, concept) always lands on
// the same question, and the question id still carries the seed that reproduces it.
import { generateQuestion, type GenerateResult } from "./generate";
import { MAX_SEED, type Difficulty } from "./question";

export const MAX_TARGETING_TRIES = 2000;

export function generateQuestionForConcept(
  family: string,
  seed: number,
  difficulty: Difficulty,
  conceptId: string,
): GenerateResult {
  for (let offset = 0; offset < MAX_TARGETING_TRIES; offset += 1) {
    const candidate = (seed + offset) % (MAX_SEED + 1);
    const generated = generateQuestion(family, candidate, difficulty);
    if (!generated.ok) return generated;
    if (generated.question.concepts.includes(conceptId)) return generated;
  }
  return {
    ok: false,
    issues: [
      {
        path: "concept",
        message: `family "${family}" produced no question on concept ${conceptId} in ${MAX_TARGETING_TRIES} seeds from ${seed}`,
      },
    ],
  };
}
