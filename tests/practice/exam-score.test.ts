import { describe, expect, it } from "vitest";
import { scoreExam } from "../../lib/practice/exam-score";
import type { ExamResult } from "../../lib/quiz/exam-result";
import { fakeCatalog, fakeFamily } from "./fake-catalog";

const fam = fakeFamily("fam", ["A1", "B1"]);
// Even seeds assess A1 (alpha), odd seeds B1 (beta); the key is "a" for even seeds, "b" for odd.
const questions = [0, 1, 2, 3, 4].map((seed) => fam.generate(seed, 1));
const byId = new Map(questions.map((q) => [q.id, q]));

function result(responses: (readonly string[] | null)[]): ExamResult {
  return {
    examSeed: 77,
    startedAt: 0,
    deadline: 1000,
    submittedAt: 500,
    endedBy: "learner",
    responses: questions.map((q, index) => ({
      questionId: q.id,
      response: responses[index] ?? null,
      flagged: index === 1,
      timeMs: 1_000 * (index + 1),
      answeredAt: null,
    })),
  };
}

const score = (responses: (readonly string[] | null)[], passPercent: number) =>
  scoreExam({
    result: result(responses),
    questions: byId,
    passPercent,
    groupOf: fakeCatalog.groupOf,
    groupOrder: ["alpha", "beta", "gamma"],
  });

describe("scoreExam", () => {
  it("counts right answers, scores unanswered as wrong, and reports each domain", () => {
    // alpha: seeds 0, 2, 4 -> right, right, wrong; beta: seeds 1, 3 -> unanswered, right.
    const report = score([["a"], null, ["a"], ["b"], ["b"]], 70);
    expect(report.correct).toBe(3);
    expect(report.total).toBe(5);
    expect(report.percent).toBe(60);
    expect(report.passed).toBe(false);
    expect(report.domains).toEqual([
      { group: "alpha", correct: 2, total: 3, percent: 66.7, verdict: "needs-improvement" },
      { group: "beta", correct: 1, total: 2, percent: 50, verdict: "needs-improvement" },
    ]);
    expect(report.items[1]).toMatchObject({ response: null, flagged: true, correct: false, key: ["b"] });
    expect(report.items[4]).toMatchObject({ response: ["b"], correct: false, key: ["a"], groups: ["alpha"] });
  });

  it("passes at exactly the bar and marks a domain at the bar as meets", () => {
    const report = score([["a"], ["b"], ["a"], null, ["b"]], 60);
    expect(report.percent).toBe(60);
    expect(report.passed).toBe(true);
    expect(report.domains.find((d) => d.group === "alpha")?.verdict).toBe("meets");
    expect(report.domains.find((d) => d.group === "beta")?.verdict).toBe("needs-improvement");
  });
});
