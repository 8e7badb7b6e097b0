import { describe, expect, it } from "vitest";
import { planRetake } from "../../lib/practice/retake";
import { createRng } from "../../lib/scenario/rng";
import { fakeCatalog } from "./fake-catalog";

describe("planRetake", () => {
  it("gives a fresh variant of each missed question: same family and difficulty, new seed, same concept", () => {
    const missed = [
      { family: "fam-a", seed: 10, difficulty: 2 as const, concepts: ["A1"] },
      { family: "fam-a", seed: 11, difficulty: 3 as const, concepts: ["A2"] },
      { family: "fam-b", seed: 4, difficulty: 1 as const, concepts: ["B1"] },
    ];
    const result = planRetake(missed, createRng(1), fakeCatalog);
    if (!result.ok) throw new Error("expected a retake");
    expect(result.questions.map((q) => [q.family, q.difficulty, q.concepts])).toEqual([
      ["fam-a", 2, ["A1"]],
      ["fam-a", 3, ["A2"]],
      ["fam-b", 1, ["B1"]],
    ]);
    const seeds = result.questions.map((q) => q.seed);
    for (const original of missed) expect(seeds).not.toContain(original.seed);
    expect(new Set(seeds).size).toBe(3);
  });

  it("refuses an empty retake and a family that no longer exists", () => {
    expect(planRetake([], createRng(1), fakeCatalog).ok).toBe(false);
    const gone = planRetake(
      [{ family: "gone", seed: 1, difficulty: 1, concepts: [] }],
      createRng(1),
      fakeCatalog,
    );
    expect(!gone.ok && gone.issues[0]?.path).toBe("missed.0.family");
  });
});
