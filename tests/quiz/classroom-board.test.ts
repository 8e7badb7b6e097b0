import { describe, expect, it } from "vitest";
import { getAnswerDistribution, getLeaderboard } from "../../lib/quiz/classroom-board";
import type { ClassroomAnswer, ClassroomContext, ClassroomRound } from "../../lib/quiz/classroom-machine";

const answer = (
  playerId: string,
  response: readonly string[],
  points = 0,
  correct: boolean | null = null,
): ClassroomAnswer => ({
  playerId,
  response,
  answeredAt: 0,
  correct,
  points,
});
const round = (
  answers: readonly ClassroomAnswer[],
  correctResponse: readonly string[] | null,
): ClassroomRound => ({
  questionIndex: 0,
  questionId: "q0",
  openedAt: 0,
  closedAt: 1,
  answers,
  correctResponse,
});

describe("getAnswerDistribution", () => {
  it("counts each option once per player, hides the key until graded, and lists an unchosen key at zero", () => {
    const answers = [answer("p1", ["b", "c"]), answer("p2", ["b", "b"]), answer("p3", ["d"])];
    expect(getAnswerDistribution(round(answers, null))).toEqual([
      { optionId: "b", count: 2, isCorrect: null },
      { optionId: "c", count: 1, isCorrect: null },
      { optionId: "d", count: 1, isCorrect: null },
    ]);
    expect(getAnswerDistribution(round(answers, ["a"]))).toEqual([
      { optionId: "a", count: 0, isCorrect: true },
      { optionId: "b", count: 2, isCorrect: false },
      { optionId: "c", count: 1, isCorrect: false },
      { optionId: "d", count: 1, isCorrect: false },
    ]);
  });
});

describe("getLeaderboard", () => {
  it("sorts by points, shares ranks on ties (1, 1, 3) and keeps join order within a tie", () => {
    const context: ClassroomContext = {
      joinCode: "ABC234",
      questionIds: ["q0", "q1"],
      questionTimeLimitMs: 10_000,
      createdAt: 0,
      players: [
        { playerId: "p1", displayName: "Ana", joinedAt: 1 },
        { playerId: "p2", displayName: "Bo", joinedAt: 2 },
        { playerId: "p3", displayName: "Cy", joinedAt: 3 },
        { playerId: "p4", displayName: "Di", joinedAt: 4 },
      ],
      rounds: [
        round(
          [answer("p1", ["a"], 600, true), answer("p2", ["b"], 0, false), answer("p3", ["a"], 900, true)],
          ["a"],
        ),
        {
          ...round([answer("p1", ["c"], 300, true), answer("p4", ["c"], 900, true)], ["c"]),
          questionIndex: 1,
          questionId: "q1",
        },
      ],
      finishedAt: null,
      refusals: [],
    };
    expect(getLeaderboard(context)).toEqual([
      { rank: 1, playerId: "p1", displayName: "Ana", points: 900, correctAnswers: 2 },
      { rank: 1, playerId: "p3", displayName: "Cy", points: 900, correctAnswers: 1 },
      { rank: 1, playerId: "p4", displayName: "Di", points: 900, correctAnswers: 1 },
      { rank: 4, playerId: "p2", displayName: "Bo", points: 0, correctAnswers: 0 },
    ]);
  });
});
