// hybrid draws Direct Connect through a Direct Connect gateway associated with a transit gateway (a transit VIF,
// the gateway's TGW attachment, TGW route tables), not only with a virtual private gateway, and keys it by the
// model: on a transit gateway association exactly the allowed prefixes are advertised to on premises (DX-04), so a
// prefix narrower than the VPC's CIDR that holds the server works, one that misses it does not.
import { describe, expect, it } from "vitest";
import { analyze, type Topology } from "../../../lib/net/index";
import { hybrid } from "../../../lib/scenario/families/hybrid";
import { exhibitAsText } from "../../../lib/scenario/exhibit-text";
import type { Difficulty, Question } from "../../../lib/scenario/question";
import { isYesText } from "../../../lib/scenario/reach-question";
import { must } from "../../support/must";

const SEEDS = 200;

function dxOnTgw(t: Topology): { tgwId: string; allowed: readonly string[] } | undefined {
  for (const d of t.directConnectGateways)
    for (const a of d.associations)
      if (t.transitGateways.some((g) => g.id === a.gatewayId))
        return { tgwId: a.gatewayId, allowed: a.allowedPrefixes };
  return undefined;
}

function dxTgwQuestions(difficulty: Difficulty): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < SEEDS; seed += 1) {
    const q = hybrid.generate(seed, difficulty);
    if (dxOnTgw(must(q.topology))) out.push(q);
  }
  return out;
}

const keyText = (q: Question): string => must(q.options.find((o) => q.answer.includes(o.id))).text;

describe("hybrid: Direct Connect gateway on a transit gateway", () => {
  for (const difficulty of [2, 3] as Difficulty[])
    it(`d${difficulty}: drawn in at least 8 % of questions, each with a DX gateway attachment and keyed by the model`, () => {
      const qs = dxTgwQuestions(difficulty);
      expect(qs.length / SEEDS).toBeGreaterThanOrEqual(0.08);
      for (const q of qs) {
        const t = must(q.topology);
        const dx = must(t.directConnectGateways[0]);
        // The association's attachment, which TGW route tables associate and propagate like any other.
        const att = must(
          t.transitGatewayAttachments.find(
            (a) => a.type === "direct-connect-gateway" && a.directConnectGatewayId === dx.id,
          ),
        );
        expect(t.vpnGateways).toEqual([]);
        expect(t.onPremisesNetworks[0]?.directConnectGatewayIds).toEqual([dx.id]);
        const analysis = analyze(t, must(q.query));
        expect(isYesText(keyText(q))).toBe(analysis.reachable);
        // A transit VIF, not a private one, in the exhibit.
        const exhibit = exhibitAsText(must(q.exhibit)).join("\n");
        expect(exhibit).toContain("transit VIF from");
        expect(exhibit).not.toContain("private VIF");
        if (analysis.reachable) expect(analysis.forward.some((h) => h.component.id === att.id)).toBe(true);
      }
    }, 120_000);

  it("keys allowed prefixes that miss the server, and a working prefix narrower than the VPC's CIDR", () => {
    const qs = [...dxTgwQuestions(2), ...dxTgwQuestions(3)];
    let missing = 0;
    let narrowerWorks = 0;
    for (const q of qs) {
      const t = must(q.topology);
      const analysis = analyze(t, must(q.query));
      const code = analysis.blockers[0]?.code;
      if (code === "RCH_DX_PREFIX_NOT_ALLOWED") {
        missing += 1;
        expect(keyText(q)).toMatch(/^No: The allowed prefixes .* do not contain /);
      }
      const vpcCidrs = t.vpcs.flatMap((v) => v.cidrBlocks);
      const { allowed } = must(dxOnTgw(t));
      // The server's subnet as an allowed prefix: on a VGW association it would advertise nothing (DX-04).
      if (analysis.reachable && allowed.some((c) => !vpcCidrs.includes(c))) {
        narrowerWorks += 1;
        expect(isYesText(keyText(q))).toBe(true);
      }
    }
    expect(missing).toBeGreaterThan(0);
    expect(narrowerWorks).toBeGreaterThan(0);
  }, 120_000);

  it("explains an allowed-prefixes distractor by the transit gateway rule, not the VPC-CIDR filter", () => {
    const whys = [...dxTgwQuestions(2), ...dxTgwQuestions(3)].flatMap((q) =>
      q.options
        .filter((o) => !q.answer.includes(o.id) && o.text.includes("The allowed prefixes"))
        .map((o) => must(q.explanation.perOption[o.id])),
    );
    expect(whys.length).toBeGreaterThan(0);
    for (const why of whys) {
      expect(why).toMatch(
        /On a transit gateway association .* advertises to on premises exactly its allowed prefixes/,
      );
      expect(why).not.toContain("virtual private gateway");
    }
  }, 120_000);
});
