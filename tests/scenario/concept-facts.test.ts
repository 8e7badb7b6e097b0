import { describe, expect, it } from "vitest";
import { CONCEPTS, isConceptId } from "../../lib/content/concepts";
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

  it("holds at least 60 items, 15 of them at difficulty 3", () => {
    expect(FACTS.length).toBeGreaterThanOrEqual(60);
    expect(FACTS.filter((f) => f.difficulty === 3).length).toBeGreaterThanOrEqual(15);
  });

  it("never grades against the source notes: no stem, option or reason cites them", () => {
    const cites = FACTS.filter((fact) =>
      [fact.stem, fact.right, fact.why, ...fact.wrong.flatMap((w) => [w.text, w.why])].some((text) =>
        /\b(the|course) notes?\b/i.test(text),
      ),
    ).map((fact) => fact.id);
    expect(cites).toEqual([]);
  });

  it("gives every assessed concept at least one fact or a model-backed family", () => {
    const withFacts = new Set(FACTS.flatMap((f) => f.concepts));
    // Concepts added for the audit and the Advanced Networking topics have no topology family yet.
    const courseOnly = CONCEPTS.filter((c) => c.assessed && c.seeds.length === 0).map((c) => c.id);
    expect(courseOnly.filter((id) => !withFacts.has(id))).toEqual([]);
  });

  it("offers facts at every difficulty", () => {
    for (const d of [1, 2, 3]) expect(FACTS.filter((f) => f.difficulty === d).length).toBeGreaterThan(2);
  });

  it("never turns AWS's CIDR-overlap recommendation for a VPN into a hard limit", () => {
    const overstated = FACTS.filter((fact) =>
      [fact.right, fact.why, ...fact.wrong.flatMap((w) => [w.text, w.why])].some(
        (text) => /\bVPN\b/.test(fact.stem + text) && /must not overlap/i.test(text),
      ),
    ).map((fact) => fact.id);
    expect(overstated).toEqual([]);
  });

  it("keeps history and asides out of the right option, where they would mark it as the key", () => {
    const asides = FACTS.filter((fact) =>
      /\([^)]*\b(now|today|since|older|current|docs?)\b[^)]*\)|\bonce\b.*\bonly\b|\bolder way\b/i.test(
        fact.right,
      ),
    ).map((fact) => fact.id);
    expect(asides).toEqual([]);
  });
  it("keys a Direct Connect virtual interface's jumbo MTU at 8500, as current Direct Connect pages give it", () => {
    // Older pages said 9001 for a private VIF; a key with 9001 would mark a learner who read the current docs wrong.
    const keyed = FACTS.filter((fact) => /\bVIF\b/.test(fact.right) && /\b9001\b/.test(fact.right));
    expect(keyed.map((fact) => fact.id)).toEqual([]);
    const dx = FACTS.find((fact) => fact.id === "dx-mtu");
    expect(dx?.right).toMatch(/Private VIF 8500/);
  });
});
