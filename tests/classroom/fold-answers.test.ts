import { describe, expect, it } from "vitest";
import { foldStoredAnswers } from "../../lib/classroom/fold-answers";
import { currentRound } from "../../lib/quiz/classroom-machine";
import { join, LIMIT_MS, newGame, realQuestions, runAll, T0 } from "./support";

const questions = realQuestions();
const [q1] = questions;
if (!q1) throw new Error("no question");
const open = runAll(newGame(questions), [
  [join("p1", "Ana"), T0 + 1],
  [join("p2", "Ben"), T0 + 2],
  [join("p3", "Cy"), T0 + 3],
  [{ kind: "open" }, T0 + 100],
  [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, T0 + 200],
]);
const row = (playerId: string, at: number, response: readonly string[], questionIndex = 0) => ({
  questionIndex,
  playerId,
  response,
  answeredAt: new Date(T0 + at),
});

describe("folding stored answers into a game", () => {
  it("adds the open question's answers the copy lacks, once each, with the time each was taken", () => {
    const other = q1.options.find((option) => !q1.answer.includes(option.id));
    if (!other) throw new Error("no wrong option");
    const folded = foldStoredAnswers(open, [
      row("p3", 400, [other.id]),
      row("p1", 150, [other.id]), // already counted here: the copy's answer stands
      row("p2", 300, [...q1.answer]),
      row("p2", 310, [other.id], 1), // another question's row
      row("ghost", 320, [...q1.answer]), // not a player of this game
    ]);
    const answers = currentRound(folded.context)?.answers ?? [];
    expect(answers.map((answer) => [answer.playerId, answer.answeredAt])).toEqual([
      ["p1", T0 + 200],
      ["p2", T0 + 300],
      ["p3", T0 + 400],
    ]);
    expect(answers.find((answer) => answer.playerId === "p1")?.response).toEqual([...q1.answer]);
    // Folding the same rows again changes nothing: the same snapshot object comes back.
    expect(foldStoredAnswers(folded, [row("p2", 300, [...q1.answer]), row("p3", 400, [other.id])])).toBe(
      folded,
    );
  });

  it("leaves a game whose question is not open as it is (the close already graded what it held)", () => {
    const closed = runAll(open, [[{ kind: "close" }, T0 + LIMIT_MS]]);
    expect(foldStoredAnswers(closed, [row("p2", 300, [...q1.answer])])).toBe(closed);
    const lobby = newGame(questions);
    expect(foldStoredAnswers(lobby, [row("p2", 300, [...q1.answer])])).toBe(lobby);
  });
});
