// The fifth independent examiner's findings (qexam5), each asserted as a property over many seeds rather than
// on the cited question.
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { decideEndpoint } from "../../lib/scenario/endpoint-rules";
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

describe("endpoint-choice: every NAT reason is true in its situation (F1)", () => {
  const all = questions("endpoint-choice", 300);
  const natOption = (q: Question) =>
    must(q.options.find((o) => o.text.startsWith("No endpoint: a route through a NAT gateway"))).id;

  it("never says a NAT gateway serves only its own VPC (centralised egress through a TGW works)", () => {
    for (const q of all)
      for (const why of [q.explanation.summary, ...Object.values(q.explanation.perOption)])
        expect(why, q.id).not.toMatch(/NAT gateway serves only its own VPC/);
  });

  it("rules the NAT gateway out by the stem's no-internet-gateway requirement for an AWS service", () => {
    let checked = 0;
    for (const q of all) {
      const s = endpointChoiceScenario(q.seed, q.difficulty);
      const verdict = decideEndpoint(s).verdicts.neither;
      if (s.role !== "consumer" || s.service === "internet-saas" || verdict.works) continue;
      checked += 1;
      expect(q.stem, q.id).toMatch(/without going through an internet gateway/);
      expect(verdict.rules, q.id).toContain("NAT-11");
      expect(q.explanation.perOption[natOption(q)], q.id).toMatch(
        /internet gateway, which the requirement rules out/,
      );
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("ties edge-to-edge to the path the requester arrives by: the virtual private gateway or the peering", () => {
    const seen = new Set<string>();
    for (const q of all) {
      const s = endpointChoiceScenario(q.seed, q.difficulty);
      if (s.role !== "consumer" || !decideEndpoint(s).verdicts.neither.rules.includes("NAT-06")) continue;
      seen.add(s.origin);
      const why = must(q.explanation.perOption[natOption(q)]);
      if (s.origin === "on-prem-vpn" || s.origin === "on-prem-dx") {
        expect(q.stem, q.id).toMatch(/virtual private gateway/);
        expect(why, q.id).toMatch(/from a virtual private gateway through a NAT device/);
      } else {
        expect(["peered-vpc", "other-region-vpc"], q.id).toContain(s.origin);
        expect(why, q.id).toMatch(/through a peering/);
      }
    }
    expect([...seen].sort()).toEqual(["on-prem-dx", "on-prem-vpn", "other-region-vpc", "peered-vpc"]);
  });
});

describe("a request that would need a peering to be transitive into a transit gateway says so, with a fix (F2)", () => {
  const all = ["can-a-reach-c", "edge-to-edge", "filtering", "hybrid"].flatMap((n) => questions(n, 150));

  it("names the non-transitive peering and gives a Fix line wherever the source's peer shares a TGW with C", () => {
    let checked = 0;
    for (const q of all) {
      if (!q.topology || !q.query) continue;
      const t = q.topology;
      const first = analyze(t, q.query).blockers[0];
      if (first?.detail.kind !== "route-table" || first.detail.problem !== "no-route") continue;
      const dst = t.instances.find((i) => i.name === q.query?.to || i.id === q.query?.to);
      const vpcOf = (subnetId: string | undefined) => t.subnets.find((s) => s.id === subnetId)?.vpcId;
      const from = first.detail.vpc.id;
      const to = vpcOf(dst?.subnetId);
      if (to === undefined || to === from) continue;
      const peersOf = (v: string) =>
        t.peeringConnections.flatMap((p) =>
          p.requesterVpcId === v ? [p.accepterVpcId] : p.accepterVpcId === v ? [p.requesterVpcId] : [],
        );
      if (peersOf(from).includes(to)) continue;
      const tgwsOf = (v: string) =>
        t.transitGatewayAttachments.filter((a) => a.vpcId === v).map((a) => a.transitGatewayId);
      const middle = peersOf(from).find((m) => tgwsOf(m).some((g) => tgwsOf(to).includes(g)));
      if (middle === undefined) continue;
      checked += 1;
      expect(q.explanation.summary, q.id).toMatch(/would not help: peering is not transitive/);
      expect(q.explanation.summary, q.id).toMatch(/Fix: /);
      expect(q.explanation.rules, q.id).toContain("PCX-02");
    }
    expect(checked).toBeGreaterThan(3);
  });
});
