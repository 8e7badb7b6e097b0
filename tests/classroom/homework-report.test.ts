import { describe, expect, it } from "vitest";
import { buildHomeworkReport, homeworkOpen, nextHomeworkQuestion } from "../../lib/classroom/homework-report";
import { gameReportCsv } from "../../lib/classroom/game-report";
import { ACCURACY_POINTS } from "../../lib/quiz/scoring";
import { realQuestions, wrongOption } from "./support";

const questions = realQuestions().slice(0, 2);
const [q1, q2] = questions as [(typeof questions)[number], (typeof questions)[number]];

describe("homework report", () => {
  it("takes answers up to, and not at, the due instant", () => {
    const due = new Date("2026-12-10T17:00:00Z");
    expect(homeworkOpen(due, new Date("2026-12-10T16:59:59.999Z"))).toBe(true);
    expect(homeworkOpen(due, due)).toBe(false);
  });

  it("asks the first question a student has not answered, then nothing", () => {
    expect(nextHomeworkQuestion(3, [])).toBe(0);
    expect(nextHomeworkQuestion(3, [{ questionIndex: 0 }, { questionIndex: 2 }])).toBe(1);
    expect(nextHomeworkQuestion(2, [{ questionIndex: 1 }, { questionIndex: 0 }])).toBeNull();
  });

  it("reports every question and student, ranks by accuracy points and breaks each student down by concept", () => {
    const report = buildHomeworkReport(
      questions,
      [
        { learnerId: "a", displayName: "Ana" },
        { learnerId: "b", displayName: "Ben" },
        { learnerId: "c", displayName: "Cy" },
      ],
      [
        { learnerId: "b", questionIndex: 0, response: [...q1.answer], correct: true },
        { learnerId: "b", questionIndex: 1, response: [...q2.answer], correct: true },
        { learnerId: "a", questionIndex: 0, response: [wrongOption(q1)], correct: false },
        // an answer of a student who never gave a name is not anyone's row
        { learnerId: "ghost", questionIndex: 1, response: [...q2.answer], correct: true },
      ],
    );
    expect(report.players.map((player) => [player.rank, player.displayName, player.points])).toEqual([
      [1, "Ben", 2 * ACCURACY_POINTS],
      [2, "Ana", 0],
      [2, "Cy", 0],
    ]);
    const ana = report.players.find((player) => player.displayName === "Ana");
    expect(ana?.answered).toBe(1);
    expect(ana?.concepts).toEqual(
      q1.concepts
        .map((concept) => ({ concept, answered: 1, correct: 0 }))
        .sort((x, y) => (x.concept < y.concept ? -1 : 1)),
    );
    expect(
      report.questions.map((question) => [
        question.number,
        question.players,
        question.answered,
        question.correct,
      ]),
    ).toEqual([
      [1, 3, 2, 1],
      [2, 3, 2, 2],
    ]);
    const wrong = report.questions[0]?.options.find((option) => option.optionId === wrongOption(q1));
    expect(wrong).toMatchObject({ correct: false, chosen: 1 });
    expect(gameReportCsv(report)).toContain(`player,1,Ben,${2 * ACCURACY_POINTS},(all),2,2`);
  });
});
