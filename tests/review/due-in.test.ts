import { describe, expect, it } from "vitest";
import { countLearning, dueIn } from "../../lib/review/due-in";

const now = new Date("2026-12-07T12:48:10Z");
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe("when a card falls due, said from now", () => {
  it("a learning step reads in minutes, rounded up, never 'in 0 min'", () => {
    expect(dueIn(later(30_000), now)).toBe("in 1 min");
    expect(dueIn(later(60_000), now)).toBe("in 1 min");
    expect(dueIn(later(61_000), now)).toBe("in 2 min");
    expect(dueIn(later(10 * 60_000), now)).toBe("in 10 min");
  });
  it("longer waits in hours and days", () => {
    expect(dueIn(later(3 * 3_600_000), now)).toBe("in 3 h");
    expect(dueIn(later(24 * 3_600_000), now)).toBe("in 1 day");
    expect(dueIn(later(5 * 24 * 3_600_000), now)).toBe("in 5 days");
  });
  it("a card already due is due now", () => {
    expect(dueIn(later(0), now)).toBe("now");
    expect(dueIn(later(-5000), now)).toBe("now");
  });
});

describe("the Learning counter agrees with the deck", () => {
  it("counts every learning and relearning row, due or not, and no suspended, new or review row", () => {
    expect(
      countLearning([
        { state: "learning" },
        { state: "learning" },
        { state: "relearning" },
        { state: "review" },
        { state: "new" },
        { state: "suspended" },
      ]),
    ).toBe(3);
  });
});
