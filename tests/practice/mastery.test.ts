import { describe, expect, it } from "vitest";
import { computeMastery } from "../../lib/practice/mastery";

const DAY = 24 * 60 * 60 * 1000;
let next = 0;
const answer = (
  concepts: string[],
  correct: boolean,
  answeredAt: number,
  questionId = `q${(next += 1)}`,
) => ({
  questionId,
  concepts,
  correct,
  answeredAt,
});

describe("computeMastery", () => {
  it("rates by recent answers: early misses then five right variants over two days reads as mastered", () => {
    const answers = [
      answer(["P3"], false, 1),
      answer(["P3"], false, 2),
      ...[3, 4, 5].map((t) => answer(["P3"], true, t)),
      ...[6, 7].map((t) => answer(["P3"], true, DAY + t)),
    ];
    const [p3] = computeMastery(answers);
    expect(p3).toMatchObject({
      concept: "P3",
      answered: 7,
      right: 5,
      recentShare: 1,
      level: "mastered",
      lastAnsweredAt: DAY + 7,
    });
  });

  it("does not call one question answered right again and again mastered", () => {
    const [p3] = computeMastery([0, DAY, 2 * DAY, 3 * DAY].map((t) => answer(["P3"], true, t, "same.1.1")));
    expect(p3).toMatchObject({ answered: 1, right: 1, level: "learning" });
  });

  it("needs right answers on two days: five right variants in one sitting are still learning", () => {
    const [p3] = computeMastery([1, 2, 3, 4, 5].map((t) => answer(["P3"], true, t)));
    expect(p3?.level).toBe("learning");
  });

  it("counts the first answer to a variant: a wrong first answer stays wrong after a right retry", () => {
    const [only] = computeMastery([answer(["P3"], false, 1, "v.1.1"), answer(["P3"], true, 2, "v.1.1")]);
    expect(only).toMatchObject({ answered: 1, right: 0, level: "struggling", lastAnsweredAt: 2 });
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
