import type { Catalog, FamilyInfo } from "../../lib/practice/catalog";
import type { Difficulty, Question } from "../../lib/scenario/question";

/** A family whose question for seed s assesses concepts[s % concepts.length] (one concept per seed, like concept-check). */
export function fakeFamily(
  name: string,
  concepts: readonly string[],
  difficulties: readonly Difficulty[] = [1, 2, 3],
): FamilyInfo {
  return {
    name,
    concepts,
    difficulties,
    generate: (seed: number, difficulty: Difficulty): Question => ({
      id: `${name}.${seed}.${difficulty}`,
      family: name,
      seed,
      difficulty,
      concepts: [concepts[seed % concepts.length] as string],
      stem: `stem ${seed}`,
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
      ],
      answer: [seed % 2 === 0 ? "a" : "b"],
      explanation: { summary: "why", perOption: { a: "a", b: "b" }, rules: [] },
    }),
  };
}

const groups: Record<string, string> = { A1: "alpha", A2: "alpha", B1: "beta", C1: "gamma" };

export const fakeCatalog: Catalog = {
  families: [
    fakeFamily("fam-a", ["A1", "A2"]),
    fakeFamily("fam-b", ["B1"], [1]),
    fakeFamily("fam-ab", ["A1", "B1"], [2, 3]),
  ],
  groupOf: (concept) => groups[concept],
};
