import { describe, expect, it } from "vitest";
import { grade } from "../../lib/grading/grade";
import { generateQuestion } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { must } from "../support/must";

function question(): Question {
  const result = generateQuestion("concept-check", 77, 1);
  if (!result.ok) throw new Error("generation failed");
  return result.question;
}

const multi: Question = {
  id: "x.1.1",
  family: "x",
  seed: 1,
  difficulty: 1,
  concepts: [],
  stem: "Pick two",
  options: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
    { id: "c", text: "C" },
    { id: "d", text: "D" },
  ],
  answer: ["a", "c"],
  multiSelect: true,
  explanation: {
    summary: "A and C",
    perOption: { a: "right a", b: "wrong b", c: "right c", d: "wrong d" },
    rules: ["SG-01"],
  },
};

describe("grade", () => {
  it("marks the key correct with score 1 and explains it", () => {
    const q = question();
    const result = grade(q, [...q.answer]);
    expect(result.correct).toBe(true);
    expect(result.score).toBe(1);
    expect(result.feedback.summary).toBe(q.explanation.summary);
    expect(result.feedback.options).toHaveLength(1);
    expect(result.feedback.options[0]?.why).toBe(q.explanation.perOption[must(q.answer[0])]);
  });

  it("marks a wrong option incorrect, explains it and shows the missed key", () => {
    const q = question();
    const wrong = must(q.options.find((option) => !q.answer.includes(option.id)));
    const result = grade(q, [wrong.id]);
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0);
    const ids = result.feedback.options.map((o) => o.optionId).sort();
    expect(ids).toEqual([wrong.id, must(q.answer[0])].sort());
    expect(result.feedback.options.find((o) => o.optionId === wrong.id)?.chosen).toBe(true);
  });

  it("gives no credit for choosing several options on a single-select question", () => {
    const q = question();
    const result = grade(
      q,
      q.options.map((o) => o.id),
    );
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0);
  });

  it("counts unknown option ids as wrong and reports them", () => {
    const q = question();
    const result = grade(q, ["zz"]);
    expect(result.correct).toBe(false);
    expect(result.feedback.unknownOptionIds).toEqual(["zz"]);
  });

  it("gives partial credit on multi-select: right minus wrong picks over the key size, floored at 0", () => {
    expect(grade(multi, ["a", "c"])).toMatchObject({ correct: true, score: 1 });
    expect(grade(multi, ["a"])).toMatchObject({ correct: false, score: 0.5 });
    expect(grade(multi, ["a", "b"])).toMatchObject({ correct: false, score: 0 });
    expect(grade(multi, ["a", "b", "c"])).toMatchObject({ correct: false, score: 0.5 });
    expect(grade(multi, ["a", "b", "c", "d"])).toMatchObject({ correct: false, score: 0 });
    expect(grade(multi, [])).toMatchObject({ correct: false, score: 0 });
  });
});

describe("grade on a concept-check choose-two item", () => {
  const q = (() => {
    for (let seed = 0; ; seed += 1) {
      const result = generateQuestion("concept-check", seed, 3);
      if (result.ok && result.question.multiSelect === true) return result.question;
    }
  })();
  const [first, second] = q.answer;
  const wrong = must(q.options.find((o) => !q.answer.includes(o.id))).id;

  it("counts both keys as correct", () => {
    expect(grade(q, [must(first), must(second)]).correct).toBe(true);
  });

  it("counts one of the two keys as wrong, as AWS exams give no credit for half an answer", () => {
    expect(grade(q, [must(first)]).correct).toBe(false);
    expect(grade(q, [must(second)]).correct).toBe(false);
  });

  it("counts both keys plus a wrong option as wrong, and explains every option picked or missed", () => {
    const result = grade(q, [must(first), must(second), wrong]);
    expect(result.correct).toBe(false);
    const partial = grade(q, [must(first), wrong]);
    expect(partial.correct).toBe(false);
    expect(partial.feedback.options.map((o) => o.optionId).sort()).toEqual(
      [must(first), must(second), wrong].sort(),
    );
  });
});
