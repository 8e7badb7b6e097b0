// The exam16 examiner: peering-feasibility d3 overlaps were two equal blocks, seen at a glance (MINOR-1); options
// named a reply port (49152) no exhibit shows (MINOR-2); a fix-it wrong option's why gave a reason the exhibit does
// not have (MINOR-3); the longest "Yes" wording was always the longest option (MINOR-4); public addresses looked
// like real addresses of other Regions or providers (N-2); a key rested on a pending-acceptance request counting as
// an existing peering, which AWS does not document (N-1).
import { describe, expect, it } from "vitest";
import { analyze, cidrsOverlap, parseCidr } from "../../lib/net/index";
import { findFamily } from "../../lib/scenario/registry";
import { YES_TEXTS } from "../../lib/scenario/reach-question";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { must } from "../support/must";

const SEEDS = 300;

function questions(family: string, difficulties: readonly Difficulty[], seeds = SEEDS): Question[] {
  const f = must(findFamily(family));
  const out: Question[] = [];
  for (let i = 0; i < seeds; i += 1) {
    const d = must(difficulties[i % difficulties.length]);
    if (f.difficulties.includes(d)) out.push(f.generate(160_000 + i, d));
  }
  return out;
}

function cidr(text: string) {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

/** Every option text and explanation of a question, one string. */
function allText(q: Question): string {
  return [
    q.stem,
    ...q.options.map((o) => o.text),
    q.explanation.summary,
    ...Object.values(q.explanation.perOption),
  ].join("\n");
}

describe("exam16 fixes", () => {
  it("peering-feasibility d3: an overlap is never two equal blocks or blocks with the same first address (MINOR-1)", () => {
    let overlapping = 0;
    for (const q of questions("peering-feasibility", [3])) {
      const [x, y] = must(q.topology).vpcs;
      for (const a of must(x).cidrBlocks)
        for (const b of must(y).cidrBlocks) {
          if (!cidrsOverlap(cidr(a), cidr(b))) continue;
          overlapping += 1;
          expect(a, q.id).not.toBe(b);
          expect(a.split("/")[0], `${q.id}: ${a} ${b}`).not.toBe(b.split("/")[0]);
        }
    }
    expect(overlapping).toBeGreaterThan(50);
  });

  it("no option or explanation names the model's assumed client port 49152 (MINOR-2)", () => {
    let replies = 0;
    for (const family of ["can-a-reach-c", "edge-to-edge", "filtering", "fix-it", "missing-piece"])
      for (const q of questions(family, [1, 2, 3], 150)) {
        const text = allText(q);
        if (/replies (to|from) \S+ .*ephemeral ports/.test(text)) replies += 1;
        expect(text, q.id).not.toMatch(/\b49152\b/);
      }
    expect(replies).toBeGreaterThan(20);
  });

  it("a fix-it wrong option's why names where the flow is still dropped (MINOR-3)", () => {
    let checked = 0;
    for (const q of questions("fix-it", [1, 2, 3], 300)) {
      const t = must(q.topology);
      const first = must(analyze(t, must(q.query)).blockers[0]);
      for (const o of q.options) {
        if (q.answer.includes(o.id)) continue;
        const why = must(q.explanation.perOption[o.id]);
        // An inbound security group rule never helps a connection the instance opens: its why must not say the
        // connection needs an outbound rule when the group already has one (the exam's 151943 D).
        if (/^Add an inbound rule tcp\/443 from 0\.0\.0\.0\/0 to security group/.test(o.text)) {
          checked += 1;
          expect(why, q.id).not.toMatch(/leaves only if an outbound rule allows it/);
        }
        if (first.code === "SUBNET_ACL_RESTRICTION" && /security group/.test(o.text)) {
          const acl = first.detail.kind === "network-acl" ? first.detail.acl : undefined;
          expect(why, `${q.id} ${o.text}`).toContain(must(acl).id);
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("the longest 'Yes' wording is not much longer than the others, and no longer than 220 characters (MINOR-4)", () => {
    const lengths = YES_TEXTS.map((t) => t.length).sort((a, b) => a - b);
    expect(must(lengths.at(-1))).toBeLessThanOrEqual(220);
    expect(must(lengths.at(-1)) - must(lengths.at(-2))).toBeLessThan(40);
  });

  it("public addresses AWS hands out are documentation addresses, distinct within a topology (N-2)", () => {
    let seen = 0;
    for (const family of ["edge-to-edge", "ipv6-egress", "missing-piece", "flow-log-diagnosis", "fix-it"])
      for (const q of questions(family, [1, 2, 3], 200)) {
        const t = q.topology;
        if (t === undefined) continue;
        const ips = [
          ...t.instances.flatMap((i) => (i.publicIp === undefined ? [] : [i.publicIp])),
          ...t.natGateways.flatMap((n) => (n.publicIp === undefined ? [] : [n.publicIp])),
        ];
        seen += ips.length;
        for (const ip of ips) expect(ip, q.id).toMatch(/^203\.0\.113\.\d+$/);
        expect(new Set(ips).size, q.id).toBe(ips.length);
        const server = q.query?.to ?? "";
        if (/^\d+\.\d+\.\d+\.\d+$/.test(server)) expect(ips, q.id).not.toContain(server);
      }
    expect(seen).toBeGreaterThan(100);
  });

  it("peering-feasibility keys a duplicate only on an active peering, never a pending request (N-1)", () => {
    let duplicates = 0;
    for (const q of questions("peering-feasibility", [1, 2, 3], 600)) {
      const t = must(q.topology);
      for (const p of t.peeringConnections) {
        duplicates += 1;
        expect(p.status, q.id).toBe("active");
      }
      for (const text of [q.stem, ...q.options.map((o) => o.text)]) expect(text, q.id).not.toMatch(/pending/);
    }
    expect(duplicates).toBeGreaterThan(50);
  });
});
