import { describe, expect, it } from "vitest";
import { generateQuestion } from "../../lib/scenario/generate";
import { generateQuestionForConcept } from "../../lib/scenario/targeted";

describe("generateQuestionForConcept", () => {
  it.each([
    ["F3", 1],
    ["F4", 2],
    ["P7", 2],
    ["E4", 1],
    ["E13", 2],
    ["S1", 1],
  ] as const)(
    "lands on a concept-check question about %s, reproducible from its id",
    (concept, difficulty) => {
      const targeted = generateQuestionForConcept("concept-check", 600, difficulty, concept);
      expect(targeted.ok).toBe(true);
      if (!targeted.ok) return;
      expect(targeted.question.concepts).toContain(concept);
      expect(targeted.question.seed).toBeGreaterThanOrEqual(600);
      const again = generateQuestion("concept-check", targeted.question.seed, difficulty);
      expect(again.ok && JSON.stringify(again.question)).toBe(JSON.stringify(targeted.question));
    },
  );

  it("keeps the given seed when its question already covers the concept", () => {
    const plain = generateQuestion("concept-check", 42, 1);
    if (!plain.ok) throw new Error("generation failed");
    const concept = plain.question.concepts[0] ?? "";
    const targeted = generateQuestionForConcept("concept-check", 42, 1, concept);
    expect(targeted.ok && targeted.question.seed).toBe(42);
  });

  it("reports the concept field when no question of the family assesses it", () => {
    const result = generateQuestionForConcept("peering-feasibility", 1, 1, "F3");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("concept");
  });
});
