import { describe, expect, it } from "vitest";
import { blamedConcepts, primaryConcept } from "../../lib/quiz/blame";
import { addToTallies } from "../../lib/quiz/concept-tallies";

describe("blame", () => {
  it("a miss counts against the question's own concept, a right answer for every concept it touched", () => {
    const concepts = ["F7", "F8", "S1"];
    expect(primaryConcept(concepts)).toBe("F7");
    const tallies = addToTallies(addToTallies({}, blamedConcepts(concepts), false), concepts, true);
    expect(tallies).toEqual({
      F7: { right: 1, wrong: 1 },
      F8: { right: 1, wrong: 0 },
      S1: { right: 1, wrong: 0 },
    });
    expect(blamedConcepts([])).toEqual([]);
  });
});
