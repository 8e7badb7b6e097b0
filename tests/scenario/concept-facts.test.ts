import { describe, expect, it } from "vitest";
import { isConceptId } from "../../lib/content/concepts";
import { FACTS } from "../../lib/scenario/concept-facts";
import { normalizeOptionText } from "../../lib/scenario/options";

describe("concept-check fact table", () => {
  it("has unique ids, known concepts, rule ids, three or more distinct distractors and reasons for each", () => {
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
    for (const fact of FACTS) {
      for (const id of fact.concepts) expect(isConceptId(id), `${fact.id}: ${id}`).toBe(true);
      for (const rule of fact.rules) expect(rule).toMatch(/^[A-Z0-9]+-\d{2}$/);
      expect(fact.wrong.length, fact.id).toBeGreaterThanOrEqual(3);
      const texts = [fact.right, ...fact.wrong.map((w) => w.text)].map(normalizeOptionText);
      expect(new Set(texts).size, fact.id).toBe(texts.length);
      for (const w of fact.wrong) expect(w.why.length, `${fact.id}: ${w.text}`).toBeGreaterThan(10);
    }
  });

  it("offers facts at every difficulty", () => {
    for (const d of [1, 2, 3]) expect(FACTS.filter((f) => f.difficulty === d).length).toBeGreaterThan(2);
  });
});
