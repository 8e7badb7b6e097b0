import { describe, expect, it } from "vitest";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { applyEvent } from "../../lib/quiz/apply-event";
import { getAnswerDistribution, getLeaderboard } from "../../lib/quiz/classroom-board";
import {
  classroomMachine,
  currentRound,
  playerOfDevice,
  playerStreak,
  type ClassroomEvent,
  type ClassroomInput,
} from "../../lib/quiz/classroom-machine";
import { ACCURACY_POINTS, BASE_POINTS, MAX_SPEED_BONUS, STREAK_BONUS_STEP } from "../../lib/quiz/scoring";
import { explore, leafStateIds } from "./support/graph";

type Snap = SnapshotFrom<typeof classroomMachine>;

const input: ClassroomInput = {
  joinCode: "ABC234",
  questionIds: ["q0", "q1"],
  questionTimeLimitMs: 10_000,
  createdAt: 0,
};
const OPEN = 100_000;

function start(from: ClassroomInput = input): Snap {
  return initialTransition(classroomMachine, from)[0];
}
function run(events: readonly ClassroomEvent[], from: Snap = start()): Snap {
  return events.reduce((snapshot, event) => transition(classroomMachine, snapshot, event)[0], from);
}
const join = (playerId: string, displayName: string, joinCode = "ABC234"): ClassroomEvent => ({
  type: "player.join",
  joinCode,
  playerId,
  displayName,
  now: 10,
});
const open = (index: number, now = OPEN): ClassroomEvent => ({ type: "question.open", index, now });
const answer = (
  playerId: string,
  questionId: string,
  response: readonly string[],
  now: number,
): ClassroomEvent => ({
  type: "answer.submit",
  playerId,
  questionId,
  response,
  now,
});
const close: ClassroomEvent = { type: "question.close", now: OPEN + 20_000 };
const grade = (
  questionId: string,
  correctPlayerIds: readonly string[],
  correctResponse: readonly string[] = ["a"],
): ClassroomEvent => ({
  type: "question.graded",
  questionId,
  correctResponse,
  correctPlayerIds,
  now: OPEN + 21_000,
});
const leaderboard: ClassroomEvent = { type: "leaderboard.show", now: OPEN + 22_000 };
const finish: ClassroomEvent = { type: "game.finish", now: OPEN + 99_000 };
const lastRefusal = (snapshot: Snap) => snapshot.context.refusals.at(-1);

const lobbyWithTwo = () => run([join("p1", "Ana"), join("p2", "Bo")]);
const questionOpen = () => run([open(0)], lobbyWithTwo());

describe("classroom machine: lobby", () => {
  it("players join with the code; names are cleaned of extra spaces", () => {
    const snapshot = run([join("p1", "  Ana   Lee "), join("p2", "Bo", " abc234 ")]);
    expect(snapshot.value).toBe("lobby");
    expect(snapshot.context.players).toEqual([
      { playerId: "p1", displayName: "Ana Lee", joinedAt: 10 },
      { playerId: "p2", displayName: "Bo", joinedAt: 10 },
    ]);
  });

  it.each([
    [
      "a duplicate name, whatever the case and spacing",
      [join("p1", "Ana"), join("p2", " ANA ")],
      "duplicate-name",
    ],
    ["the same player twice", [join("p1", "Ana"), join("p1", "Other")], "duplicate-player"],
    ["a wrong join code", [join("p1", "Ana", "ZZZZZZ")], "wrong-join-code"],
    ["an empty name", [join("p1", "   ")], "invalid-name"],
    ["an over-long name", [join("p1", "x".repeat(25))], "invalid-name"],
  ] as const)("refuses %s", (_name, events, code) => {
    const snapshot = run(events);
    expect(snapshot.value).toBe("lobby");
    expect(lastRefusal(snapshot)?.code).toBe(code);
    expect(snapshot.context.players.length).toBeLessThanOrEqual(1);
  });

  it("refuses to open a question before anyone joined", () => {
    const snapshot = run([open(0)]);
    expect(snapshot.value).toBe("lobby");
    expect(lastRefusal(snapshot)?.code).toBe("no-players");
  });

  it("opens question i for the players, refusing a position that does not exist", () => {
    const refused = run([open(2)], lobbyWithTwo());
    expect(refused.value).toBe("lobby");
    expect(lastRefusal(refused)?.code).toBe("out-of-range");
    const snapshot = run([open(1)], lobbyWithTwo());
    expect(snapshot.value).toBe("questionOpen");
    expect(currentRound(snapshot.context)).toEqual({
      questionIndex: 1,
      questionId: "q1",
      openedAt: OPEN,
      closedAt: null,
      answers: [],
      correctResponse: null,
      // Both players were in the game when it opened: the question waits for them.
      expectedCount: 2,
      answeredCount: 0,
    });
  });

  it.each([answer("p1", "q0", ["a"], 1), close, grade("q0", []), leaderboard])(
    "refuses $type in the lobby",
    (event) => {
      const snapshot = run([event], lobbyWithTwo());
      expect(snapshot.value).toBe("lobby");
      expect(snapshot.context.refusals).toHaveLength(1);
    },
  );

  it("the teacher can end the game from the lobby", () => {
    const snapshot = run([finish], lobbyWithTwo());
    expect(snapshot.value).toBe("finished");
    expect(snapshot.context.finishedAt).toBe(OPEN + 99_000);
  });
});

describe("classroom machine: question open", () => {
  it("records one answer per player with its time", () => {
    const snapshot = run(
      [answer("p1", "q0", ["a"], OPEN + 1_000), answer("p2", "q0", ["b"], OPEN + 2_000)],
      questionOpen(),
    );
    expect(snapshot.value).toBe("questionOpen");
    expect(currentRound(snapshot.context)?.answers).toEqual([
      { playerId: "p1", response: ["a"], answeredAt: OPEN + 1_000, correct: null, points: 0 },
      { playerId: "p2", response: ["b"], answeredAt: OPEN + 2_000, correct: null, points: 0 },
    ]);
  });

  it("refuses a second answer from the same player and keeps the first", () => {
    const snapshot = run(
      [answer("p1", "q0", ["a"], OPEN + 1_000), answer("p1", "q0", ["b"], OPEN + 1_500)],
      questionOpen(),
    );
    expect(currentRound(snapshot.context)?.answers.map((a) => a.response)).toEqual([["a"]]);
    expect(lastRefusal(snapshot)?.code).toBe("already-answered");
  });

  it.each([
    ["a player who never joined", answer("ghost", "q0", ["a"], OPEN + 1), "unknown-player"],
    ["another question than the open one", answer("p1", "q1", ["a"], OPEN + 1), "not-current-question"],
    ["an empty answer", answer("p1", "q0", [], OPEN + 1), "invalid-answer"],
  ] as const)("refuses an answer from %s", (_name, event, code) => {
    const snapshot = run([event], questionOpen());
    expect(currentRound(snapshot.context)?.answers).toEqual([]);
    expect(lastRefusal(snapshot)?.code).toBe(code);
  });

  it("lets a player join late, but the open question is not theirs to answer: they play from the next one", () => {
    const snapshot = run(
      [{ ...join("p3", "Cy"), now: OPEN + 500 }, answer("p3", "q0", ["a"], OPEN + 600)],
      questionOpen(),
    );
    expect(snapshot.context.players.map((player) => player.displayName)).toContain("Cy");
    expect(currentRound(snapshot.context)?.answers).toEqual([]);
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it.each([open(1), grade("q0", []), leaderboard])("refuses $type while a question is open", (event) => {
    const snapshot = run([event], questionOpen());
    expect(snapshot.value).toBe("questionOpen");
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it("question.close stops answers and waits for the grade", () => {
    const snapshot = run([close], questionOpen());
    expect(snapshot.value).toEqual({ questionClosed: "grading" });
    expect(currentRound(snapshot.context)?.closedAt).toBe(OPEN + 20_000);
  });
});

describe("classroom machine: rejoin, removal and streaks", () => {
  it("a rejoin code lets another browser play as the player; an unknown code is refused", () => {
    const joined = run([{ ...join("p1", "Ana"), rejoinCode: "R1" } as ClassroomEvent]);
    const rejoined = run([{ type: "player.rejoin", rejoinCode: "R1", deviceId: "d2", now: 20 }], joined);
    expect(playerOfDevice(rejoined.context, "d2")?.displayName).toBe("Ana");
    const refused = run([{ type: "player.rejoin", rejoinCode: "nope", deviceId: "d3", now: 20 }], joined);
    expect(playerOfDevice(refused.context, "d3")).toBeUndefined();
    expect(lastRefusal(refused)?.code).toBe("wrong-join-code");
  });

  it("a removed player leaves the leaderboard", () => {
    const snapshot = run([{ type: "player.remove", playerId: "p2", now: 20 }], lobbyWithTwo());
    expect(getLeaderboard(snapshot.context).map((entry) => entry.playerId)).toEqual(["p1"]);
  });

  it("a second right answer in a row earns the streak bonus in speed mode, none in accuracy mode", () => {
    const play = (from: Snap) =>
      run(
        [
          answer("p1", "q0", ["a"], OPEN),
          close,
          grade("q0", ["p1"]),
          leaderboard,
          open(1, OPEN + 30_000),
          answer("p1", "q1", ["a"], OPEN + 30_000),
          { type: "question.close", now: OPEN + 31_000 },
          { ...grade("q1", ["p1"]), now: OPEN + 31_000 },
        ],
        run([open(0)], from),
      );
    const speed = play(run([join("p1", "Ana"), join("p2", "Bo")]));
    expect(currentRound(speed.context)?.answers[0]?.points).toBe(
      BASE_POINTS + MAX_SPEED_BONUS + STREAK_BONUS_STEP,
    );
    expect(playerStreak(speed.context.rounds, "p1")).toBe(2);
    const accuracy = play(
      run([join("p1", "Ana"), join("p2", "Bo")], start({ ...input, scoring: "accuracy" })),
    );
    expect(currentRound(accuracy.context)?.answers[0]?.points).toBe(ACCURACY_POINTS);
  });
});

describe("classroom machine: closed question and reveal", () => {
  const closed = () =>
    run(
      [answer("p1", "q0", ["a"], OPEN + 2_000), answer("p2", "q0", ["b"], OPEN + 1_000), close],
      questionOpen(),
    );

  it("refuses a late answer after close", () => {
    const snapshot = run([answer("p1", "q0", ["a"], OPEN + 20_001)], run([close], questionOpen()));
    expect(currentRound(snapshot.context)?.answers).toEqual([]);
    expect(lastRefusal(snapshot)?.code).toBe("question-closed");
  });

  it("the grade reveals the key and the distribution, and scores by correctness and speed", () => {
    const snapshot = run([grade("q0", ["p1"], ["a"])], closed());
    expect(snapshot.value).toEqual({ questionClosed: "revealed" });
    const round = currentRound(snapshot.context);
    expect(round?.correctResponse).toEqual(["a"]);
    expect(round && getAnswerDistribution(round)).toEqual([
      { optionId: "a", count: 1, isCorrect: true },
      { optionId: "b", count: 1, isCorrect: false },
    ]);
    // p1 answered correctly after 2 s of a 10 s window: base + 80 % of the bonus; p2 was faster but wrong.
    expect(round?.answers).toEqual([
      {
        playerId: "p1",
        response: ["a"],
        answeredAt: OPEN + 2_000,
        correct: true,
        points: BASE_POINTS + 0.8 * MAX_SPEED_BONUS,
      },
      { playerId: "p2", response: ["b"], answeredAt: OPEN + 1_000, correct: false, points: 0 },
    ]);
  });

  it.each([
    ["another question", grade("q1", ["p1"]), "not-current-question"],
    ["a player who did not answer", grade("q0", ["p3"]), "invalid-grade"],
    ["no key", grade("q0", ["p1"], []), "invalid-grade"],
  ] as const)("refuses a grade for %s", (_name, event, code) => {
    const snapshot = run([event], closed());
    expect(snapshot.value).toEqual({ questionClosed: "grading" });
    expect(lastRefusal(snapshot)?.code).toBe(code);
  });

  it.each([open(1), close, leaderboard])("refuses $type while grading", (event) => {
    const snapshot = run([event], closed());
    expect(snapshot.value).toEqual({ questionClosed: "grading" });
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it.each([open(1), close, grade("q0", ["p1"])])("refuses $type during the reveal", (event) => {
    const revealed = run([grade("q0", ["p1"])], closed());
    const snapshot = run([event], revealed);
    expect(snapshot.value).toEqual({ questionClosed: "revealed" });
    expect(snapshot.context.rounds).toEqual(revealed.context.rounds);
  });

  it("leaderboard.show after the reveal ranks players by points", () => {
    const snapshot = run([grade("q0", ["p1"]), leaderboard], closed());
    expect(snapshot.value).toBe("leaderboard");
    expect(getLeaderboard(snapshot.context)).toEqual([
      { rank: 1, playerId: "p1", displayName: "Ana", points: 900, correctAnswers: 1 },
      { rank: 2, playerId: "p2", displayName: "Bo", points: 0, correctAnswers: 0 },
    ]);
  });
});

describe("classroom machine: leaderboard and the next question", () => {
  const afterFirst = () =>
    run([answer("p1", "q0", ["a"], OPEN + 2_000), close, grade("q0", ["p1"]), leaderboard], questionOpen());

  it("opens the next question, refusing one already played", () => {
    const replay = run([open(0)], afterFirst());
    expect(replay.value).toBe("leaderboard");
    expect(lastRefusal(replay)?.code).toBe("question-already-played");
    const snapshot = run([open(1, OPEN + 30_000)], afterFirst());
    expect(snapshot.value).toBe("questionOpen");
    expect(currentRound(snapshot.context)).toMatchObject({
      questionId: "q1",
      openedAt: OPEN + 30_000,
      answers: [],
    });
  });

  it("an answer for the previous question is refused in the next one", () => {
    const snapshot = run([open(1, OPEN + 30_000), answer("p2", "q0", ["a"], OPEN + 30_001)], afterFirst());
    expect(lastRefusal(snapshot)?.code).toBe("not-current-question");
  });

  it("points add up over questions; equal points share a rank", () => {
    const snapshot = run(
      [open(1, 200_000), answer("p2", "q1", ["c"], 202_000), close, grade("q1", ["p2"], ["c"]), leaderboard],
      afterFirst(),
    );
    expect(
      getLeaderboard(snapshot.context).map((entry) => [entry.playerId, entry.rank, entry.points]),
    ).toEqual([
      ["p1", 1, 900],
      ["p2", 1, 900],
    ]);
  });

  it("game.finish ends the game with the final leaderboard", () => {
    const snapshot = run([finish], afterFirst());
    expect(snapshot.value).toBe("finished");
    expect(snapshot.status).toBe("done");
    expect(getLeaderboard(snapshot.context)[0]?.playerId).toBe("p1");
  });

  it("a finished game refuses everything through applyEvent, and its finish time stays", () => {
    const finished = run([finish], afterFirst());
    for (const event of [join("p9", "Late"), open(1), finish]) {
      const result = applyEvent(classroomMachine, finished, event);
      expect(result).toMatchObject({ ok: false, issues: [{ code: "session-finished" }] });
      expect(result.snapshot.context.finishedAt).toBe(OPEN + 99_000);
    }
  });

  it("the teacher can end the game in the middle of a question", () => {
    expect(run([finish], questionOpen()).value).toBe("finished");
  });
});

describe("classroom machine: graph", () => {
  const exploration = explore(classroomMachine, {
    input,
    serialize: (s) =>
      JSON.stringify([
        s.value,
        s.context.players.length,
        s.context.rounds.length,
        currentRound(s.context)?.answers.length ?? 0,
      ]),
    events: (s) => {
      const questionId = currentRound(s.context)?.questionId ?? "q0";
      const players = s.context.players.length;
      return [
        join(`p${players + 1}`, `Player ${players + 1}`),
        join("p1", "Again"),
        open(0),
        open(1),
        answer("p1", questionId, ["a"], OPEN + 1),
        close,
        grade(questionId, []),
        leaderboard,
        finish,
      ].filter((event) => event.type !== "player.join" || players < 2);
    },
  });

  it("reaches every state", () => {
    expect(exploration.reachedLeafIds).toEqual(leafStateIds(classroomMachine));
  });

  it("has no dead ends", () => {
    expect(exploration.situations).toBeGreaterThan(10);
    expect(exploration.deadEnds).toEqual([]);
  });
});
