import { describe, expect, it } from "vitest";
import { toClientQuestion } from "../../lib/grading/redact";
import { FAMILIES } from "../../lib/scenario/registry";
import { must } from "../support/must";

describe("toClientQuestion", () => {
  it("keeps no answer-bearing field and no explanation text for any family", () => {
    for (const family of FAMILIES) {
      for (const difficulty of family.difficulties) {
        for (let seed = 0; seed < (family.name === "fix-it" ? 5 : 20); seed += 1) {
          const question = family.generate(seed, difficulty);
          const client = toClientQuestion(question);
          expect(Object.keys(client).sort()).not.toContain("answer");
          expect(Object.keys(client)).not.toContain("explanation");
          const json = JSON.stringify(client);
          expect(json).not.toContain('"answer"');
          expect(json).not.toContain('"perOption"');
          expect(json).not.toContain(question.explanation.summary);
          for (const why of Object.values(question.explanation.perOption)) expect(json).not.toContain(why);
          expect(client.options).toEqual(question.options);
          expect(client.stem).toBe(question.stem);
        }
      }
    }
  });

  it("does not leak fields added to the question later (allow-list, not deny-list)", () => {
    const question = { ...must(FAMILIES[0]).generate(1, 1), secretKeyHint: "a" };
    expect(Object.keys(toClientQuestion(question))).not.toContain("secretKeyHint");
  });
});
