import { describe, expect, it } from "vitest";
import { ipv6Egress } from "../../../lib/scenario/families/ipv6-egress";
import type { Difficulty, Question } from "../../../lib/scenario/question";

const SEEDS = 300;

function all(): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < SEEDS; seed += 1)
    out.push(ipv6Egress.generate(seed, ((seed % 3) + 1) as Difficulty));
  return out;
}

/** The stem with names and numbers blanked: one template per scenario wording. */
function templateOf(q: Question): string {
  let stem = q.stem;
  for (const vpc of q.topology?.vpcs ?? [])
    if (vpc.name !== undefined) stem = stem.split(vpc.name).join("VPC");
  return stem.replace(/\S*\d\S*/g, "#").replace(/\s+/g, " ");
}

describe("ipv6-egress", () => {
  it("draws from at least 6 templates", () => {
    expect(new Set(all().map(templateOf)).size).toBeGreaterThanOrEqual(6);
  });

  it("does not let the longest option predict the key (within 10 points of chance)", () => {
    const qs = all();
    let hits = 0;
    let chance = 0;
    for (const q of qs) {
      const longest = q.options.reduce((a, b) => (b.text.length > a.text.length ? b : a));
      if (q.answer.includes(longest.id)) hits += 1;
      chance += 1 / q.options.length;
    }
    expect(Math.abs(hits - chance) / qs.length).toBeLessThanOrEqual(0.1);
  });

  it("rebuts every IPv4 route to an egress-only gateway with AWS refusing it, not only with prefix matching", () => {
    let seen = 0;
    for (const q of all()) {
      for (const o of q.options) {
        if (!/^Add a route 0\.0\.0\.0\/0 → eigw-|^Route 0\.0\.0\.0\/0 → eigw-/.test(o.text)) continue;
        seen += 1;
        expect(q.explanation.perOption[o.id] ?? "", q.id).toMatch(
          /egress-only internet gateway is IPv6-only: AWS does not accept a route with an IPv4 destination.*\(EIGW-01\)/,
        );
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
