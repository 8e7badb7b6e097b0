import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { familiesForSkill, pickReviewQuestion, seenSeedsOf } from "../../lib/review/index";
import type { Family } from "../../lib/scenario/family";
import { formatQuestionId, type Question } from "../../lib/scenario/question";
import { FAMILIES } from "../../lib/scenario/registry";
import { createRng } from "../../lib/scenario/rng";

const reviewableConcepts = CONCEPTS.map((concept) => concept.id).filter(
  (conceptId) => familiesForSkill({ conceptId, family: null }, FAMILIES).length > 0,
);

/** A fake family whose even seeds assess "P1" and odd seeds "P2", to pin down the search. */
const parityFamily: Family = {
  name: "parity",
  title: "Parity",
  concepts: ["P1", "P2"],
  difficulties: [1],
  usesModel: false,
  generate: (seed, difficulty): Question => ({
    id: formatQuestionId("parity", seed, difficulty),
    family: "parity",
    seed,
    difficulty,
    concepts: [seed % 2 === 0 ? "P1" : "P2"],
    stem: "?",
    options: [{ id: "a", text: "a" }],
    answer: ["a"],
    explanation: { summary: "", perOption: {}, rules: [] },
  }),
};

describe("pickReviewQuestion", () => {
  it("reads seeds out of question IDs and ignores what is not an ID", () => {
    expect([...seenSeedsOf(["concept-check.17.1", "can-a-reach-c.4000000000.2", "junk"])]).toEqual([
      17, 4000000000,
    ]);
  });

  it("draws until the question assesses the card's concept", () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const picked = pickReviewQuestion({
        skill: { conceptId: "P2", family: null },
        seenQuestionIds: [],
        rng: createRng(seed),
        families: [parityFamily],
      });
      expect(picked.ok && picked.question.seed % 2).toBe(1);
    }
  });

  it("never reuses a seed already seen for the skill", () => {
    // A scripted rng: the first two seed draws (0 and 2) were seen, the third (6) was not.
    const draws = [0, 2, 6];
    const rng = { ...createRng(1), int: () => draws.shift() ?? 8 };
    const picked = pickReviewQuestion({
      skill: { conceptId: "P1", family: null },
      seenQuestionIds: ["parity.0.1", "concept-check.2.3"],
      rng,
      families: [parityFamily],
    });
    expect(picked.ok && picked.question.id).toBe("parity.6.1");
  });

  it("reports a concept no family assesses, and a search that finds nothing, as issues on skillId", () => {
    const none = pickReviewQuestion({
      skill: { conceptId: "P1", family: null },
      seenQuestionIds: [],
      rng: createRng(1),
      families: [],
    });
    expect(none.ok ? null : none.issues[0]?.path).toEqual(["skillId"]);
    const onlyP1: Family = {
      ...parityFamily,
      concepts: ["P2"],
      generate: (seed, d) => parityFamily.generate(seed * 2, d),
    };
    const exhausted = pickReviewQuestion({
      skill: { conceptId: "P2", family: null },
      seenQuestionIds: [],
      rng: createRng(1),
      families: [onlyP1],
      maxDraws: 10,
    });
    expect(exhausted.ok ? null : exhausted.issues[0]?.message).toMatch(/after 10 draws/);
  });

  it("is deterministic for an rng seed", () => {
    const pick = (seed: number) =>
      pickReviewQuestion({
        skill: { conceptId: "P3", family: null },
        seenQuestionIds: [],
        rng: createRng(seed),
        families: FAMILIES,
      });
    const a = pick(123);
    const b = pick(123);
    expect(a.ok && b.ok && a.question.id === b.question.id).toBe(true);
  });

  it("for every reviewable concept, gives a real question that assesses it with an unseen seed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...reviewableConcepts),
        fc.nat({ max: 0xffffffff }),
        (conceptId, rngSeed) => {
          const first = pickReviewQuestion({
            skill: { conceptId, family: null },
            seenQuestionIds: [],
            rng: createRng(rngSeed),
            families: FAMILIES,
          });
          if (!first.ok) return false;
          const second = pickReviewQuestion({
            skill: { conceptId, family: null },
            seenQuestionIds: [first.question.id],
            rng: createRng(rngSeed),
            families: FAMILIES,
          });
          return (
            first.question.concepts.includes(conceptId) &&
            second.ok &&
            second.question.concepts.includes(conceptId) &&
            second.question.seed !== first.question.seed
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
