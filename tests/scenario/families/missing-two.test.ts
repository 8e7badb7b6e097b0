// The two-piece variant of missing-piece: every key pair is proven on the model (each alone fails, both
// together succeed, no other pair succeeds), and the variant is drawn for a small share of seeds only.
import { describe, expect, it } from "vitest";
import { analyze, type Topology } from "../../../lib/net/index";
import { grade } from "../../../lib/grading/grade";
import { CHOOSE_TWO } from "../../../lib/scenario/concept-fact-choose-two";
import { missingPiece } from "../../../lib/scenario/families/missing-piece";
import { missingPieceWithTwo, missingTwoCase } from "../../../lib/scenario/families/missing-two";
import type { Difficulty } from "../../../lib/scenario/question";
import { verifyQuestion } from "../../../lib/scenario/verify";
import { must } from "../../support/must";

const SEEDS = 400;
const cases = [] as NonNullable<ReturnType<typeof missingTwoCase>>[];
for (let seed = 0; seed < SEEDS; seed += 1)
  for (const d of [2, 3] as Difficulty[]) {
    const c = missingTwoCase(seed, d);
    if (c) cases.push(c);
  }

describe("missing-piece two-piece variant", () => {
  it("is drawn for a small share of difficulty 2 and 3 seeds, never at difficulty 1", () => {
    const share = cases.length / (2 * SEEDS);
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.15);
    for (let seed = 0; seed < 100; seed += 1) expect(missingTwoCase(seed, 1)).toBeUndefined();
  });

  it("keys exactly the two removed pieces, each needed, both together sufficient, no other pair", () => {
    for (const c of cases) {
      const q = c.question;
      const ok = (t: Topology): boolean => analyze(t, c.setup.query).reachable;
      expect(verifyQuestion(q), q.id).toEqual([]);
      expect(q.stem.endsWith(CHOOSE_TWO)).toBe(true);
      expect(q.options).toHaveLength(5);
      const keyTexts = q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text);
      expect(keyTexts.sort()).toEqual(c.missing.map((p) => p.text).sort());
      const [p, r] = c.missing;
      expect(ok(c.shownTopology), q.id).toBe(false);
      expect(ok(c.setup.base), q.id).toBe(true);
      expect(ok(p.remove(c.setup.base)), q.id).toBe(false);
      expect(ok(r.remove(c.setup.base)), q.id).toBe(false);
      for (const d of c.distractors) {
        expect(ok(d.edit(p.remove(c.setup.base))), `${q.id}: ${d.text}`).toBe(false);
        expect(ok(d.edit(r.remove(c.setup.base))), `${q.id}: ${d.text}`).toBe(false);
        for (const e of c.distractors) if (e !== d) expect(ok(e.edit(d.edit(c.shownTopology)))).toBe(false);
      }
    }
  });

  it("grades one of the two pieces as wrong", () => {
    const q = must(cases[0]).question;
    expect(grade(q, [...q.answer]).correct).toBe(true);
    expect(grade(q, [must(q.answer[0])]).correct).toBe(false);
  });

  it("leaves every other seed's missing-piece question unchanged", () => {
    for (let seed = 0; seed < 60; seed += 1)
      for (const d of [1, 2, 3] as Difficulty[]) {
        if (missingTwoCase(seed, d)) continue;
        expect(JSON.stringify(missingPieceWithTwo.generate(seed, d))).toBe(
          JSON.stringify(missingPiece.generate(seed, d)),
        );
      }
  });
});
