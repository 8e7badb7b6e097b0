import { describe, expect, it } from "vitest";
import { buildGameReport, gameReportCsv } from "../../lib/classroom/game-report";
import { questionOf } from "../../lib/classroom/run-command";
import { T0, join, newGame, realQuestions, runAll, wrongOption } from "./support";

const [q1, q2] = realQuestions() as [
  NonNullable<ReturnType<typeof realQuestions>[0]>,
  NonNullable<ReturnType<typeof realQuestions>[1]>,
];
const OPEN = T0 + 60_000;

function playedGame() {
  return runAll(newGame([q1, q2]), [
    [join("p1", "Ana"), T0 + 1],
    [join("p2", "=Ben"), T0 + 2],
    [{ kind: "open" }, OPEN],
    [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
    [{ kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [wrongOption(q1)] }, OPEN + 2_000],
    [{ kind: "close" }, OPEN + 3_000],
    [{ kind: "leaderboard" }, OPEN + 4_000],
    [join("p3", "Cy"), OPEN + 5_000],
    [{ kind: "open" }, OPEN + 10_000],
    [{ kind: "answer", playerId: "p3", questionId: q2.id, optionIds: [...q2.answer] }, OPEN + 11_000],
    [{ kind: "close" }, OPEN + 12_000],
  ]);
}

describe("game report", () => {
  it("counts per question who was there, who answered and who was right; per player by concept", () => {
    const report = buildGameReport(playedGame().context, questionOf);
    expect(
      report.questions.map((question) => [
        question.number,
        question.players,
        question.answered,
        question.correct,
      ]),
    ).toEqual([
      [1, 2, 2, 1],
      [2, 3, 1, 1],
    ]);
    const ana = report.players.find((player) => player.displayName === "Ana");
    expect(ana).toMatchObject({ answered: 1, correct: 1 });
    expect(ana?.concepts).toEqual(
      q1.concepts
        .map((concept) => ({ concept, answered: 1, correct: 1 }))
        .sort((a, b) => (a.concept < b.concept ? -1 : 1)),
    );
    // Question 1: Ana chose the key, Ben one wrong option; every option is listed, the key marked.
    const first = report.questions[0];
    expect(first?.options.map((option) => option.optionId)).toEqual(q1.options.map((option) => option.id));
    for (const option of first?.options ?? []) {
      expect(option.correct).toBe(q1.answer.includes(option.optionId));
      const chosen =
        (q1.answer.includes(option.optionId) ? 1 : 0) + (option.optionId === wrongOption(q1) ? 1 : 0);
      expect(option.chosen).toBe(chosen);
    }
    const cy = report.players.find((player) => player.displayName === "Cy");
    expect(cy).toMatchObject({ answered: 1, correct: 1 });
  });

  it("exports CSV with a header, a totals row per player, and a name that would be a formula defused", () => {
    const csv = gameReportCsv(buildGameReport(playedGame().context, questionOf));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "section,rank,player,points,concept,answered,correct,question,family,players,chosen",
    );
    const firstQuestion = lines.find((line) => line.startsWith("question,") && line.includes(",1,"));
    expect(firstQuestion).toContain(`${wrongOption(q1)}=1`);
    expect(lines.some((line) => line.startsWith("player,") && line.includes(",'=Ben,"))).toBe(true);
    expect(lines.filter((line) => line.startsWith("question,"))).toHaveLength(2);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
