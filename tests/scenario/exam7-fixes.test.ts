// The seventh independent examiner's findings (exam7), each asserted on the cited question and, where it is
// cheap, as a property over many seeds.
import { describe, expect, it } from "vitest";
import { ADVANCED_FACTS } from "../../lib/scenario/concept-facts-advanced";
import { CHOOSE_TWO_FACTS } from "../../lib/scenario/concept-facts-choose-two";
import { ENDPOINT_FACTS } from "../../lib/scenario/concept-facts-endpoints";
import { GATEWAY_FACTS } from "../../lib/scenario/concept-facts-gateways";
import { FACTS } from "../../lib/scenario/concept-facts";
import { missingPieceCase } from "../../lib/scenario/families/missing-piece";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { FAMILIES } from "../../lib/scenario/registry";
import { must } from "../support/must";

function family(name: string) {
  return must(FAMILIES.find((x) => x.name === name));
}

function questions(name: string, seeds: number, difficulties?: readonly Difficulty[]): Question[] {
  const f = family(name);
  const out: Question[] = [];
  for (const d of difficulties ?? f.difficulties)
    for (let seed = 0; seed < seeds; seed += 1) out.push(f.generate(seed * 7919 + 73001, d));
  return out;
}

function peeringRows(q: Question): Record<string, string>[] {
  const table = q.exhibit?.tables.find((t) => t.kind === "peering");
  if (table === undefined) return [];
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? ""])));
}

describe("peering exhibit shows the status AWS would show (DEFECT 1)", () => {
  it("can-a-reach-c 73014 d2: a request made 24 days ago reads expired, as the key says", () => {
    const q = family("can-a-reach-c").generate(73014, 2);
    const rows = peeringRows(q);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.Status, q.id).toBe("expired");
    expect(q.options.find((o) => o.id === q.answer[0])?.text).toMatch(/expired/);
  });

  it("never shows pending-acceptance for a request 7 or more days old, in any family", () => {
    let expired = 0;
    for (const name of ["can-a-reach-c", "missing-piece", "peering-feasibility"])
      for (const q of questions(name, 120))
        for (const r of peeringRows(q)) {
          const days = /^(\d+) days ago$/.exec(r.Requested ?? "");
          if (days !== null && Number(days[1]) >= 7) expect(r.Status, q.id).not.toBe("pending-acceptance");
          if (r.Status === "expired") expired += 1;
        }
    expect(expired).toBeGreaterThan(0);
  });
});

describe("concept facts: an attachment has at most one associated TGW route table (MINOR 9)", () => {
  it("concept-check 73456 d3 keys 'at most one', not 'exactly one'", () => {
    const q = family("concept-check").generate(73456, 3);
    const keyed = q.answer.map((id) => must(q.options.find((o) => o.id === id)).text);
    expect(keyed.join("\n")).toMatch(/at most one transit gateway route table/);
    for (const o of q.options) expect(o.text).not.toMatch(/exactly one transit gateway route table/);
  });

  it("no concept statement claims exactly one where none is possible", () => {
    const texts: string[] = [];
    for (const f of CHOOSE_TWO_FACTS) for (const s of [...f.right, ...f.wrong]) texts.push(s.text, s.why);
    for (const f of [...FACTS, ...ADVANCED_FACTS, ...ENDPOINT_FACTS, ...GATEWAY_FACTS])
      texts.push(f.right, f.why, ...f.wrong.map((w) => w.text));
    for (const text of texts) expect(text).not.toMatch(/exactly one (transit gateway )?route table/i);
  });
});

describe("hybrid: with a VPN to each VPC, the stem says which one carries the destination's range (MINOR 11)", () => {
  it("hybrid 73651 d3 names the VPN to edge-ingress for 172.25.48.0/22", () => {
    const q = family("hybrid").generate(73651, 3);
    expect(q.stem).toMatch(
      /The on-premises router sends traffic for 172\.25\.48\.0\/22 over VPN connection datacenter-1-to-edge-ingress\./,
    );
  });

  it("every d3 setup with two VPN connections names the one whose gateway is in the destination's VPC", () => {
    let checked = 0;
    for (const q of questions("hybrid", 300, [3])) {
      const t = must(q.topology);
      const vgwVpns = t.vpnConnections.filter((v) => v.vpnGatewayId !== undefined);
      if (vgwVpns.length < 2 || t.peeringConnections.length === 0) continue;
      checked += 1;
      const m = must(/sends traffic for (\S+) over VPN connection (\S+)\./.exec(q.stem), q.id);
      const vpn = must(
        t.vpnConnections.find((v) => v.name === m[2]),
        q.id,
      );
      const vgw = must(
        t.vpnGateways.find((g) => g.id === vpn.vpnGatewayId),
        q.id,
      );
      const vpc = must(
        t.vpcs.find((v) => v.id === vgw.vpcId),
        q.id,
      );
      expect(vpc.cidrBlocks, q.id).toContain(m[1]);
      expect(q.stem, q.id).toContain(`in ${vpc.name ?? vpc.id}`);
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe("missing-piece: the stem does not call a pending peering 'joined' (MINOR 3)", () => {
  it("missing-piece 73157 d3 says the peering was requested", () => {
    const q = family("missing-piece").generate(73157, 3);
    expect(q.stem).toMatch(/ requested peering pcx-[0-9a-f]+ with /);
    expect(q.stem).not.toMatch(/joined/);
  });

  it("no missing-piece stem says two VPCs are joined by a peering", () => {
    for (const q of questions("missing-piece", 150)) expect(q.stem, q.id).not.toMatch(/joined by peering/);
  });
});

describe("filtering: explanations name the rule that decides and the concept tested (MINOR 4, 5)", () => {
  const reason = (q: Question, text: RegExp) =>
    must(q.explanation.perOption[must(q.options.find((o) => text.test(o.text))).id]);

  it("filtering 73183 d2 says why a group of the peered VPC can be referenced (same Region)", () => {
    const q = family("filtering").generate(73183, 2);
    const why = reason(q, /queue-2-sg .* no inbound rule/);
    expect(why).toMatch(/a security group in the peered VPC reporting/);
    expect(why).toMatch(/same Region/);
    expect(why).toMatch(/not across Regions/);
  });

  it("filtering 73196 d3 explains why the decoy deny rule 90 does not match", () => {
    const q = family("filtering").generate(73196, 3);
    const why = reason(q, /\(rule 90\)/);
    expect(why).toMatch(
      /rule 90 \(deny tcp\/22 10\.224\.209\.0\/24\) does not match, as 10\.224\.208\.31 is outside 10\.224\.209\.0\/24, so evaluation moves on to rule 100 \(allow/,
    );
  });

  it("a NACL drop's key names the matching rule and why it wins, lowest number first", () => {
    let checked = 0;
    for (const q of questions("filtering", 100, [2, 3])) {
      const key = must(q.options.find((o) => o.id === q.answer[0])).text;
      const m = /Network ACL .* \(rule (\d+)\)\./.exec(key);
      if (m === null) continue;
      checked += 1;
      expect(q.explanation.summary, q.id).toMatch(
        new RegExp(`rule ${m[1] ?? ""} \\(deny [^)]*\\) is the lowest-numbered rule that matches`),
      );
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("flow-log-diagnosis: no SG-only or NACL-only rule sentence when the records cannot tell them apart (MINOR 7)", () => {
  const generic =
    /A security group admits only what its rules allow|A network ACL filters traffic as it enters/;

  it("flow-log 73391 d2, 73378 d1 and 73638 d2 keep to what the records show", () => {
    for (const [seed, d] of [
      [73391, 2],
      [73378, 1],
      [73638, 2],
    ] as const) {
      const q = family("flow-log-diagnosis").generate(seed, d);
      expect(q.explanation.summary, q.id).toMatch(/SG egress or NACL outbound|NACL inbound or SG inbound/);
      expect(q.explanation.summary, q.id).not.toMatch(generic);
    }
  });

  it("every key that says 'SG or NACL' carries no sentence about only one of them", () => {
    let checked = 0;
    for (const q of questions("flow-log-diagnosis", 150)) {
      if (
        !/SG egress or (its subnet's )?NACL outbound|NACL inbound or SG inbound/.test(q.explanation.summary)
      )
        continue;
      checked += 1;
      expect(q.explanation.summary, q.id).not.toMatch(generic);
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("missing-piece: no empty-security-group fault at d3 (MINOR 2)", () => {
  it("missing-piece 73144 d3 does not hinge on a group with no inbound rules", () => {
    const c = missingPieceCase(73144, 3);
    expect(must(c.setup.pieces[c.missingIndex]).text).not.toMatch(/^An inbound rule in/);
    for (const t of c.question.exhibit?.tables ?? [])
      for (const row of t.rows) expect(row.join(" | ")).not.toMatch(/no rules/);
  });

  it("no d3 question shows a security group emptied of its inbound rules as the missing piece", () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const c = missingPieceCase(seed * 7919 + 73001, 3);
      const piece = must(c.setup.pieces[c.missingIndex]);
      expect(piece.plain, c.question.id).toBeUndefined();
      const key = must(c.question.options.find((o) => o.id === c.question.answer[0])).text;
      expect(key, c.question.id).toBe(piece.text);
      expect(key, c.question.id).not.toMatch(/^An inbound rule in/);
    }
  });
});

describe("ipv6-egress d3: more than two puzzles (MINOR 6)", () => {
  const keyText = (q: Question) => must(q.options.find((o) => o.id === q.answer[0])).text;

  it("draws a NACL fault on the request leg too: the outbound ::/0 rule for port 443", () => {
    const keys = questions("ipv6-egress", 120, [3]).map(keyText);
    expect(keys.some((k) => /^Add outbound rule 101 to acl-\S+ allowing TCP 443 to ::\/0$/.test(k))).toBe(
      true,
    );
    expect(
      keys.some((k) => /^Add inbound rule 110 to acl-\S+ allowing TCP 1024-65535 from ::\/0$/.test(k)),
    ).toBe(true);
    expect(keys.some((k) => /^Add an outbound rule to sg-\S+ allowing TCP 443 to ::\/0$/.test(k))).toBe(true);
  });

  it("ipv6-egress 73352 d3 and 73365 d3 are no longer the same puzzle", () => {
    const f = family("ipv6-egress");
    const a = keyText(f.generate(73352, 3)).replace(/(acl|sg)-[0-9a-f]+/g, "$1");
    const b = keyText(f.generate(73365, 3)).replace(/(acl|sg)-[0-9a-f]+/g, "$1");
    expect(a).not.toBe(b);
  });
});
