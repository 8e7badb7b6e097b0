import { describe, expect, it } from "vitest";
import { buildClassroomView } from "../../lib/classroom/classroom-view";
import { everyoneAnswered } from "../../lib/quiz/classroom-board";
import { LIMIT_MS, T0, join, newGame, realQuestions, runAll, wrongOption } from "./support";

const [q1, q2] = realQuestions() as [
  NonNullable<ReturnType<typeof realQuestions>[0]>,
  NonNullable<ReturnType<typeof realQuestions>[1]>,
];
const OPEN = T0 + 60_000;
const ana = { role: "player", playerId: "p1" } as const;

function answered() {
  return runAll(newGame([q1, q2]), [
    [join("p1", "Ana"), T0 + 1],
    [join("p2", "Ben"), T0 + 2],
    [{ kind: "open" }, OPEN],
    [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [wrongOption(q1)] }, OPEN + 1_000],
    [{ kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 2_000],
  ]);
}

/** Texts only the key and the explanation hold: none may appear in a view before the reveal. */
function secrets(): string[] {
  return [q1.explanation.summary, ...Object.values(q1.explanation.perOption)].filter(
    (text) => text.length > 20,
  );
}

describe("buildClassroomView", () => {
  it("a player's view of an open question has the options but no key, explanation or answer counts", () => {
    const view = buildClassroomView(answered(), ana, OPEN + 5_000);
    expect(view.phase).toBe("question");
    expect(view.question?.options.map((option) => option.id)).toEqual(q1.options.map((option) => option.id));
    expect(view.question?.remainingMs).toBe(LIMIT_MS - 5_000);
    expect(view.reveal).toBeNull();
    const json = JSON.stringify(view);
    for (const secret of secrets()) expect(json).not.toContain(secret);
    expect(json).not.toContain('"correct"');
    expect(view.you).toMatchObject({ displayName: "Ana", response: [wrongOption(q1)], points: 0, streak: 0 });
    // A player's screen gets the room's size, not everyone's names (a room can hold 1,000).
    expect(view.players).toEqual([]);
    expect(view.playerCount).toBe(2);
    expect(json).not.toContain("p2"); // other players' learner ids stay on the server
  });

  it("the reveal carries the key, the distribution and the explanation, and the player's own verdict", () => {
    const revealed = runAll(answered(), [[{ kind: "close" }, OPEN + 6_000]]);
    const view = buildClassroomView(revealed, ana, OPEN + 6_000);
    expect(view.phase).toBe("reveal");
    expect(view.reveal?.key).toEqual(q1.answer);
    expect(view.reveal?.summary).toBe(q1.explanation.summary);
    const counts = Object.fromEntries(
      view.reveal?.distribution.map((entry) => [entry.optionId, entry.count]) ?? [],
    );
    expect(counts[wrongOption(q1)]).toBe(1);
    expect(counts[q1.answer[0] ?? ""]).toBe(1);
    expect(view.reveal?.yourAnswerCorrect).toBe(false);
    expect(view.reveal?.yourPoints).toBe(0);
  });

  it("the leaderboard ranks by points and marks the viewer; the teacher learns whether a question is left", () => {
    const board = runAll(answered(), [
      [{ kind: "close" }, OPEN + 6_000],
      [{ kind: "leaderboard" }, OPEN + 7_000],
    ]);
    const view = buildClassroomView(board, ana, OPEN + 7_000);
    expect(view.question).toBeNull();
    expect(view.leaderboard?.map((entry) => [entry.rank, entry.displayName, entry.isYou])).toEqual([
      [1, "Ben", false],
      [2, "Ana", true],
    ]);
    expect(view.hasNextQuestion).toBe(false); // players never get the teacher's controls
    expect(buildClassroomView(board, { role: "teacher" }, OPEN + 7_000).hasNextQuestion).toBe(true);
  });

  it("the host's answer count is of the players who can answer: not a late joiner, not a removed player", () => {
    const teacher = { role: "teacher" } as const;
    const opened = runAll(newGame([q1, q2]), [
      [join("p1", "Ana"), T0 + 1],
      [join("p2", "Ben"), T0 + 2],
      [{ kind: "open" }, OPEN],
      [join("p3", "Cy"), OPEN + 500],
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
    ]);
    // Cy joined after the question opened and cannot answer it: the room has 3 players, the question waits for 2.
    const counted = buildClassroomView(opened, teacher, OPEN + 1_000);
    expect(counted.playerCount).toBe(3);
    expect(counted.question).toMatchObject({ answeredCount: 1, expectedCount: 2 });
    expect(everyoneAnswered(opened.context)).toBe(false);

    // Ben answers and is then removed: his answer stays in the round but no longer counts, and Ana alone is
    // everyone the question waits for, the same set the early close checks.
    const removed = runAll(opened, [
      [{ kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [wrongOption(q1)] }, OPEN + 2_000],
      [{ kind: "remove", playerId: "p2" }, OPEN + 3_000],
    ]);
    const view = buildClassroomView(removed, teacher, OPEN + 3_000);
    expect(view.question).toMatchObject({ answeredCount: 1, expectedCount: 1 });
    expect(everyoneAnswered(removed.context)).toBe(true);
  });
});
