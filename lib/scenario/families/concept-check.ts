// concept-check: facts that no topology expresses (flow logs are not real time, pricing, quotas, ASNs, ...).
// One true statement from the fact table, three false sibling statements as distractors, shuffled; for a
// share of seeds a "Choose two." item instead (concept-check-choose-two.ts).
import { FACTS, type Fact } from "../concept-facts";
import { CHOOSE_TWO_FACTS } from "../concept-facts-choose-two";
import { chooseTwoFactFor, chooseTwoQuestion } from "./concept-check-choose-two";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import type { Difficulty, Question } from "../question";
import { createRng } from "../rng";
import type { ProofSink } from "../proofs";

const NAME = "concept-check";

function factsFor(difficulty: Difficulty): readonly Fact[] {
  return FACTS.filter((fact) => fact.difficulty === difficulty);
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const two = chooseTwoFactFor(NAME, seed, difficulty);
  if (two !== undefined) return chooseTwoQuestion(NAME, seed, difficulty, two, proofs);
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const fact = rng.pick(factsFor(difficulty));
  const wrong = rng.sample(fact.wrong, 3);
  return buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: fact.concepts,
    stem: fact.stem,
    candidates: [
      {
        text: fact.right,
        correct: true,
        why: fact.why,
        proof: `fact table: right answer (${fact.rules.join(", ")})`,
      },
      ...wrong.map((distractor) => ({
        text: distractor.text,
        correct: false,
        why: distractor.why,
        proof: `fact table: listed distractor (${fact.rules.join(", ")})`,
      })),
    ],
    summary: fact.why,
  });
}

export const conceptCheck: Family = {
  name: NAME,
  title: "Concept check",
  concepts: [...new Set([...FACTS, ...CHOOSE_TWO_FACTS].flatMap((fact) => fact.concepts))].sort(),
  difficulties: [1, 2, 3],
  usesModel: false,
  generate,
};
