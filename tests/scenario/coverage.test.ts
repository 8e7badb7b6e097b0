import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { FAMILIES } from "../../lib/scenario/registry";

describe("concept coverage", () => {
  it("assesses every Q concept of the concept checklist in some family", () => {
    const assessed = new Set(FAMILIES.flatMap((family) => family.concepts));
    const missing = CONCEPTS.filter((concept) => concept.assessed && !assessed.has(concept.id)).map(
      (c) => c.id,
    );
    expect(missing).toEqual([]);
  });

  it(
    "only generates questions whose concepts the family declares, and every declared concept occurs",
    { timeout: 120_000 },
    () => {
      for (const family of FAMILIES) {
        const seen = new Set<string>();
        for (const difficulty of family.difficulties) {
          for (let seed = 0; seed < (family.name === "fix-it" ? 30 : family.usesModel ? 150 : 600); seed += 1)
            for (const id of family.generate(seed, difficulty).concepts) seen.add(id);
        }
        expect(
          [...family.concepts].filter((id) => !seen.has(id)),
          family.name,
        ).toEqual([]);
      }
    },
  );
});
