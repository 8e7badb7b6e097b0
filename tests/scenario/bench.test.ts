import { describe, expect, it } from "vitest";
import { benchGenerator } from "../../lib/scenario/bench";
import { FAMILIES } from "../../lib/scenario/registry";

describe("benchGenerator", () => {
  it("reports questions per second per family in the bench JSON shape, using the injected clock", () => {
    let now = 0;
    const clock = (): number => (now += 10); // every reading advances 10 ms
    const families = FAMILIES.filter((f) => f.name === "concept-check" || f.name === "endpoint-choice");
    const results = benchGenerator({ clock, minMs: 30, families });
    expect(results.map((r) => r.family)).toEqual(["concept-check", "endpoint-choice"]);
    for (const r of results) {
      expect(r.suite).toBe("generator");
      expect(r.questions).toBeGreaterThan(0);
      expect(r.questionsPerSecond).toBe(Math.round(r.questions / r.seconds));
    }
  });
});
