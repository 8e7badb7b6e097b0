// The hybrid difficulty ladder: from d2 on the deciding fault is mostly one of the hybrid link or its routing,
// not a security group or network ACL any VPC question could have (the examiner found "SG with no inbound rules"
// deciding both d2 and d3), and d2/d3 reach faults d1 never shows.
import { describe, expect, it } from "vitest";
import { analyze } from "../../../lib/net/index";
import { hybrid } from "../../../lib/scenario/families/hybrid";
import type { Difficulty } from "../../../lib/scenario/question";
import { must } from "../../support/must";

const SEEDS = 160;

/** The first blocker's code on the shown setup of each seed's question; undefined when the flow works. */
function decidingFaults(difficulty: Difficulty): { code: string | undefined; vgw: boolean }[] {
  const out: { code: string | undefined; vgw: boolean }[] = [];
  for (let seed = 0; seed < SEEDS; seed += 1) {
    const q = hybrid.generate(seed, difficulty);
    const t = must(q.topology);
    out.push({ code: analyze(t, must(q.query)).blockers[0]?.code, vgw: t.vpnGateways.length > 0 });
  }
  return out;
}

const isFilter = (code: string): boolean => /^(SG_|ENI_SG_)|ACL/.test(code);

describe("hybrid difficulty ladder", () => {
  for (const difficulty of [2, 3] as Difficulty[])
    it(`d${difficulty}: a security group or network ACL decides at most a quarter of the faulty setups`, () => {
      const faulty = decidingFaults(difficulty).flatMap((f) => (f.code !== undefined ? [f.code] : []));
      const filters = faulty.filter(isFilter).length;
      expect(faulty.length).toBeGreaterThan(SEEDS / 2);
      expect(filters / faulty.length).toBeLessThanOrEqual(0.25);
    }, 120_000);

  it("d2 shows Direct Connect allowed prefixes that miss the server; d1 never does", () => {
    const has = (d: Difficulty): boolean =>
      decidingFaults(d).some((f) => f.code === "RCH_DX_PREFIX_NOT_ALLOWED");
    expect(has(2)).toBe(true);
    expect(has(1)).toBe(false);
  }, 120_000);

  it("d3 shows a static route to a transit gateway winning over the VPN route (route priority)", () => {
    const priority = decidingFaults(3).filter((f) => f.code === "TGW_RTB_CANNOT_ROUTE" && f.vgw).length;
    expect(priority).toBeGreaterThan(SEEDS / 20);
  }, 120_000);
});
