import { describe, expect, it } from "vitest";
import { benchGenerator } from "../../lib/scenario/bench";
import { FAMILIES } from "../../lib/scenario/registry";

describe("benchGenerator", () => {
  it("reports questions per second per family in the bench JSON shape, using the injected clock", () => {
    let now = 0;
    const clock = (): number => (now += 10); // every reading advances 10 ms
    const families = FAMILIES.filter((f) => f.name === "concept-check" || f.name === "endpoint-choice");
    const results = benchGenerator({ clock, minMs: 30, families, cpuClock: null });
    expect(results.map((r) => r.family)).toEqual(["concept-check", "endpoint-choice"]);
    for (const r of results) {
      expect(r.suite).toBe("generator");
      expect(r.questions).toBeGreaterThan(0);
      expect(r.questionsPerSecond).toBe(Math.round(r.questions / r.seconds));
      expect(r.questionsPerCpuSecond).toBeUndefined();
    }
  });

  it("also reports questions per CPU second from the injected CPU clock (a shared machine gives the process part of a core)", () => {
    let now = 0;
    let cpu = 0;
    const clock = (): number => (now += 10);
    const cpuClock = (): number => (cpu += 4); // the process got 40 % of the wall time
    const [r] = benchGenerator({ clock, cpuClock, minMs: 30, families: FAMILIES.filter((f) => f.name === "concept-check") });
    expect(r?.cpuSeconds).toBeCloseTo(0.004, 6);
    expect(r?.questionsPerCpuSecond).toBe(Math.round((r?.questions ?? 0) / 0.004));
  });
});
