// Patterns the exam11 examiner found in generated questions: a both-sided security group sentence for a group
// with rules on one side (M5), a no-route drop that did not say why a nearby route misses the address (M3),
// edge-to-edge questions with three options and a passing route cited in nested parentheses with its rule twice
// (M6), hybrid keys with no fix (M8), an edge-to-edge explanation silent on the endpoint route (M4), the private
// NAT gateway sentence (M7), and a peering-feasibility "Yes" that contradicted the stem (M9). Each check runs over
// many seeds of the families that produce the pattern, not over the examined seeds alone.
import { describe, expect, it } from "vitest";
import { findFamily } from "../../lib/scenario/registry";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { must } from "../support/must";
import { generatedQuestions } from "../support/generated-questions";

const SEEDS = 200;

const questions = generatedQuestions(SEEDS);

function one(family: string, seed: number, difficulty: Difficulty): Question {
  return must(findFamily(family)).generate(seed, difficulty);
}

const texts = (q: Question): string[] => [q.explanation.summary, ...Object.values(q.explanation.perOption)];

describe("exam11 fixes", () => {
  it("tells the no-rules rule for the side of the group that has no rules, never for a side with rules (M5)", () => {
    let checked = 0;
    for (const family of ["filtering", "can-a-reach-c", "fix-it", "missing-piece", "edge-to-edge"]) {
      for (const q of questions(family)) {
        const s = q.explanation.summary;
        const inbound = s.includes("with no inbound rules");
        const outbound = s.includes("with no outbound rules");
        if (!inbound && !outbound) continue;
        // The group the request or reply is dropped at, named in the summary as "<name> (sg-…)".
        const id =
          /dropped at [^(]*\((sg-[0-9a-f]+)\)/.exec(s)?.[1] ?? /dropped at (sg-[0-9a-f]+)/.exec(s)?.[1];
        const group = q.topology?.securityGroups.find((g) => g.id === id);
        if (!group) continue;
        checked += 1;
        if (inbound) expect(group.inbound, `${q.id}: ${s}`).toHaveLength(0);
        if (outbound) expect(group.outbound, `${q.id}: ${s}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(20);
    // The examined seed: db-1-sg has an inbound rule and no outbound rules.
    const s = one("filtering", 99056, 2).explanation.summary;
    expect(s).toContain("with no outbound rules");
    expect(s).not.toContain("with no inbound rules");
  });

  it("says which addresses a nearby route covers when the reply matches no route (M3)", () => {
    const s = one("fix-it", 98562, 3).explanation.summary;
    expect(s).toContain(
      "route 172.31.162.0/23 -> pcx-0f139506064005c5a covers only 172.31.162.0–172.31.163.255, so it does not match 172.31.160.19",
    );
    // Every such sentence names a range that truly leaves the address out.
    let named = 0;
    for (const q of [...questions("fix-it"), ...questions("missing-piece"), ...questions("can-a-reach-c")]) {
      for (const m of q.explanation.summary.matchAll(
        /route (\d+\.\d+\.\d+\.\d+)\/(\d+) -> \S+ covers only (\S+)–(\S+?), so (?:it does not match|none of them matches) (\d+\.\d+\.\d+\.\d+)/g,
      )) {
        named += 1;
        const n = (ip: string): number => ip.split(".").reduce((a, b) => a * 256 + Number(b), 0);
        const [, net, , first, last, address] = m as unknown as string[];
        expect(first, q.id).toBe(net);
        expect(n(must(address)) < n(must(first)) || n(must(address)) > n(must(last)), q.id).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it("shows four options in every edge-to-edge question (M6)", () => {
    for (const q of questions("edge-to-edge")) expect(q.options.length, q.id).toBeGreaterThanOrEqual(4);
    expect(one("edge-to-edge", 98923, 1).options).toHaveLength(4);
  });

  it("cites a passing route once, without nested parentheses (M6)", () => {
    for (const family of ["hybrid", "can-a-reach-c", "edge-to-edge", "filtering"])
      for (const q of questions(family))
        for (const t of texts(q)) {
          expect(t, q.id).not.toMatch(/\((?:RT-04|TGW-07)\)\) \((?:RT-04|TGW-07)\)/);
          expect(t, q.id).not.toMatch(/longest prefix wins over [^)]*\)\) \(/);
        }
    // Seed re-pinned (was 98619) when hybrid gained its Direct Connect on a transit gateway kind: same pattern.
    const b = one("hybrid", 98674, 3).explanation.perOption;
    expect(Object.values(b).join(" ")).toContain(
      "it has the entry the reply needs: 172.22.32.0/20 -> vgw-0a69152d953f91ffb (propagated), which wins over 172.22.0.0/16 -> tgw-02df3806162717797 by longest prefix (RT-04).",
    );
  });

  it("gives a fix in every hybrid key that names a drop point (M8)", () => {
    for (const q of questions("hybrid")) {
      const s = q.explanation.summary;
      if (!s.includes(" is dropped at ")) continue;
      expect(s, q.id).toMatch(/Fix:/);
    }
    // Seeds re-pinned (were 98828, 98999) when hybrid gained its Direct Connect on a transit gateway kind: same pattern.
    expect(one("hybrid", 98600, 2).explanation.summary).toContain(
      "Fix: enable propagation of tgw-attach-06001afbd3f634125 into transit gateway route table tgw-rtb-067e667deff3b54c3.",
    );
    expect(one("hybrid", 98902, 2).explanation.summary).toContain(
      "Fix: add a route 10.103.64.0/20 -> tgw-01023e4d5aab9b005 to rtb-0d7c1d82242655dea.",
    );
  });

  it("names the endpoint route a private S3 flow takes and offers the peering misreading, not a policy the exhibit refutes (M4)", () => {
    const q = one("edge-to-edge", 98372, 2);
    expect(q.explanation.summary).toContain(
      "the route pl-0238addc50e3327e2 (52.216.0.0/15) -> vpce-0474c7709b11bb454 in rtb-0ebf76ba473af4a68 sends the request to ml-training's own gateway endpoint (GWE-02)",
    );
    expect(q.options.map((o) => o.text).join("\n")).not.toContain("endpoint policy");
    expect(
      q.options.some((o) => o.text.includes("is not one: a peering is neither transitive nor edge-to-edge")),
    ).toBe(true);
    // Every working flow through a gateway endpoint says which route sent it there.
    let endpointFlows = 0;
    for (const e of questions("edge-to-edge")) {
      const s = e.explanation.summary;
      if (!s.startsWith("The connection works") || !e.query || e.query.to !== "s3") continue;
      endpointFlows += 1;
      expect(s, e.id).toMatch(/own gateway endpoint \(GWE-02\)/);
    }
    expect(endpointFlows).toBeGreaterThan(0);
  });

  it("says an internet gateway drops a private NAT gateway's traffic, and that the policy allows an egress-only gateway (M7)", () => {
    for (const q of questions("ipv6-egress")) {
      for (const t of texts(q)) expect(t, q.id).not.toContain("cannot send traffic to an internet gateway");
      if (q.stem.includes("forbids an internet gateway"))
        expect(q.stem, q.id).toContain("though not an egress-only internet gateway");
    }
    const q = one("ipv6-egress", 98182, 1);
    expect(texts(q).join(" ")).toContain(
      "an internet gateway drops traffic routed to it from a private NAT gateway",
    );
  });

  it("never offers 'no peering connection exists yet' beside a stem that shows one (M9)", () => {
    let shown = 0;
    for (const q of questions("peering-feasibility")) {
      if (!/ Peering pcx-[0-9a-f]+ between them is /.test(q.stem)) continue;
      shown += 1;
      for (const o of q.options) expect(o.text, q.id).not.toContain("no peering connection exists");
    }
    expect(shown).toBeGreaterThan(20);
    const texts98087 = one("peering-feasibility", 98087, 2).options.map((o) => o.text);
    // exam16 N-1: the existing peering is always active now (a pending request's standing is undocumented).
    expect(texts98087).toContain(
      "Yes: a second peering connection can run beside the active one, for example to carry other routes",
    );
  });
});
