// A NetworkCache (network-cache.ts) must never change an answer: for the questions the generator builds (a
// base, then variants sharing objects with it), the analysis of the shown topology through a cache that has
// seen the earlier questions and the shown topology's fixes equals the analysis of a deep copy without a
// cache, which compiles every layer afresh. Also the other order: the copy first, then the original.
import { describe, expect, it } from "vitest";
import { proposeFixes } from "@/lib/net/fixes";
import { NetworkCache } from "@/lib/net/network";
import { analyze } from "@/lib/net/reachability";
import { FAMILIES } from "@/lib/scenario/registry";

const SEEDS = 120;
const NO_QUERY = new Set(["peering-feasibility", "flow-log-diagnosis"]);

describe("cached and fresh compiles give the same analysis", () => {
  for (const family of FAMILIES.filter((f) => f.usesModel)) {
    it(`${family.name}: ${SEEDS} seeds per difficulty`, () => {
      let compared = 0;
      const cache = new NetworkCache();
      for (const difficulty of family.difficulties) {
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const question = family.generate(seed, difficulty);
          const { topology, query } = question;
          if (!topology || !query) continue;
          // The fixes are nearby variants: compiling them fills the cache with parts the shown topology shares.
          if (seed % 4 === 0) proposeFixes(topology, query, { cache, combined: false });
          const cached = JSON.stringify(analyze(topology, query, { cache }));
          const fresh = JSON.stringify(analyze(structuredClone(topology), query));
          expect(fresh).toBe(cached);
          const copy = structuredClone(topology);
          const copyFirst = JSON.stringify(analyze(copy, query, { cache }));
          expect(JSON.stringify(analyze(topology, query, { cache }))).toBe(copyFirst);
          compared += 1;
        }
      }
      // Peering feasibility asks about no flow, and flow-log diagnosis keeps its flow hidden (it is the answer);
      // every other family must really be compared.
      if (!NO_QUERY.has(family.name)) expect(compared).toBeGreaterThan(SEEDS / 2);
    });
  }
});
