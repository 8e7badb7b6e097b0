import { describe, expect, it } from "vitest";
import { analyze } from "../../../lib/net/index";
import { hybrid } from "../../../lib/scenario/families/hybrid";
import type { Difficulty } from "../../../lib/scenario/question";
import { complexity } from "../../../lib/scenario/question-metrics";
import { must } from "../../support/must";

const SEEDS = 90;

describe("hybrid", () => {
  // qexam5 F6: both tunnels DOWN is a real fault now and then at d1/d2 (keyed by the model); never at d3, where
  // the DOWN/DOWN table would make the item easier than d2.
  it("shows a VPN with every tunnel DOWN only at d1/d2, and then keys it", () => {
    for (const difficulty of [1, 2, 3] as Difficulty[]) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        const dead = must(q.topology).vpnConnections.some((vpn) =>
          vpn.tunnels.every((t) => t.status !== "UP"),
        );
        if (dead) {
          expect(difficulty, q.id).not.toBe(3);
          expect(analyze(must(q.topology), must(q.query)).blockers[0]?.code, q.id).toMatch(/BAD_STATE_VPN/);
        }
        expect(q.stem, q.id).not.toMatch(/DOWN\/DOWN/);
      }
    }
  }, 120_000);

  it("d3 is measurably harder than d1 (complexity metric), with a transit gateway in most d3 questions", () => {
    const mean = (d: Difficulty): number => {
      let sum = 0;
      for (let seed = 0; seed < SEEDS; seed += 1) sum += complexity(hybrid.generate(seed, d));
      return sum / SEEDS;
    };
    expect(mean(3)).toBeGreaterThan(mean(1) + 1);
    // Segmented TGW route tables, or a VPN beside a transit gateway where route priority decides.
    let tgw = 0;
    for (let seed = 0; seed < SEEDS; seed += 1)
      if (must(hybrid.generate(seed, 3).topology).transitGateways.length > 0) tgw += 1;
    expect(tgw).toBeGreaterThan(SEEDS / 2);
  }, 120_000);

  it("keys the verdict analyze gives for the shown setup", () => {
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const q = hybrid.generate(seed, 3);
      const key = q.options.find((o) => o.id === q.answer[0])?.text ?? "";
      expect(key.startsWith("Yes"), q.id).toBe(analyze(must(q.topology), must(q.query)).reachable);
    }
  }, 120_000);

  it("keys 'No' when on premises would reach a peered VPC through another VPC's VPN (VPN-08, PCX-10)", () => {
    let seen = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const q = hybrid.generate(seed, 3);
      const t = must(q.topology);
      if (!q.stem.includes("is peered with") || t.vpnConnections.length !== 1) continue;
      seen += 1;
      const key = q.options.find((o) => o.id === q.answer[0])?.text ?? "";
      expect(key, q.id).toMatch(/^No: Virtual private gateway .* only delivers to VPC/);
      expect(q.explanation.summary, q.id).toMatch(/VPN-08/);
    }
    expect(seen).toBeGreaterThan(3);
  }, 120_000);

  it("offers route propagation from the virtual private gateway, verified, where a route to it is missing", () => {
    let seen = 0;
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < 120; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        if (!/Fix: .*route .* -> vgw-/i.test(q.explanation.summary)) continue;
        seen += 1;
        // The rule follows the link: a VPN's prefixes (VPN-05), or those learned over Direct Connect (DX-08).
        const overVpn = (q.topology?.vpnConnections.length ?? 0) > 0;
        expect(q.explanation.summary, q.id).toMatch(
          overVpn
            ? /Fix: enable route propagation from vgw-\S+ on rtb-.*\(VPN-05\)/
            : /Fix: enable route propagation from vgw-\S+ on rtb-.*Direct Connect gateway \(DX-08\)/,
        );
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
