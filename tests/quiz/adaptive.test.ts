import { describe, expect, it } from "vitest";
import { focusWeight, pickNextFocus } from "../../lib/quiz/adaptive";
import { addToTallies } from "../../lib/quiz/concept-tallies";
import { seededRng } from "./support/rng";

function countPicks(draws: number, pick: () => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (let i = 0; i < draws; i += 1) {
    const concept = pick();
    counts.set(concept, (counts.get(concept) ?? 0) + 1);
  }
  return counts;
}

describe("pickNextFocus", () => {
  it("favours concepts the learner gets wrong (2,000 seeded draws)", () => {
    const tallies = { P3: { right: 0, wrong: 4 }, E2: { right: 4, wrong: 0 }, F7: { right: 2, wrong: 2 } };
    const rng = seededRng(20_261_122);
    const counts = countPicks(2_000, () => pickNextFocus(tallies, rng));
    const p3 = counts.get("P3") ?? 0;
    const f7 = counts.get("F7") ?? 0;
    const e2 = counts.get("E2") ?? 0;
    expect(p3 + f7 + e2).toBe(2_000);
    // Weights 5/6, 1/2 and 1/6 of a total 1.5: expected 1,111, 667 and 222 picks.
    expect(p3).toBeGreaterThan(f7);
    expect(f7).toBeGreaterThan(e2);
    expect(Math.abs(p3 - 1_111)).toBeLessThan(100);
    expect(Math.abs(f7 - 667)).toBeLessThan(90);
    expect(Math.abs(e2 - 222)).toBeLessThan(60);
  });

  it("never starves a concept that is always answered right", () => {
    const tallies = { P3: { right: 0, wrong: 30 }, E2: { right: 30, wrong: 0 } };
    const rng = seededRng(7);
    expect(countPicks(2_000, () => pickNextFocus(tallies, rng)).get("E2") ?? 0).toBeGreaterThan(0);
  });

  it("includes untried candidates at the weight of an unknown concept", () => {
    const rng = seededRng(3);
    const counts = countPicks(2_000, () => pickNextFocus({ P3: { right: 3, wrong: 0 } }, rng, ["G1"]));
    // G1 weighs 1/2, P3 1/5: G1 should get about 5/7 of the draws.
    expect(counts.get("G1") ?? 0).toBeGreaterThan(counts.get("P3") ?? 0);
    expect(Math.abs((counts.get("G1") ?? 0) - 1_429)).toBeLessThan(100);
  });

  it("returns null when there is nothing to pick from", () => {
    expect(pickNextFocus({}, seededRng(1))).toBeNull();
  });

  it("is reproducible and independent of key order", () => {
    const a = { P3: { right: 1, wrong: 2 }, E2: { right: 2, wrong: 1 } };
    const b = { E2: { right: 2, wrong: 1 }, P3: { right: 1, wrong: 2 } };
    const draw = (tallies: typeof a) => {
      const rng = seededRng(99);
      return Array.from({ length: 50 }, () => pickNextFocus(tallies, rng));
    };
    expect(draw(b)).toEqual(draw(a));
  });

  it("maps the ends of the rng range to the first and last concepts", () => {
    const tallies = { A: { right: 0, wrong: 0 }, B: { right: 0, wrong: 0 } };
    expect(pickNextFocus(tallies, () => 0)).toBe("A");
    expect(pickNextFocus(tallies, () => 0.999_999_999_999)).toBe("B");
  });
});

describe("focusWeight", () => {
  it("rises with wrong answers and falls with right ones", () => {
    expect(focusWeight(undefined)).toBe(0.5);
    expect(focusWeight({ right: 0, wrong: 3 })).toBeGreaterThan(focusWeight({ right: 0, wrong: 1 }));
    expect(focusWeight({ right: 3, wrong: 0 })).toBeLessThan(focusWeight({ right: 1, wrong: 0 }));
    expect(focusWeight({ right: 100, wrong: 0 })).toBeGreaterThan(0);
  });
});

describe("addToTallies", () => {
  it("counts a question once per concept, even if a concept is listed twice", () => {
    const tallies = addToTallies(addToTallies({}, ["P3", "P3", "P4"], false), ["P3"], true);
    expect(tallies).toEqual({ P3: { right: 1, wrong: 1 }, P4: { right: 0, wrong: 1 } });
  });
});
