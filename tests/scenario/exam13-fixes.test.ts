// Patterns the exam13 examiner found in generated questions (/work/wt/exam13-questions.md): repeated questions
// (D4), items outside their family's subject (D5), wording (D6, D7), a peering distractor no route of the flow
// uses (D8), a NACL fix narrower than the deny it works around (D9) and network ACL ids that reuse their subnet's
// hex digits (D10). Each check runs over many seeds of the families that produce the pattern.
import { describe, expect, it } from "vitest";
import {
  analyze,
  cidrContainsCidr,
  cidrContainsIp,
  firstVerifiedFix,
  parseCidr,
  parseIp,
  type Cidr,
  type Topology,
} from "../../lib/net/index";
import { flowLogCase } from "../../lib/scenario/families/flow-log-diagnosis";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { findFamily } from "../../lib/scenario/registry";
import { must } from "../support/must";
import { generatedQuestions } from "../support/generated-questions";

const SEEDS = 150;
const questions = generatedQuestions(SEEDS);

const keyText = (q: Question): string => must(q.options.find((o) => o.id === q.answer[0])).text;
const texts = (q: Question): string[] => [q.explanation.summary, ...Object.values(q.explanation.perOption)];

/** Stem and option set with names, ids, addresses and numbers masked: one problem asked about renamed resources. */
function skeleton(q: Question): string {
  const names = new Set<string>();
  const t = q.topology;
  if (t)
    for (const list of [t.vpcs, t.subnets, t.instances, t.routeTables, t.securityGroups, t.networkAcls])
      for (const item of list as readonly { name?: string }[]) if (item.name) names.add(item.name);
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const mask = (text: string): string => {
    let out = text;
    for (const n of longestFirst) out = out.split(n).join("N");
    return out
      .replace(/\b[a-z]+(?:-[a-z0-9]+)*-[0-9a-f]{8,17}\b/g, "ID")
      .replace(/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d+)?/g, "IP6")
      .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d+)?\b/g, "IP")
      .replace(/\b\d+\b/g, "#");
  };
  return JSON.stringify([mask(q.stem), q.options.map((o) => mask(o.text)).sort()]);
}

function distinct(family: string, difficulty: Difficulty, seeds: number): number {
  const f = must(findFamily(family));
  const seen = new Set<string>();
  for (let seed = 0; seed < seeds; seed += 1) seen.add(skeleton(f.generate(seed, difficulty)));
  return seen.size;
}

describe("exam13: repeated questions (D4)", () => {
  it("ipv6-egress and edge-to-edge ask many different questions once names and addresses are masked", () => {
    // Before: 53, 11 and 57 of 100 (the stems named only the instance; the internet server was always
    // 203.0.113.10 on TCP 443); after: 88, 29 and 87.
    expect(distinct("ipv6-egress", 1, 100)).toBeGreaterThanOrEqual(75);
    expect(distinct("ipv6-egress", 3, 100)).toBeGreaterThanOrEqual(20);
    expect(distinct("edge-to-edge", 1, 100)).toBeGreaterThanOrEqual(75);
  }, 60_000);

  it("flow-log records of one fault differ between seeds beyond their addresses and ids", () => {
    for (const difficulty of [1, 2, 3] as const) {
      const byKey = new Map<string, Set<string>>();
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const { question: q } = flowLogCase(seed, difficulty);
        const records = must(q.exhibit)
          .lines.slice(1)
          .map((line) => {
            const f = line.split(" ");
            // srcport dstport protocol packets bytes start end action: everything but account, ENI and addresses.
            return f.slice(5).join(" ");
          })
          .join("\n");
        const key = keyText(q);
        const seen = byKey.get(key) ?? new Set<string>();
        seen.add(records);
        byKey.set(key, seen);
      }
      for (const [key, seen] of byKey) {
        const count = questions("flow-log-diagnosis").filter(
          (q) => q.difficulty === difficulty && keyText(q) === key,
        ).length;
        // Before: one record pattern per fault (port 49152, 10 packets, 600 bytes, 1700000000).
        if (count >= 10) expect(seen.size, `d${difficulty} ${key}`).toBeGreaterThan(count * 0.8);
      }
    }
  }, 60_000);
});

describe("exam13: every question is about its family's subject (D5)", () => {
  it("every ipv6-egress key is an IPv6 change (a ::/0 route or rule), never a pure IPv4 design", () => {
    for (const q of questions("ipv6-egress")) expect(keyText(q), q.id).toContain("::/0");
  }, 60_000);

  it("a filtering question shows a setup that works or is dropped by a security group or network ACL", () => {
    for (const q of questions("filtering")) {
      const first = analyze(must(q.topology), must(q.query)).blockers[0];
      if (first) expect(["security-group", "network-acl"], q.id).toContain(first.detail.kind);
    }
  }, 60_000);
});

describe("exam13: wording (D6, D7)", () => {
  it("says a stateful reply is allowed back in regardless of the inbound rules", () => {
    for (const family of ["missing-piece", "fix-it"]) {
      for (const q of questions(family)) {
        for (const t of texts(q)) {
          expect(t, q.id).not.toContain("whatever its inbound rules say");
          if (t.includes("own request") && t.includes("(SG-02)"))
            expect(t, q.id).toContain("regardless of its inbound rules");
        }
      }
    }
  }, 60_000);

  it("endpoint-choice's NAT option says the path is not private, without the AWS-network parenthetical", () => {
    let nat = 0;
    for (const q of questions("endpoint-choice")) {
      for (const t of texts(q)) {
        expect(t, q.id).not.toContain("does not leave the AWS network, yet");
        if (t.includes("only at its public endpoint through the internet gateway")) {
          nat += 1;
          expect(t, q.id).toContain("it is not a private path in the VPC");
        }
      }
    }
    expect(nat).toBeGreaterThan(0);
  }, 60_000);
});

describe("exam13: a peering distractor names a peering the flow uses (D8)", () => {
  it("between two instances, no option blames a peering that no hop of the shown flow reaches", () => {
    for (const family of ["can-a-reach-c", "filtering"]) {
      for (const q of questions(family)) {
        const t = must(q.topology);
        const query = must(q.query);
        if (!t.instances.some((i) => i.name === query.to || i.id === query.to)) continue;
        const a = analyze(t, query);
        const hops = new Set([...a.forward, ...a.return].map((h) => h.component.id));
        for (const o of q.options) {
          if (!o.text.includes("delivers only to addresses in")) continue;
          const pcx = must(/\((pcx-[0-9a-f]+)\)/.exec(o.text))[1];
          expect(hops.has(must(pcx)), `${q.id}: ${o.text}`).toBe(true);
        }
      }
    }
  }, 60_000);
});

describe("exam13: a NACL fix below a numbered deny for the whole remote VPC opens that VPC, not one host (D9)", () => {
  it("the allow names the remote VPC's range when the deny spans it, only the flow's host when the deny is a carve-out", () => {
    let whole = 0;
    let carveOut = 0;
    for (const family of ["filtering", "can-a-reach-c", "fix-it"]) {
      for (const q of questions(family)) {
        const t = must(q.topology);
        const query = must(q.query);
        const b = analyze(t, query).blockers[0];
        if (!b || b.detail.kind !== "network-acl" || b.detail.ruleNumber === "*") continue;
        const d = b.detail;
        const acl = must(t.networkAcls.find((x) => x.id === b.component));
        const rules = d.side === "inbound" ? acl.inbound : acl.outbound;
        const denied = cidrOf(must(rules.find((r) => r.ruleNumber === d.ruleNumber)).cidrBlock);
        const vpcCidr = remoteVpcCidr(t, d.remote);
        if (!denied || !vpcCidr) continue;
        const fix = firstVerifiedFix(t, query);
        if (!fix || fix.kind !== "add-nacl-rule") continue;
        const fixed = must(fix.topology.networkAcls.find((x) => x.id === acl.id));
        const added = (d.side === "inbound" ? fixed.inbound : fixed.outbound).filter(
          (r) => !rules.some((old) => old.ruleNumber === r.ruleNumber),
        );
        expect(added, q.id).toHaveLength(1);
        const spans = cidrContainsCidr(denied, vpcCidr);
        const expected = spans ? vpcCidr.text : `${d.remote}/32`;
        expect(must(added[0]).cidrBlock, `${q.id}: ${fix.description}`).toBe(expected);
        if (spans) whole += 1;
        else carveOut += 1;
      }
    }
    // Before: the allow named the flow's /32 in both cases.
    expect(whole).toBeGreaterThan(5);
    expect(carveOut).toBeGreaterThan(5);
  }, 120_000);
});

function remoteVpcCidr(t: Topology, address: string): Cidr | undefined {
  const ip = parseIp(address);
  if (!ip.ok) return undefined;
  for (const vpc of t.vpcs)
    for (const c of vpc.cidrBlocks) {
      const cidr = cidrOf(c);
      if (cidr && cidrContainsIp(cidr, ip.value)) return cidr;
    }
  return undefined;
}

function cidrOf(text: string): Cidr | undefined {
  const c = parseCidr(text);
  return c.ok ? c.value : undefined;
}

describe("exam13: network ACL ids are their own (D10)", () => {
  it("no custom network ACL reuses the hex digits of a subnet it is associated with; ids stay the same per seed", () => {
    let checked = 0;
    for (const family of ["fix-it", "filtering", "can-a-reach-c", "missing-piece"]) {
      for (const q of questions(family)) {
        const t = must(q.topology);
        for (const s of t.subnets) {
          if (s.networkAclId === undefined) continue;
          checked += 1;
          expect(s.networkAclId.replace(/^acl-/, ""), q.id).not.toBe(s.id.replace(/^subnet-/, ""));
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    const fixIt = must(findFamily("fix-it"));
    for (let seed = 0; seed < 20; seed += 1)
      expect(JSON.stringify(fixIt.generate(seed, 2).topology)).toBe(
        JSON.stringify(fixIt.generate(seed, 2).topology),
      );
  }, 60_000);
});
