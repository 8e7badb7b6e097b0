import { describe, expect, it } from "vitest";
import { isConceptId } from "../../lib/content/concepts";
import { ruleIdsIn } from "../../lib/content/rule-id";
import { isRuleId } from "../../lib/content/rules-catalogue";
import { CHOOSE_TWO } from "../../lib/scenario/concept-fact-choose-two";
import { FACTS } from "../../lib/scenario/concept-facts";
import { CHOOSE_TWO_FACTS } from "../../lib/scenario/concept-facts-choose-two";
import { conceptCheck } from "../../lib/scenario/families/concept-check";
import { CHOOSE_TWO_PERCENT, chooseTwoFactFor } from "../../lib/scenario/families/concept-check-choose-two";
import { normalizeOptionText } from "../../lib/scenario/options";
import type { Question } from "../../lib/scenario/question";
import { verifyQuestion } from "../../lib/scenario/verify";
import { must } from "../support/must";

function optionsOf(fact: (typeof CHOOSE_TWO_FACTS)[number]) {
  return [...fact.right.map((o) => ({ ...o, key: true })), ...fact.wrong.map((o) => ({ ...o, key: false }))];
}

describe("concept-check choose-two items", () => {
  it("has 10 to 15 items with unique ids, none shared with the single-answer facts", () => {
    expect(CHOOSE_TWO_FACTS.length).toBeGreaterThanOrEqual(10);
    expect(CHOOSE_TWO_FACTS.length).toBeLessThanOrEqual(15);
    const ids = [...FACTS.map((f) => f.id), ...CHOOSE_TWO_FACTS.map((f) => f.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every item two keys among five distinct options and a stem ending in the instruction", () => {
    for (const fact of CHOOSE_TWO_FACTS) {
      expect(fact.stem.endsWith(CHOOSE_TWO), fact.id).toBe(true);
      expect(fact.right, fact.id).toHaveLength(2);
      expect(fact.wrong, fact.id).toHaveLength(3);
      const texts = optionsOf(fact).map((o) => normalizeOptionText(o.text));
      expect(new Set(texts).size, fact.id).toBe(5);
      for (const id of fact.concepts) expect(isConceptId(id), `${fact.id}: ${id}`).toBe(true);
      expect([2, 3], fact.id).toContain(fact.difficulty);
    }
  });

  it("cites, in every option's reason, a catalogue rule that the item lists", () => {
    for (const fact of CHOOSE_TWO_FACTS) {
      for (const rule of fact.rules) expect(isRuleId(rule), `${fact.id}: ${rule}`).toBe(true);
      for (const option of optionsOf(fact)) {
        const cited = ruleIdsIn(option.why);
        expect(cited.length, `${fact.id}: ${option.text}`).toBeGreaterThan(0);
        for (const id of cited) expect(fact.rules, `${fact.id}: ${option.text}`).toContain(id);
      }
      // Every listed rule is used by some reason: the explanation's rule list is not padded.
      const used = new Set([fact.why, ...optionsOf(fact).map((o) => o.why)].flatMap(ruleIdsIn));
      for (const rule of fact.rules) expect(used.has(rule), `${fact.id}: ${rule} unused`).toBe(true);
    }
  });

  it("does not let option length give the keys away", () => {
    let longestIsKey = 0;
    for (const fact of CHOOSE_TWO_FACTS) {
      const byLength = optionsOf(fact).sort((a, b) => b.text.length - a.text.length);
      // The two longest options are never exactly the two keys.
      expect(byLength[0]?.key === true && byLength[1]?.key === true, fact.id).toBe(false);
      if (byLength[0]?.key === true) longestIsKey += 1;
    }
    // Chance is 2 in 5: the longest option is a key in at most half of the items.
    expect(longestIsKey / CHOOSE_TWO_FACTS.length).toBeLessThanOrEqual(0.5);
  });
});

describe("concept-check family with choose-two items", () => {
  const questions: Question[] = [];
  for (let seed = 0; seed < 1500; seed += 1)
    for (const d of [1, 2, 3] as const) questions.push(conceptCheck.generate(seed, d));
  const multi = questions.filter((q) => q.multiSelect === true);

  it("draws them for about a tenth of concept-check questions, never at difficulty 1", () => {
    const share = multi.length / questions.length;
    const expected = ((CHOOSE_TWO_PERCENT / 100) * 2) / 3;
    expect(share).toBeGreaterThan(expected - 0.02);
    expect(share).toBeLessThan(expected + 0.02);
    expect(share).toBeLessThanOrEqual(0.15);
    expect(multi.some((q) => q.difficulty === 1)).toBe(false);
    // Every item is reachable.
    expect(new Set(multi.map((q) => q.stem)).size).toBe(CHOOSE_TWO_FACTS.length);
  });

  it("builds valid multiple-response questions whose keys are the item's two true statements", () => {
    for (const q of multi) {
      expect(verifyQuestion(q), q.id).toEqual([]);
      expect(q.options).toHaveLength(5);
      expect(q.answer).toHaveLength(2);
      const fact = must(CHOOSE_TWO_FACTS.find((f) => f.stem === q.stem));
      const keyTexts = q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text);
      expect(keyTexts.sort()).toEqual(fact.right.map((r) => r.text).sort());
      expect(chooseTwoFactFor("concept-check", q.seed, q.difficulty)?.id).toBe(fact.id);
    }
  });

  it("keeps every other seed a single-answer question with four options", () => {
    for (const q of questions.filter((x) => x.multiSelect !== true)) {
      expect(q.answer).toHaveLength(1);
      expect(q.options).toHaveLength(4);
      expect(q.stem.endsWith(CHOOSE_TWO)).toBe(false);
    }
  });
});

describe("verifyQuestion on choose-two items", () => {
  const q = (() => {
    for (let seed = 0; ; seed += 1) {
      const candidate = conceptCheck.generate(seed, 2);
      if (candidate.multiSelect === true) return candidate;
    }
  })();

  it("flags a choose-two stem with one key, a single-select flag or four options", () => {
    expect(verifyQuestion(q)).toEqual([]);
    expect(verifyQuestion({ ...q, answer: q.answer.slice(0, 1) }).join()).toMatch(/key has 1/);
    const { multiSelect: _dropped, ...single } = q;
    expect(verifyQuestion(single).join()).toMatch(/single-select/);
    expect(verifyQuestion({ ...q, options: q.options.slice(0, 4) }).join()).toMatch(/five options/);
  });

  it("flags a multi-select question whose stem does not say how many to choose", () => {
    expect(verifyQuestion({ ...q, stem: "Which are true?" })).toContain(
      "multi-select stem does not say how many to choose",
    );
  });
});
