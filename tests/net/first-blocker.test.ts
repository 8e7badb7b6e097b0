// analyze's `firstBlocker` option (for callers that read only the verdict and the first blocker): over the
// generator's topologies, its verdict, first blocker and request hops are those of the full analysis; a result
// without a blocker in the request is the full analysis itself.
import { describe, expect, it } from "vitest";
import { proposeFixes } from "@/lib/net/fixes";
import { analyze } from "@/lib/net/reachability";
import type { Analysis } from "@/lib/net/trace";
import { FAMILIES } from "@/lib/scenario/registry";

const SEEDS = 12;

function compare(full: Analysis, verdict: Analysis): void {
  expect(verdict.reachable).toBe(full.reachable);
  expect(verdict.blockers[0]).toEqual(full.blockers[0]);
  if (verdict.truncated === true) {
    expect(full.reachable).toBe(false);
    expect(verdict.forward).toEqual(full.forward);
    expect(verdict.blockers).toEqual(full.blockers.filter((b) => b.direction === "forward"));
    expect(verdict.return).toEqual([]);
  } else expect(verdict).toEqual(full);
}

describe("analyze with firstBlocker", () => {
  for (const family of FAMILIES.filter((f) => f.usesModel)) {
    it(`${family.name}: the shown topology and its candidate fixes`, () => {
      let truncated = 0;
      for (const difficulty of family.difficulties) {
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const { topology, query } = family.generate(seed, difficulty);
          if (!topology || !query) continue;
          const targets = [
            topology,
            ...proposeFixes(topology, query, { combined: false }).map((f) => f.topology),
          ];
          for (const t of targets) {
            const verdict = analyze(t, query, { firstBlocker: true });
            compare(analyze(t, query), verdict);
            if (verdict.truncated === true) truncated += 1;
          }
        }
      }
      if (family.name === "filtering" || family.name === "fix-it") expect(truncated).toBeGreaterThan(0);
    });
  }
});
