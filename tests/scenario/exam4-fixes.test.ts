// The fourth independent examiner's findings (qexam4), each asserted as a property over many seeds rather than
// on the cited question: the minimal fix for a peering asked to be transitive, and endpoint-choice explanations
// that fit the requester's situation.
import { describe, expect, it } from "vitest";
import { analyze, firstVerifiedFix } from "../../lib/net/index";
import { edited } from "../net/helpers";
import { endpointChoiceScenario } from "../../lib/scenario/families/endpoint-choice";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { FAMILIES } from "../../lib/scenario/registry";
import { must } from "../support/must";

function questions(name: string, seeds: number, difficulties?: readonly Difficulty[]): Question[] {
  const f = must(FAMILIES.find((x) => x.name === name));
  const out: Question[] = [];
  for (const d of difficulties ?? f.difficulties)
    for (let seed = 0; seed < seeds; seed += 1) out.push(f.generate(seed * 7919 + 52001, d));
  return out;
}

describe("a peering asked to be transitive: the fix is the smallest one the model verifies (D1)", () => {
  const all = ["can-a-reach-c", "edge-to-edge", "filtering", "hybrid"].flatMap((n) => questions(n, 120));

  it("retargets the route at the transit gateway both VPCs share instead of creating a new peering", () => {
    let checked = 0;
    for (const q of all) {
      if (!q.topology || !q.query) continue;
      const t = q.topology;
      const analysis = analyze(t, q.query);
      const first = analysis.blockers[0];
      if (first?.code !== "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR") continue;
      const src = t.instances.find((i) => i.name === q.query?.from || i.id === q.query?.from);
      const dst = t.instances.find((i) => i.name === q.query?.to || i.id === q.query?.to);
      const vpcOf = (subnetId: string | undefined) => t.subnets.find((s) => s.id === subnetId)?.vpcId;
      const a = vpcOf(src?.subnetId);
      const b = vpcOf(dst?.subnetId);
      const shared = t.transitGatewayAttachments.find(
        (x) =>
          x.vpcId === a &&
          t.transitGatewayAttachments.some((y) => y.transitGatewayId === x.transitGatewayId && y.vpcId === b),
      );
      if (!shared || first.direction !== "forward") continue;
      checked += 1;
      expect(q.explanation.summary, q.id).not.toMatch(/Create a VPC peering connection/);
      expect(q.explanation.summary, q.id).toMatch(
        new RegExp(`Fix: point the route [^ ]+ in rtb-[0-9a-f]+ at ${shared.transitGatewayId}`),
      );
    }
    expect(checked).toBeGreaterThan(0);
  });
  it("leaves a route wider than the destination VPC alone (it carries the peer's traffic too)", () => {
    const q = must(FAMILIES.find((x) => x.name === "can-a-reach-c")).generate(52137, 3);
    const t = must(q.topology);
    const query = must(q.query);
    expect(firstVerifiedFix(t, query)?.kind).toBe("replace-route");
    const wide = edited(t, (d) => {
      for (const rt of d.routeTables)
        for (const r of rt.routes)
          if (r.destination === "10.168.0.0/16" && r.target.startsWith("pcx-")) r.destination = "10.0.0.0/8";
    });
    expect(firstVerifiedFix(wide, query)?.kind).not.toBe("replace-route");
  });
});

describe("endpoint-choice: explanations and stems fit the requester's situation (D2, D3)", () => {
  const all = questions("endpoint-choice", 300);
  const natOption = (q: Question) =>
    must(q.options.find((o) => o.text.startsWith("No endpoint: a route through a NAT gateway"))).id;

  it("compares the NAT gateway with a free gateway endpoint only where the requester could use one", () => {
    let outside = 0;
    for (const q of all) {
      const s = endpointChoiceScenario(q.seed, q.difficulty);
      if (s.role !== "consumer" || s.origin === "same-vpc") continue;
      outside += 1;
      const why = must(q.explanation.perOption[natOption(q)]);
      expect(why, q.id).not.toMatch(/gateway endpoint[^.]*is free/);
    }
    expect(outside).toBeGreaterThan(50);
  });

  it("states a cost cue only where it decides between two working choices, and words the spoke plainly", () => {
    for (const q of all) {
      const s = endpointChoiceScenario(q.seed, q.difficulty);
      expect(q.stem, q.id).not.toMatch(/attached with/);
      if (s.origin !== "same-vpc") expect(q.stem, q.id).not.toMatch(/cheapest/);
      // A requester in another VPC could host its own endpoints: the stem says why the answer goes in this one.
      if (["peered-vpc", "other-region-vpc", "tgw-spoke"].includes(s.origin))
        expect(q.stem, q.id).toMatch(/may not have its own/);
    }
  });

  it("refutes the NAT option of the provider question with the NAT gateway, not with a peering rule", () => {
    let providers = 0;
    for (const q of all) {
      const s = endpointChoiceScenario(q.seed, q.difficulty);
      if (s.role !== "provider") continue;
      providers += 1;
      const why = must(q.explanation.perOption[natOption(q)]);
      expect(why, q.id).not.toMatch(/rule out|PCX-03/);
      expect(why, q.id).toMatch(/NAT gateway/);
      expect(q.explanation.rules, q.id).not.toContain("PCX-03");
    }
    expect(providers).toBeGreaterThan(10);
  });
});

describe("ipv6-egress: the d2 stem leaves the alternatives to the exhibit (MINOR 4)", () => {
  const all = questions("ipv6-egress", 200, [1, 2]);

  it("names the private NAT gateway and the no-IGW policy only at difficulty 1", () => {
    let d2 = 0;
    for (const q of all) {
      if (q.difficulty !== 2 || !q.options.some((o) => o.text.includes("egress-only"))) continue;
      d2 += 1;
      expect(q.stem, q.id).not.toMatch(/forbids an internet gateway|is a private NAT gateway/);
    }
    expect(d2).toBeGreaterThan(10);
  });

  it("does not say a private NAT gateway has no path to the internet (AWS routes it through a TGW or VGW)", () => {
    for (const q of all)
      for (const why of Object.values(q.explanation.perOption))
        expect(why, q.id).not.toMatch(/no path to the internet/);
  });
});
