// Invariants every family must hold across many seeds: determinism, exactly the key is marked, distinct
// options, explanations for every option, keys spread over positions.
import { describe, expect, it } from "vitest";
import { normalizeOptionText } from "../../lib/scenario/options";
import { FAMILIES } from "../../lib/scenario/registry";
import { isConceptId } from "../../lib/content/concepts";
import { parseQuestionId } from "../../lib/scenario/question";

// Model families analyse several topologies per question, so they get 2,000 seeds per family in the unit
// suite (spread over difficulties); scripts/check-generator.ts runs 10,000 per family.
const TABLE_SEEDS = 2000;
const MODEL_SEEDS_PER_FAMILY = 2000;
// fix-it runs proposeFixes several times per question (~25 ms each on this machine): 300 here.
const SLOW_FAMILY_SEEDS: Readonly<Record<string, number>> = { "fix-it": 300 };

describe.each(FAMILIES.map((family) => [family.name, family] as const))("family %s", (_name, family) => {
  it("declares known concept ids and difficulties", () => {
    expect(family.concepts.length).toBeGreaterThan(0);
    for (const id of family.concepts) expect(isConceptId(id), id).toBe(true);
    expect(family.difficulties.length).toBeGreaterThan(0);
  });

  const SEEDS = family.usesModel
    ? Math.ceil((SLOW_FAMILY_SEEDS[family.name] ?? MODEL_SEEDS_PER_FAMILY) / family.difficulties.length)
    : TABLE_SEEDS;
  it(`holds the question invariants over ${SEEDS} seeds per difficulty`, { timeout: 120_000 }, () => {
    for (const difficulty of family.difficulties) {
      const keyPositions = new Map<number, number>();
      // Expected key count per position when keys are uniform over each question's own options.
      const expected = new Map<number, number>();
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = family.generate(seed, difficulty);
        const where = `${family.name} seed ${seed} d${difficulty}`;
        expect(parseQuestionId(q.id), where).toEqual({
          ok: true,
          value: { family: family.name, seed, difficulty },
        });
        for (const id of q.concepts) expect(family.concepts, where).toContain(id);
        if (q.multiSelect !== true) expect(q.answer, where).toHaveLength(1);
        const ids = q.options.map((o) => o.id);
        expect(new Set(ids).size, where).toBe(ids.length);
        const texts = q.options.map((o) => normalizeOptionText(o.text));
        expect(new Set(texts).size, where).toBe(texts.length);
        for (const key of q.answer) expect(ids, where).toContain(key);
        for (const id of ids) expect(q.explanation.perOption[id], where).toBeTruthy();
        expect(q.explanation.summary.length, where).toBeGreaterThan(0);
        // Every key counts (a "Choose two." item has two), so a second key is not hidden behind the first.
        for (let p = 0; p < ids.length; p += 1)
          expected.set(p, (expected.get(p) ?? 0) + q.answer.length / ids.length);
        for (const key of q.answer) {
          const position = ids.indexOf(key);
          keyPositions.set(position, (keyPositions.get(position) ?? 0) + 1);
        }
      }
      // Keys spread over option positions: each position gets at least 60 % of its fair share.
      for (const [p, fair] of expected) {
        expect(keyPositions.get(p) ?? 0, `${family.name} d${difficulty} position ${p}`).toBeGreaterThan(
          fair * 0.6,
        );
      }
    }
  });

  it("reproduces the same question byte for byte from the same seed", () => {
    for (const difficulty of family.difficulties) {
      for (let seed = 0; seed < 200; seed += 17) {
        expect(JSON.stringify(family.generate(seed, difficulty))).toBe(
          JSON.stringify(family.generate(seed, difficulty)),
        );
      }
      expect(JSON.stringify(family.generate(1, difficulty))).not.toBe(
        JSON.stringify(family.generate(2, difficulty)),
      );
    }
  });
});
