import { describe, expect, it } from "vitest";
import { answerOutcome } from "../../lib/grading/outcome";
import type { Question } from "../../lib/scenario/question";

const question: Question = {
  id: "can-a-reach-c.7.1",
  family: "can-a-reach-c",
  seed: 7,
  difficulty: 1,
  concepts: ["P3"],
  stem: "Can A reach C?",
  options: [
    { id: "a", text: "Yes, through B" },
    { id: "b", text: "No: peering is not transitive" },
    { id: "c", text: "No: the CIDRs overlap" },
  ],
  answer: ["b"],
  explanation: {
    summary: "A–B and B–C do not make A–C.",
    perOption: {
      a: "B does not forward between its peers.",
      b: "Right: PCX-02.",
      c: "The CIDRs are distinct.",
    },
    rules: ["PCX-02"],
  },
};

describe("answerOutcome", () => {
  it("on a wrong answer in a lesson, explains the chosen option but keeps the key hidden", () => {
    const outcome = answerOutcome(question, ["a"], "when-correct");
    expect(outcome.correct).toBe(false);
    expect(outcome.revealed).toBe(false);
    expect(outcome.solution).toBeUndefined();
    expect(outcome.chosen).toEqual([
      {
        optionId: "a",
        text: "Yes, through B",
        chosen: true,
        correct: false,
        why: "B does not forward between its peers.",
      },
    ]);
    expect(JSON.stringify(outcome)).not.toContain("Right: PCX-02.");
  });

  it("on a right answer, reveals the key and every option's explanation", () => {
    const outcome = answerOutcome(question, ["b"], "when-correct");
    expect(outcome.correct).toBe(true);
    expect(outcome.solution?.key).toEqual(["b"]);
    expect(outcome.solution?.options.map((option) => option.why)).toEqual([
      "B does not forward between its peers.",
      "Right: PCX-02.",
      "The CIDRs are distinct.",
    ]);
    expect(outcome.solution?.options.find((option) => option.optionId === "b")?.chosen).toBe(true);
  });

  it("in practice mode reveals the solution after a wrong answer too", () => {
    const outcome = answerOutcome(question, ["c"], "always");
    expect(outcome.correct).toBe(false);
    expect(outcome.solution?.key).toEqual(["b"]);
    expect(outcome.solution?.rules).toEqual(["PCX-02"]);
  });
});
