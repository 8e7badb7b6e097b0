// Exam 9 findings, over seed sweeps.
// D1: no missing-piece or fix-it wrong option may be ruled out by a CIDR check alone: every security-group
// rule, network-ACL rule, route or TGW route a wrong option adds names an address of the flow (the other end,
// seen from where the rule or route sits). M1: missing-piece levels differ in what the learner must follow.
// M4: every IPv6 address or prefix a question shows is in RFC 5952 form, as AWS prints it.
// M3: rule citations name the rule that applies (SG-03 for a group with no rules on that side; a Resolver rule).
import { describe, expect, it } from "vitest";
import type { Topology } from "../../lib/net/index";
import { cidrContainsIp, formatIpv6, parseIp, toCidr, toIp } from "../../lib/net/cidr";
import { FAMILIES } from "../../lib/scenario/registry";
import type { Question } from "../../lib/scenario/question";
import { DEFAULT_INTERNET_SERVER_IP } from "../../lib/net/internet-addresses";
import { missingPieceCase } from "../../lib/scenario/families/missing-piece";
import { fixItCase } from "../../lib/scenario/families/fix-it";
import { FACTS } from "../../lib/scenario/concept-facts";
import { hybrid } from "../../lib/scenario/families/hybrid";
import { findRule } from "../../lib/content/rules-catalogue";
import { analyzeTopology } from "../../lib/scenario/reach-question";
import { sameJson } from "../../lib/scenario/same-json";
import type { Difficulty } from "../../lib/scenario/question";
import { must } from "../support/must";

const SEEDS = 120;
const LEVELS: readonly Difficulty[] = [1, 2, 3];

type Ends = { readonly client: string; readonly server: string };

function endsOf(t: Topology, from: string, to: string): Ends {
  const client = must(t.instances.find((i) => i.name === from)?.privateIp);
  const server =
    to === "internet" ? DEFAULT_INTERNET_SERVER_IP : must(t.instances.find((i) => i.name === to)?.privateIp);
  return { client, server };
}

const holds = (cidr: string, ip: string): boolean => cidrContainsIp(toCidr(cidr), toIp(ip));

/** The address a packet leaving (or arriving at) `vpcId` exchanges with: the flow's end outside that VPC. */
function remoteFor(t: Topology, vpcId: string, ends: Ends): string {
  const clientVpc = t.subnets.find(
    (s) => s.id === t.instances.find((i) => i.privateIp === ends.client)?.subnetId,
  )?.vpcId;
  return vpcId === clientVpc ? ends.server : ends.client;
}

/** Every CIDR a change adds (SG rules, NACL rules, VPC routes, TGW routes) that names no address of the flow. */
function addressFreeAdditions(before: Topology, after: Topology, ends: Ends): string[] {
  const out: string[] = [];
  for (const sg of after.securityGroups) {
    const old = before.securityGroups.find((g) => g.id === sg.id);
    for (const dir of ["inbound", "outbound"] as const)
      for (const r of sg[dir] ?? []) {
        if ((old?.[dir] ?? []).some((h) => sameJson(h, r)) || r.cidrBlock === undefined) continue;
        if (!holds(r.cidrBlock, remoteFor(after, sg.vpcId, ends)))
          out.push(`${sg.name ?? sg.id} ${dir} ${r.cidrBlock}`);
      }
  }
  for (const acl of after.networkAcls) {
    const old = before.networkAcls.find((a) => a.id === acl.id);
    for (const dir of ["inbound", "outbound"] as const)
      for (const r of acl[dir]) {
        if ((old?.[dir] ?? []).some((h) => sameJson(h, r))) continue;
        if (!holds(r.cidrBlock, remoteFor(after, acl.vpcId, ends)))
          out.push(`${acl.name ?? acl.id} ${dir} ${r.cidrBlock}`);
      }
  }
  for (const rt of after.routeTables) {
    const old = before.routeTables.find((x) => x.id === rt.id);
    for (const r of rt.routes) {
      if ((old?.routes ?? []).some((h) => sameJson(h, r))) continue;
      if (r.destination !== undefined && !holds(r.destination, remoteFor(after, rt.vpcId, ends)))
        out.push(`${rt.name ?? rt.id} ${r.destination}`);
    }
  }
  for (const rt of after.transitGatewayRouteTables) {
    const old = before.transitGatewayRouteTables.find((x) => x.id === rt.id);
    for (const r of rt.routes) {
      if ((old?.routes ?? []).some((h) => sameJson(h, r))) continue;
      if (!holds(r.destination, ends.client) && !holds(r.destination, ends.server))
        out.push(`${rt.name ?? rt.id} ${r.destination}`);
    }
  }
  return out;
}

describe("exam9 D1: missing-piece and fix-it wrong options need more than a CIDR check", () => {
  it("every rule or route a wrong option adds names the flow's other end", () => {
    for (const difficulty of LEVELS)
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const m = missingPieceCase(seed, difficulty);
        const q = m.setup.query;
        const mEnds = endsOf(m.shownTopology, q.from, q.to);
        for (const d of m.distractors)
          expect(
            addressFreeAdditions(m.shownTopology, d.result, mEnds),
            `${m.question.id}: ${d.text}`,
          ).toEqual([]);
        const f = fixItCase(seed, difficulty);
        const shown = must(f.question.topology);
        const fq = must(f.question.query);
        const fEnds = endsOf(shown, fq.from, fq.to);
        for (const w of f.wrong)
          expect(addressFreeAdditions(shown, w.result, fEnds), `${f.question.id}: ${w.text}`).toEqual([]);
      }
  }, 240_000);

  it("offers the right route in the route table the instance's subnet does not use", () => {
    let seen = 0;
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const m = missingPieceCase(seed, ((seed % 3) + 1) as Difficulty);
      for (const d of m.distractors) {
        if (!/has no explicit association/.test(d.why)) continue;
        const table = must(
          m.shownTopology.routeTables.find((t) => d.text.endsWith(`in route table ${t.name ?? ""}`)),
        );
        // A table some subnet of the exhibit uses, but not the one the instances' subnets use (their VPC's main).
        expect(table.main, d.text).toBe(false);
        expect(
          m.shownTopology.subnets.some((s) => s.routeTableId === table.id),
          d.text,
        ).toBe(true);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(SEEDS / 2);
  }, 120_000);
});

describe("exam9 M1: missing-piece levels differ in what the learner must follow", () => {
  it("a piece marked as the reply's is exactly one whose absence drops the reply", () => {
    for (const difficulty of LEVELS)
      for (let seed = 0; seed < 40; seed += 1) {
        const m = missingPieceCase(seed, difficulty);
        for (const piece of m.setup.pieces) {
          const b = analyzeTopology(piece.remove(m.setup.base), m.setup.query).blockers[0];
          expect(b?.direction === "return", `${m.question.id}: ${piece.text}`).toBe(piece.reply === true);
        }
      }
  }, 120_000);

  it("d1 drops the request; d3 shows the missing piece in place where the flow does not use it", () => {
    let replies = 0;
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const d1 = missingPieceCase(seed, 1);
      const missing1 = must(d1.setup.pieces[d1.missingIndex]);
      expect(missing1.reply, d1.question.id).toBeUndefined();
      const d2 = missingPieceCase(seed, 2);
      expect(must(d2.setup.pieces[d2.missingIndex]).plain, d2.question.id).toBeUndefined();
      if (must(d2.setup.pieces[d2.missingIndex]).reply === true) replies += 1;
      const d3 = missingPieceCase(seed, 3);
      const missing3 = must(d3.setup.pieces[d3.missingIndex]);
      const decoy = must(missing3.decoy, d3.question.id);
      // The decoy is already part of the shown topology: applying it again changes nothing.
      expect(sameJson(decoy(d3.shownTopology), d3.shownTopology), d3.question.id).toBe(true);
      expect(analyzeTopology(d3.shownTopology, d3.setup.query).reachable, d3.question.id).toBe(false);
    }
    expect(replies).toBeGreaterThan(0);
  }, 240_000);
});

describe("exam9 M3: rule citations", () => {
  it("a fix-it key that adds a rule to a group with no rules on that side cites SG-03, not SG-01", () => {
    let seen = 0;
    for (let seed = 0; seed < 300; seed += 1) {
      const f = fixItCase(seed, 1);
      if (f.right.kind !== "add-sg-rule") continue;
      const before = must(f.question.topology);
      const sg = must(before.securityGroups.find((g) => f.right.description.endsWith(g.id)));
      const side = f.right.description.startsWith("Add an outbound") ? "outbound" : "inbound";
      const empty = (sg[side] ?? [{ protocol: "all" }]).length === 0;
      expect(f.right.rules, f.question.id).toEqual(empty ? ["SG-03"] : ["SG-01"]);
      if (empty && side === "outbound") seen += 1;
    }
    expect(seen).toBeGreaterThan(0);
  }, 120_000);

  it("the Resolver endpoints fact cites a catalogued Resolver rule in its key and in every wrong option", () => {
    const fact = must(FACTS.find((f) => f.id === "resolver-endpoints"));
    expect(fact.rules).toEqual(["VPC-06"]);
    expect(findRule("VPC-06")?.title).toMatch(/Resolver/);
    for (const why of [fact.why, ...fact.wrong.map((w) => w.why)]) expect(why).toMatch(/\(VPC-06\)/);
  });
});

/** Every IPv6 literal in a question's text (stem, options, explanation, exhibit) that is not in RFC 5952 form. */
function nonCanonicalIpv6(q: Question): string[] {
  const text = JSON.stringify([q.stem, q.options, q.explanation, q.exhibit]);
  const out: string[] = [];
  for (const raw of text.split(/[\s"'`(),;|→\\]+/)) {
    const token = raw.replace(/[.]+$/, "");
    if (!/^[0-9a-f:]+(\/\d{1,3})?$/i.test(token) || (token.match(/:/g) ?? []).length < 2) continue;
    const address = token.split("/")[0] ?? "";
    const parsed = parseIp(address);
    if (!parsed.ok || parsed.value.family !== 6) continue;
    if (formatIpv6(parsed.value.value) !== address) out.push(token);
  }
  return out;
}

describe("exam9 M4: IPv6 text is canonical", () => {
  it("finds the literal the examiner reported and passes its canonical form", () => {
    const q = { stem: "VPC 2600:1f15:2ce3:000::/56, subnet 2600:1f15:2ce3:1::/64 (2600:1f15:2ce3:1::c95d)." };
    expect(nonCanonicalIpv6(q as unknown as Question)).toEqual(["2600:1f15:2ce3:000::/56"]);
  });

  it("every IPv6 literal in every family's questions is in RFC 5952 form", () => {
    const heavy = new Set(["ipv6-egress", "flow-log-diagnosis"]);
    for (const family of FAMILIES)
      for (const difficulty of family.difficulties)
        for (let seed = 0; seed < (heavy.has(family.name) ? 400 : 30); seed += 1) {
          const q = family.generate(seed, difficulty);
          expect(nonCanonicalIpv6(q), q.id).toEqual([]);
        }
  }, 240_000);
});

describe("exam9 M5-M7: explanation wording", () => {
  it("M5: only a public zonal NAT gateway is said to need a public subnet", () => {
    const fact = must(FACTS.find((f) => f.id === "regional-nat"));
    expect(fact.why).not.toMatch(/Zonal NAT gateways live in one public subnet/);
    expect(fact.why).toMatch(/a public subnet for a public NAT gateway/);
  });

  it("M6: the egress-only IGW key gives the reason (no translation); the cost distractor does not ignore NAT64", () => {
    const fact = must(FACTS.find((f) => f.id === "eigw-purpose"));
    expect(fact.why).toMatch(/need no address translation/);
    expect(fact.why).not.toMatch(/counterpart/);
    const cost = must(fact.wrong.find((w) => /cost/.test(w.text)));
    expect(cost.why).toMatch(/NAT64/);
    expect(fact.rules).toContain("NAT-04");
  });

  it("M7: a spoke propagating into the wrong table also explains what the customer gateway learns over BGP", () => {
    let seen = 0;
    for (const difficulty of hybrid.difficulties)
      for (let seed = 0; seed < 200; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        if (!/instead of onprem-routes/.test(q.explanation.summary)) continue;
        expect(q.explanation.summary, q.id).toMatch(
          /does not advertise that range to the customer gateway over BGP/,
        );
        seen += 1;
      }
    expect(seen).toBeGreaterThan(0);
  }, 120_000);
});
