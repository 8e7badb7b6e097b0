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
    // The median, so one round disturbed by another job does not decide the figure.
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

  it("warms up until the rate is steady, so no measured round is still warming up", () => {
    let now = 0;
    // Every clock reading follows one batch of questions: slow batches (40 ms) for the first 3 s, then 10 ms.
    const clock = (): number => (now += now < 3000 ? 40 : 10);
    const r = benchFamily(family("concept-check"), {
      clock,
      warmupMs: 500,
      rounds: 3,
      roundMs: 100,
      cpuClock: null,
    });
    expect(new Set(r.roundRates).size).toBe(1);
    expect(r.questionsPerSecond).toBe(r.roundRates[0]);
  });

  it("stops warming up at maxWarmupMs even if the rate never settles", () => {
    let now = 0;
    let reading = 0;
    const clock = (): number => (now += (reading++ % 7) * 10 + 1); // never steady
    const r = benchFamily(family("concept-check"), {
      clock,
      warmupMs: 100,
      maxWarmupMs: 2000,
      rounds: 1,
      roundMs: 50,
      cpuClock: null,
    });
    expect(r.roundRates).toHaveLength(1);
    expect(now).toBeLessThan(2000 + 300 + 50 + 200);
  });

  it("also reports questions per CPU second from the injected CPU clock (a shared machine gives the process part of a core)", () => {
    let now = 0;
    let cpu = 0;
    const clock = (): number => (now += 10);
    const cpuClock = (): number => (cpu += 4); // read once before and once after the measured rounds
    const r = benchFamily(family("concept-check"), { clock, cpuClock, warmupMs: 20, rounds: 1, roundMs: 30 });
    expect(r.cpuSeconds).toBeCloseTo(0.004, 6);
    expect(r.questionsPerCpuSecond).toBe(Math.round(r.questions / 0.004));
  });
});
