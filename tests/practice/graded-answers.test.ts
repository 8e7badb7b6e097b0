import { describe, expect, it } from "vitest";
import { gradedAnswers, type AnswerRow, type ReviewRow } from "../../lib/practice/graded-answers";

const at = (iso: string) => new Date(iso);

describe("gradedAnswers", () => {
  it("uses the concepts stored with each row and regenerates no question", () => {
    const regenerated: string[] = [];
    const attempts: AnswerRow[] = [
      {
        questionId: "filtering.1.2",
        correct: true,
        answeredAt: at("2026-11-02T10:00:00Z"),
        concepts: ["S1"],
      },
      {
        questionId: "fix-it.4.1",
        correct: false,
        answeredAt: at("2026-11-01T10:00:00Z"),
        concepts: ["P4", "P7"],
      },
    ];
    const answers = gradedAnswers({
      attempts,
      reviews: [],
      regenerate: (id) => {
        regenerated.push(id);
        return ["X"];
      },
    });
    expect(regenerated).toEqual([]);
    expect(answers.map((a) => a.concepts)).toEqual([["S1"], ["P4", "P7"]]);
    expect(answers[0]?.answeredAt).toBe(Date.parse("2026-11-02T10:00:00Z"));
  });

  it("regenerates a row without stored concepts once per question id, however often it was answered", () => {
    const regenerated: string[] = [];
    const row = (answeredAt: string): AnswerRow => ({
      questionId: "hybrid.9.2",
      correct: false,
      answeredAt: at(answeredAt),
      concepts: null,
    });
    const answers = gradedAnswers({
      attempts: [row("2026-11-01T10:00:00Z"), row("2026-11-01T11:00:00Z")],
      reviews: [
        {
          skillId: "V6",
          questionId: "hybrid.9.2",
          correct: true,
          reviewedAt: at("2026-11-03T10:00:00Z"),
          concepts: null,
        },
      ],
      regenerate: (id) => {
        regenerated.push(id);
        return ["H1", "V6"];
      },
    });
    expect(regenerated).toEqual(["hybrid.9.2"]);
    expect(answers).toHaveLength(3);
    // A review counts for its card's skill once, with the question's concepts.
    expect(answers[2]?.concepts).toEqual(["V6", "H1"]);
  });

  it("counts a review toward its card's skill as well as the stored concepts", () => {
    const review: ReviewRow = {
      skillId: "E3",
      questionId: "endpoint-choice.2.1",
      correct: true,
      reviewedAt: at("2026-11-04T08:00:00Z"),
      concepts: ["E1", "E2"],
    };
    const [answer] = gradedAnswers({ attempts: [], reviews: [review], regenerate: () => [] });
    expect(answer).toEqual({
      questionId: "endpoint-choice.2.1",
      concepts: ["E3", "E1", "E2"],
      correct: true,
      answeredAt: Date.parse("2026-11-04T08:00:00Z"),
    });
  });
});
