import { describe, expect, it } from "vitest";
import { isPassingRating, rateFromAnswer } from "../../lib/srs/rating";

describe("rating from the graded answer", () => {
  it("rates a wrong answer Again, whatever the learner says", () => {
    expect(rateFromAnswer(false)).toBe("again");
    expect(rateFromAnswer(false, "hard")).toBe("again");
    expect(rateFromAnswer(false, "easy")).toBe("again");
  });

  it("rates a right answer Good, or the learner's Hard/Easy", () => {
    expect(rateFromAnswer(true)).toBe("good");
    expect(rateFromAnswer(true, "hard")).toBe("hard");
    expect(rateFromAnswer(true, "easy")).toBe("easy");
  });

  it("counts Hard as a pass and only Again as a fail", () => {
    expect(isPassingRating("hard")).toBe(true);
    expect(isPassingRating("again")).toBe(false);
  });
});
