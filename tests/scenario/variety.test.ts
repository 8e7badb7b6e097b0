// Variety and teaching properties that check-generator measures over 10,000 seeds, asserted here on a small
// slice so that a regression shows up in the unit run too.
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { canAReachC } from "../../lib/scenario/families/can-a-reach-c";
import { edgeToEdge } from "../../lib/scenario/families/edge-to-edge";
import { ipv6Egress } from "../../lib/scenario/families/ipv6-egress";
import { problemSignature } from "../../lib/scenario/question-metrics";
import type { Difficulty } from "../../lib/scenario/question";
import { must } from "../support/must";

describe("can-a-reach-c variety", () => {
  it("asks at least 18 different problems (shape or blocker) in every run of 20 consecutive seeds", () => {
    for (let start = 0; start < 120; start += 20) {
      const signatures = new Set<string>();
      for (let seed = start; seed < start + 20; seed += 1)
        signatures.add(problemSignature(canAReachC.generate(seed, ((seed % 3) + 1) as Difficulty)));
      expect(signatures.size, `seeds ${start}-${start + 19}`).toBeGreaterThanOrEqual(18);
    }
  }, 60_000);
});

describe("edge-to-edge explanations", () => {
  it("name the one change that fixes a blocked setup, with a rule ID and the direction that fails", () => {
    for (let seed = 0; seed < 60; seed += 1) {
      const q = edgeToEdge.generate(seed, 3);
      if (analyze(must(q.topology), must(q.query)).reachable) continue;
      expect(q.explanation.summary, q.id).toMatch(/\b(request|reply) is dropped at\b/);
      expect(q.explanation.summary, q.id).toMatch(/\([A-Z]+-\d\d/);
      expect(q.explanation.summary, q.id).toMatch(/Fix: /);
    }
  }, 60_000);
});

describe("ipv6-egress", () => {
  it("never blames a missing route for '::/0 → NAT gateway': it gives NAT-04 (no native IPv6) and, when private, NAT-02", () => {
    for (let seed = 0; seed < 60; seed += 1) {
      for (const difficulty of [1, 2] as const) {
        const q = ipv6Egress.generate(seed, difficulty);
        for (const o of q.options) {
          if (!/^Route ::\/0 → nat-/.test(o.text)) continue;
          const why = q.explanation.perOption[o.id] ?? "";
          expect(why, q.id).toContain("NAT-04");
          if (/private NAT|private connectivity/.test(o.text)) expect(why, q.id).toContain("NAT-02");
        }
      }
    }
  }, 60_000);
});
