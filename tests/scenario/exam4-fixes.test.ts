// The fourth independent examiner's findings (qexam4), each asserted as a property over many seeds rather than
// on the cited question: the minimal fix for a peering asked to be transitive, and endpoint-choice explanations
// that fit the requester's situation.
import { describe, expect, it } from "vitest";
import { analyze, cidrContainsCidr, parseCidr } from "../../lib/net/index";
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

describe("fix-it: options the exhibit alone refutes are drawn last (MINOR 2)", () => {
  const cidr = (text: string) => {
    const c = parseCidr(text);
    return c.ok ? c.value : undefined;
  };
  /** A wrong option any reader rejects from the exhibit: a route already in effect, or a rule for the group's own VPC. */
  function throwaway(q: Question, text: string): boolean {
    const t = must(q.topology);
    const route = /^Add a route (\S+) -> (\S+) to (rtb-\w+)$/.exec(text);
    if (route) {
      const [, dest, target, table] = route;
      const d = cidr(must(dest));
      const rt = t.routeTables.find((r) => r.id === table);
      if (!d || !rt) return false;
      const covering = rt.routes
        .map((r) => ({ r, c: r.destination !== undefined ? cidr(r.destination) : undefined }))
        .filter((x) => x.c !== undefined && cidrContainsCidr(x.c, d))
        .sort((x, y) => (y.c?.prefix ?? 0) - (x.c?.prefix ?? 0))[0];
      return covering?.r.target === target;
    }
    const rule = /^Add an (?:inbound|outbound) rule \S+ (?:from|to) (\S+) to security group (sg-\w+)$/.exec(
      text,
    );
    if (rule) {
      const [, block, sgId] = rule;
      const c = cidr(must(block));
      const vpc = t.vpcs.find((v) => v.id === t.securityGroups.find((g) => g.id === sgId)?.vpcId);
      const ends = [q.query?.from, q.query?.to].map(
        (ref) =>
          t.subnets.find((s) => s.id === t.instances.find((i) => i.name === ref || i.id === ref)?.subnetId)
            ?.vpcId,
      );
      if (!c || !vpc || ends[0] === undefined || ends[0] === ends[1]) return false;
      return vpc.cidrBlocks.some((x) => {
        const o = cidr(x);
        return o !== undefined && cidrContainsCidr(o, c);
      });
    }
    return false;
  }

  it("shows fewer of them where the pool has other proven near misses", () => {
    let shown = 0;
    for (const q of questions("fix-it", 150)) {
      if (!q.topology) continue;
      for (const o of q.options) if (!q.answer.includes(o.id) && throwaway(q, o.text)) shown += 1;
    }
    // Measured over these 450 questions (1,350 wrong options): 805 before the change, 755 after it. Most pools
    // still hold too few other proven near misses, so many remain (new near-miss kinds are the real fix).
    expect(shown).toBeLessThan(780);
  });
});
