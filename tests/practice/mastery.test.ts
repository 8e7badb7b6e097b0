import { describe, expect, it } from "vitest";
import { computeMastery } from "../../lib/practice/mastery";

const answer = (concepts: string[], correct: boolean, answeredAt: number) => ({
  concepts,
  correct,
  answeredAt,
});

describe("computeMastery", () => {
  it("rates by recent answers: early misses then five right reads as mastered", () => {
    const answers = [
      answer(["P3"], false, 1),
      answer(["P3"], false, 2),
      ...[3, 4, 5, 6, 7].map((t) => answer(["P3"], true, t)),
    ];
    const [p3] = computeMastery(answers);
    expect(p3).toMatchObject({
      concept: "P3",
      answered: 7,
      right: 5,
      recentShare: 1,
      level: "mastered",
      lastAnsweredAt: 7,
    });
  });

  it("needs a few answers before mastered, and calls a mostly-wrong concept struggling", () => {
    const result = computeMastery([
      answer(["E2"], true, 1),
      answer(["E2", "E3"], true, 2),
      answer(["E3"], false, 3),
      answer(["E3"], false, 4),
    ]);
    expect(result.map((m) => [m.concept, m.level])).toEqual([
      ["E2", "learning"],
      ["E3", "struggling"],
    ]);
  });

  it("counts a question once per concept even if it lists the concept twice, whatever the input order", () => {
    const [only] = computeMastery([answer(["F1", "F1"], true, 5), answer(["F1"], false, 1)]);
    expect(only).toMatchObject({ answered: 2, right: 1, lastAnsweredAt: 5 });
  });
});
