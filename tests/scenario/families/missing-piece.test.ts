// missing-piece and fix-it wrong options over seed sweeps: never a route for the VPC's own range (the local route
// always covers it), never a security-group rule the group already allows by its allow-all rule (exam9 D1: that
// no wrong option is ruled out by a CIDR check alone is tests/scenario/exam9-fixes.test.ts).
import { describe, expect, it } from "vitest";
import type { Topology } from "../../../lib/net/index";
import { missingPieceCase } from "../../../lib/scenario/families/missing-piece";
import { fixItCase } from "../../../lib/scenario/families/fix-it";
import type { Difficulty } from "../../../lib/scenario/question";
import { must } from "../../support/must";

const difficultyOf = (seed: number): Difficulty => ((seed % 3) + 1) as Difficulty;

/** Security-group rules `after` adds to a direction whose list in `before` already allows all traffic anywhere. */
function alreadyAllowed(before: Topology, after: Topology): number {
  let count = 0;
  for (const sg of after.securityGroups) {
    const old = must(before.securityGroups.find((g) => g.id === sg.id));
    for (const dir of ["inbound", "outbound"] as const) {
      const had = old[dir];
      const open =
        (dir === "outbound" && had === undefined) ||
        (had ?? []).some((r) => r.protocol === "all" && r.cidrBlock === "0.0.0.0/0");
      if (open) count += (sg[dir] ?? []).length - (had ?? []).length;
    }
  }
  return count;
}

describe("missing-piece and fix-it wrong options", () => {
  it("are never own-range routes or rules a group already allows, and each leaves four options", () => {
    for (let seed = 0; seed < 150; seed += 1) {
      const m = missingPieceCase(seed, difficultyOf(seed));
      expect(m.question.options, m.question.id).toHaveLength(4);
      for (const d of m.distractors) {
        expect(d.why, m.question.id).not.toMatch(/local route/);
        expect(alreadyAllowed(m.shownTopology, d.result), `${m.question.id}: ${d.text}`).toBe(0);
      }
      const f = fixItCase(seed, difficultyOf(seed));
      expect(f.question.options, f.question.id).toHaveLength(4);
      for (const w of f.wrong) {
        expect(w.why, f.question.id).not.toMatch(/local route/);
        expect(alreadyAllowed(must(f.question.topology), w.result), `${f.question.id}: ${w.text}`).toBe(0);
      }
    }
  }, 120_000);
});
