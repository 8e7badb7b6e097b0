import { describe, expect, it } from "vitest";
import { openDeadline, questionOf, runClassroomCommand } from "../../lib/classroom/run-command";
import { currentRound } from "../../lib/quiz/classroom-machine";
import { getLeaderboard } from "../../lib/quiz/classroom-board";
import { LIMIT_MS, T0, join, newGame, realQuestions, runAll, wrongOption } from "./support";

const [q1, q2] = realQuestions() as [
  NonNullable<ReturnType<typeof realQuestions>[0]>,
  NonNullable<ReturnType<typeof realQuestions>[1]>,
];
const OPEN = T0 + 60_000;

function openGame() {
  return runAll(newGame([q1, q2]), [
    [join("p1", "Ana"), T0 + 1],
    [join("p2", "Ben"), T0 + 2],
    [{ kind: "open" }, OPEN],
  ]);
}

describe("runClassroomCommand", () => {
  it("refuses a duplicate display name, naming the field", () => {
    const lobby = runAll(newGame([q1, q2]), [[join("p1", "Ana"), T0 + 1]]);
    const result = runClassroomCommand(lobby, join("p2", " ana "), T0 + 2);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ path: "displayName", code: "duplicate-name" })]);
  });

  it("takes a late join into a running game, and refuses a join once the game is over, naming the join code", () => {
    const late = runClassroomCommand(openGame(), join("p3", "Cleo"), OPEN + 1);
    expect(late.ok).toBe(true);
    const early = runClassroomCommand(
      late.snapshot,
      { kind: "answer", playerId: "p3", questionId: q1.id, optionIds: [...q1.answer] },
      OPEN + 2,
    );
    expect(early.issues).toEqual([expect.objectContaining({ path: "action", code: "not-accepted-now" })]);
    const over = runClassroomCommand(
      runClassroomCommand(openGame(), { kind: "finish" }, OPEN + 1).snapshot,
      join("p3", "Cleo"),
      OPEN + 2,
    );
    expect(over.issues).toEqual([expect.objectContaining({ path: "joinCode", code: "session-finished" })]);
  });

  it("closing grades each answer with grade() and reveals the key in the same step", () => {
    const answered = runAll(openGame(), [
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 2_000],
      [{ kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [wrongOption(q1)] }, OPEN + 3_000],
    ]);
    const closed = runClassroomCommand(answered, { kind: "close" }, OPEN + 5_000);
    expect(closed.ok).toBe(true);
    expect(closed.snapshot.matches({ questionClosed: "revealed" })).toBe(true);
    const round = currentRound(closed.snapshot.context);
    expect(round?.correctResponse).toEqual(q1.answer);
    expect(round?.closedAt).toBe(OPEN + 5_000);
    expect(round?.answers.map((answer) => [answer.playerId, answer.correct])).toEqual([
      ["p1", true],
      ["p2", false],
    ]);
    expect(closed.graded?.questionId).toBe(q1.id);
    expect(getLeaderboard(closed.snapshot.context).map((entry) => entry.displayName)).toEqual(["Ana", "Ben"]);
  });

  it("treats an answer after openedAt + limit as late: the question closes at its deadline and is graded", () => {
    const game = openGame();
    expect(openDeadline(game)).toBe(OPEN + LIMIT_MS);
    const onTime = runClassroomCommand(
      game,
      { kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] },
      OPEN + LIMIT_MS,
    );
    expect(onTime.ok).toBe(true);
    const late = runClassroomCommand(
      onTime.snapshot,
      { kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [...q1.answer] },
      OPEN + LIMIT_MS + 1,
    );
    expect(late.ok).toBe(false);
    expect(late.issues[0]?.path).toBe("questionId");
    expect(late.issues[0]?.code).toBe("question-closed");
    expect(late.graded?.answers.map((answer) => answer.playerId)).toEqual(["p1"]);
    expect(currentRound(late.snapshot.context)?.closedAt).toBe(OPEN + LIMIT_MS);
    expect(late.snapshot.matches({ questionClosed: "revealed" })).toBe(true);
  });

  it("a tick changes nothing before the deadline and closes the question after it", () => {
    const game = openGame();
    const early = runClassroomCommand(game, { kind: "tick" }, OPEN + 1_000);
    expect(early.changed).toBe(false);
    expect(early.snapshot).toBe(game);
    const due = runClassroomCommand(game, { kind: "tick" }, OPEN + LIMIT_MS + 5);
    expect(due.changed).toBe(true);
    expect(due.snapshot.matches({ questionClosed: "revealed" })).toBe(true);
  });

  it("refuses an option the question does not have and a second option on a single-select question", () => {
    const game = openGame();
    const unknown = runClassroomCommand(
      game,
      { kind: "answer", playerId: "p1", questionId: q1.id, optionIds: ["zz"] },
      OPEN + 1,
    );
    expect(unknown.issues).toEqual([expect.objectContaining({ path: "optionIds", code: "unknown-option" })]);
    expect(unknown.changed).toBe(false);
    const ids = q1.options.map((option) => option.id).slice(0, 2);
    const two = runClassroomCommand(
      game,
      { kind: "answer", playerId: "p1", questionId: q1.id, optionIds: ids },
      OPEN + 1,
    );
    expect(two.issues[0]?.path).toBe("optionIds");
  });

  it("refuses a second answer from the same player", () => {
    const once = runAll(openGame(), [
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1],
    ]);
    const again = runClassroomCommand(
      once,
      { kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [wrongOption(q1)] },
      OPEN + 2,
    );
    expect(again.issues).toEqual([expect.objectContaining({ path: "questionId", code: "already-answered" })]);
    expect(currentRound(again.snapshot.context)?.answers.map((answer) => answer.response)).toEqual([
      q1.answer,
    ]);
  });

  it("opens the questions in order and finishes after the last leaderboard", () => {
    const end = runAll(openGame(), [
      [{ kind: "close" }, OPEN + 1],
      [{ kind: "leaderboard" }, OPEN + 2],
      [{ kind: "open" }, OPEN + 3],
    ]);
    expect(currentRound(end.context)?.questionId).toBe(q2.id);
    const last = runAll(end, [
      [{ kind: "close" }, OPEN + 4],
      [{ kind: "leaderboard" }, OPEN + 5],
    ]);
    const beyond = runClassroomCommand(last, { kind: "open" }, OPEN + 6);
    expect(beyond.ok).toBe(false);
    const finished = runAll(last, [[{ kind: "finish" }, OPEN + 7]]);
    expect(finished.status).toBe("done");
  });
});

describe("questionOf", () => {
  it("gives the generator's question for an id, the same object on a second call", () => {
    expect(questionOf(q1.id)).toEqual(q1);
    expect(questionOf(q1.id)).toBe(questionOf(q1.id));
    expect(() => questionOf("not-an-id")).toThrow(/no longer generates/);
  });
});
