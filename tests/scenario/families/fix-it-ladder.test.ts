// The fix-it difficulty ladder: d2 is a different kind of fault from d1, not a re-skin (the examiner found d2
// asking the d1 question again: "SG with no outbound rules"), and d3 turns on the reply path.
import { describe, expect, it } from "vitest";
import { analyze } from "../../../lib/net/index";
import { fixItCase } from "../../../lib/scenario/families/fix-it";
import type { Difficulty } from "../../../lib/scenario/question";
import { must } from "../../support/must";

const SEEDS = 60;

/** The shown setup's first blocker: its code and whether the request or the reply is dropped. */
function deciding(seed: number, difficulty: Difficulty): { code: string; direction: string } {
  const q = fixItCase(seed, difficulty).question;
  const b = must(analyze(must(q.topology), must(q.query)).blockers[0], "a blocker");
  return { code: b.code, direction: b.direction ?? "" };
}

describe("fix-it difficulty ladder", () => {
  it("d2 never asks about a kind of fault d1 asks about (d1: a route, the peering, a security group)", () => {
    const d1 = new Set<string>();
    const d2 = new Set<string>();
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const one = deciding(seed, 1).code;
      const two = deciding(seed, 2).code;
      expect(two, `seed ${seed}`).not.toBe(one);
      d1.add(one);
      d2.add(two);
    }
    expect([...d2].filter((code) => d1.has(code))).toEqual([]);
    // Statelessness of the network ACL and the transit gateway's tables both appear at d2.
    expect(d2).toContain("SUBNET_ACL_RESTRICTION");
    expect([...d2].some((code) => code.startsWith("TGW_"))).toBe(true);
  }, 120_000);

  it("d1 mixes its three kinds of fault: no kind in more than half the questions (an empty group was 60 %)", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2 * SEEDS; seed += 1) {
      const code = deciding(seed, 1).code;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([
      "BAD_STATE_ROUTE",
      "NO_ROUTE_TO_DESTINATION",
      "SG_HAS_NO_RULES",
    ]);
    for (const [code, n] of counts) expect(n / (2 * SEEDS), code).toBeLessThanOrEqual(0.5);
  }, 120_000);

  it("d3 turns on the reply path in (nearly) every question", () => {
    let reply = 0;
    for (let seed = 0; seed < SEEDS; seed += 1) if (deciding(seed, 3).direction === "return") reply += 1;
    expect(reply / SEEDS).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
