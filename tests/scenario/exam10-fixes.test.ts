// Exam 10 findings, over seed sweeps.
// D1: fix-it at difficulty 1 removes only a piece the request needs (as missing-piece d1), never one only the
// reply needs: the model's first blocker on the shown topology drops the request, not the reply.
// D2: fix-it at difficulty 3 whose fault is the client attachment's missing propagation shows the decoy (the
// attachment propagating into another TGW table), as missing-piece d3 does.
// M1: no option adds a security-group rule the group already has (ipv6-egress and fix-it wordings).
// M2: can-a-reach-c with an expired peering as the key: the key's text is no longer than the longest other option.
import { describe, expect, it } from "vitest";
import type { Topology } from "../../lib/net/index";
import { fixItCase } from "../../lib/scenario/families/fix-it";
import { ipv6Egress } from "../../lib/scenario/families/ipv6-egress";
import { canAReachC } from "../../lib/scenario/families/can-a-reach-c";
import { analyzeTopology } from "../../lib/scenario/reach-question";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { must } from "../support/must";

const SEEDS = 200;
const LEVELS: readonly Difficulty[] = [1, 2, 3];

describe("exam10 D1: fix-it d1 removes a piece the request needs", () => {
  it("the shown topology drops the request, never only the reply", () => {
    const replyOnly: string[] = [];
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const q = fixItCase(seed, 1).question;
      const first = analyzeTopology(must(q.topology), must(q.query)).blockers[0];
      if (first?.direction === "return") replyOnly.push(`${q.id}: ${first.code}@${first.component}`);
    }
    expect(replyOnly).toEqual([]);
  });
});

describe("exam10 D2: fix-it d3 with a missing client propagation shows the decoy", () => {
  it("the client's attachment propagates into another TGW table", () => {
    const missing: string[] = [];
    let cases = 0;
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const q = fixItCase(seed, 3).question;
      const t = must(q.topology);
      const first = analyzeTopology(t, must(q.query)).blockers[0];
      if (first?.code !== "TGW_RTB_CANNOT_ROUTE" || first.direction !== "return") continue;
      cases += 1;
      const client = must(t.instances.find((i) => i.name === q.query?.from));
      const vpcId = must(t.subnets.find((s) => s.id === client.subnetId)).vpcId;
      const attachment = must(t.transitGatewayAttachments.find((a) => a.vpcId === vpcId)).id;
      if (!t.transitGatewayRouteTables.some((r) => r.propagations.includes(attachment))) missing.push(q.id);
    }
    expect(cases).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});

type SgAddition = {
  readonly sg: string;
  readonly side: "inbound" | "outbound";
  readonly from: number;
  readonly to: number;
  readonly cidr: string;
};

/** The security-group rule an option adds, in ipv6-egress's or fix-it's (lib/net proposeFixes') wording. */
function sgAddition(text: string): SgAddition | undefined {
  const ipv6 =
    /^Add an (inbound|outbound) rule to (sg-[0-9a-f]+) allowing TCP (\d+)(?:-(\d+))? (?:from|to) (\S+)/.exec(
      text,
    );
  const fix =
    /^Add an (inbound|outbound) rule tcp\/(\d+)(?:-(\d+))? (?:from|to) (\S+) to security group (sg-[0-9a-f]+)/.exec(
      text,
    );
  if (ipv6)
    return {
      side: ipv6[1] as "inbound" | "outbound",
      sg: must(ipv6[2]),
      from: Number(ipv6[3]),
      to: Number(ipv6[4] ?? ipv6[3]),
      cidr: must(ipv6[5]),
    };
  if (fix)
    return {
      side: fix[1] as "inbound" | "outbound",
      sg: must(fix[5]),
      from: Number(fix[2]),
      to: Number(fix[3] ?? fix[2]),
      cidr: must(fix[4]),
    };
  return undefined;
}

function alreadyThere(t: Topology, add: SgAddition): boolean {
  const sg = t.securityGroups.find((g) => g.id === add.sg);
  return (sg?.[add.side] ?? []).some(
    (r) => r.protocol === "tcp" && r.fromPort === add.from && r.toPort === add.to && r.cidrBlock === add.cidr,
  );
}

function repeatedRules(q: Question): string[] {
  const t = must(q.topology);
  return q.options
    .filter((o) => {
      const add = sgAddition(o.text);
      return add !== undefined && alreadyThere(t, add);
    })
    .map((o) => `${q.id}: ${o.text}`);
}

describe("exam10 M1: no option adds a rule the security group already has", () => {
  it("ipv6-egress and fix-it, every level", () => {
    const repeated: string[] = [];
    let parsed = 0;
    for (let seed = 0; seed < SEEDS; seed += 1)
      for (const d of LEVELS)
        for (const q of [ipv6Egress.generate(seed, d), fixItCase(seed, d).question]) {
          parsed += q.options.filter((o) => sgAddition(o.text) !== undefined).length;
          repeated.push(...repeatedRules(q));
        }
    expect(parsed).toBeGreaterThan(SEEDS);
    expect(repeated).toEqual([]);
  });
});

describe("exam10 M2: an expired peering key is no longer than the longest distractor", () => {
  it("can-a-reach-c, every level", () => {
    const longer: string[] = [];
    let cases = 0;
    for (let seed = 0; seed < SEEDS; seed += 1)
      for (const d of LEVELS) {
        const q = canAReachC.generate(seed, d);
        const key = must(q.options.find((o) => o.id === q.answer[0]));
        if (!/ is expired, not active/.test(key.text)) continue;
        cases += 1;
        const longest = Math.max(...q.options.filter((o) => o !== key).map((o) => o.text.length));
        if (key.text.length > longest) longer.push(`${q.id}: ${key.text}`);
      }
    expect(cases).toBeGreaterThan(5);
    expect(longer).toEqual([]);
  });
});
