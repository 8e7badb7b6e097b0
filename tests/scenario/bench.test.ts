import { describe, expect, it } from "vitest";
import { benchFamily, benchGenerator } from "../../lib/scenario/bench";
import { FAMILIES } from "../../lib/scenario/registry";

const family = (name: string) => {
  const found = FAMILIES.find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe("benchGenerator", () => {
  it("reports the median round's rate per family in the bench JSON shape, using the injected clock", () => {
    let now = 0;
    const clock = (): number => (now += 10); // every reading advances 10 ms
    const families = [family("concept-check"), family("endpoint-choice")];
    const results = benchGenerator({ clock, warmupMs: 20, rounds: 3, roundMs: 30, families, cpuClock: null });
    expect(results.map((r) => r.family)).toEqual(["concept-check", "endpoint-choice"]);
    for (const r of results) {
      expect(r.suite).toBe("generator");
      expect(r.roundRates).toHaveLength(3);
      expect(r.questions).toBeGreaterThan(0);
      const sorted = [...r.roundRates].sort((a, b) => a - b);
      expect(r.questionsPerSecond).toBe(sorted[1]);
      expect(r.questionsPerCpuSecond).toBeUndefined();
    }
  });

  it("takes the median, so one slow round (another job on the machine) does not decide the figure", () => {
    let now = 0;
    let readings = 0;
    // Round 2 is slowed down: its clock readings advance 100 ms instead of 10 ms.
    const clock = (): number => {
      readings += 1;
      return (now += readings > 6 && readings <= 9 ? 100 : 10);
    };
    const r = benchFamily(family("concept-check"), { clock, warmupMs: 20, rounds: 3, roundMs: 30, cpuClock: null });
    const slowest = Math.min(...r.roundRates);
    expect(slowest).toBeLessThan(r.questionsPerSecond);
  });

  it("also reports questions per CPU second from the injected CPU clock (a shared machine gives the process part of a core)", () => {
    let now = 0;
    let cpu = 0;
    const clock = (): number => (now += 10);
    const cpuClock = (): number => (cpu += 4); // the process got 40 % of the wall time
    const r = benchFamily(family("concept-check"), { clock, cpuClock, warmupMs: 20, rounds: 1, roundMs: 30 });
    expect(r.cpuSeconds).toBeCloseTo(0.004, 6);
    expect(r.questionsPerCpuSecond).toBe(Math.round(r.questions / 0.004));
  });
});
