import { describe, expect, it } from "vitest";
import { buildClassroomView } from "../../lib/classroom/classroom-view";
import { createEventHub, type HubEvent } from "../../lib/classroom/event-hub";
import { coalesceCounts, liveEvents, playersHearCount } from "../../lib/classroom/live-events";
import { applyLiveMessage, type LiveMessage } from "../../lib/classroom/live-view";
import {
  runClassroomCommand,
  type ClassroomCommand,
  type ClassroomSnapshot,
} from "../../lib/classroom/run-command";
import { LIMIT_MS, T0, join, newGame, realQuestions, wrongOption } from "./support";

const [q1, q2] = realQuestions() as [
  NonNullable<ReturnType<typeof realQuestions>[0]>,
  NonNullable<ReturnType<typeof realQuestions>[1]>,
];
const OPEN = T0 + 60_000;

/** Runs the commands and publishes what each one changed, as the server does. */
function play(
  steps: readonly (readonly [ClassroomCommand, number])[],
  from: ClassroomSnapshot = newGame([q1, q2]),
) {
  const hub = createEventHub({ epoch: "t" });
  const received = { ana: [] as HubEvent[], ben: [] as HubEvent[], teacher: [] as HubEvent[] };
  hub.subscribe("G", { role: "player", playerId: "p1" }, null, (event) => received.ana.push(event));
  hub.subscribe("G", { role: "player", playerId: "p2" }, null, (event) => received.ben.push(event));
  hub.subscribe("G", { role: "teacher" }, null, (event) => received.teacher.push(event));
  let snapshot = from;
  for (const [command, now] of steps) {
    const next = runClassroomCommand(snapshot, command, now).snapshot;
    hub.publish("G", liveEvents(snapshot, next, now));
    snapshot = next;
  }
  return { received, snapshot };
}

const lobby: (readonly [ClassroomCommand, number])[] = [
  [join("p1", "Ana"), T0 + 1],
  [join("p2", "Ben"), T0 + 2],
];

describe("live events", () => {
  it("never carry the key, the explanation or the question id before the reveal", () => {
    const { received } = play([
      ...lobby,
      [{ kind: "open" }, OPEN],
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
    ]);
    const question = received.ana.find((event) => event.type === "question");
    expect(question?.questionId).toBe(q1.id);
    for (const event of [...received.ana, ...received.ben, ...received.teacher]) {
      expect(event.json).not.toContain(q1.id);
      expect(event.json).not.toContain(q1.explanation.summary);
      expect(event.json).not.toMatch(/"(key|answer|correctResponse|explanation)"/);
    }
    expect(received.teacher.map((event) => event.type)).toEqual(["joined", "joined", "question", "answers"]);
    // The room's "n of m answered" reaches the players too: two numbers, nothing about whose answer or which option.
    expect(received.ana.map((event) => event.type)).toEqual(["question", "answers"]);
    expect(JSON.parse(received.ben.at(-1)?.json ?? "{}")).toEqual({ answeredCount: 1, expectedCount: 2 });
  });

  it("at the reveal everyone gets the key and distribution, each player only their own result", () => {
    const { received } = play([
      ...lobby,
      [{ kind: "open" }, OPEN],
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
      [{ kind: "answer", playerId: "p2", questionId: q1.id, optionIds: [wrongOption(q1)] }, OPEN + 2_000],
      [{ kind: "close" }, OPEN + 3_000],
    ]);
    const results = (events: HubEvent[]) =>
      events
        .filter((event) => event.type === "result")
        .map((event) => JSON.parse(event.json) as { correct: boolean; rank: number });
    expect(results(received.ana)).toEqual([expect.objectContaining({ correct: true, rank: 1 })]);
    expect(results(received.ben)).toEqual([expect.objectContaining({ correct: false, rank: 2 })]);
    expect(results(received.teacher)).toEqual([]);
    const reveal = received.ben.find((event) => event.type === "reveal");
    expect(JSON.parse(reveal?.json ?? "{}")).toMatchObject({
      key: [...q1.answer],
      summary: q1.explanation.summary,
    });
  });

  it("applied to the lobby view, the events bring a player's screen to what a fresh view shows", () => {
    const steps: (readonly [ClassroomCommand, number])[] = [
      ...lobby,
      [{ kind: "open" }, OPEN],
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
      [{ kind: "close" }, OPEN + LIMIT_MS / 2],
      [{ kind: "leaderboard" }, OPEN + LIMIT_MS],
    ];
    const lobbySnapshot = play(lobby).snapshot;
    const start = buildClassroomView(lobbySnapshot, { role: "player", playerId: "p1" }, T0 + 3);
    const { received, snapshot } = play(steps.slice(2), lobbySnapshot);
    const view = received.ana.reduce(
      (current, event) =>
        applyLiveMessage(current, {
          type: event.type,
          data: {
            ...(JSON.parse(event.json) as object),
            ...(event.questionId ? { id: event.questionId } : {}),
          },
        } as LiveMessage),
      start,
    );
    const fresh = buildClassroomView(snapshot, { role: "player", playerId: "p1" }, OPEN + LIMIT_MS);
    expect(view.phase).toBe(fresh.phase);
    expect(view.leaderboard).toEqual(fresh.leaderboard);
    expect(view.you).toMatchObject({ points: fresh.you?.points, rank: 1, streak: 1 });
  });

  it("a late joiner is announced to the teacher; everyone answering is seen as such", () => {
    const { received } = play([...lobby, [{ kind: "open" }, OPEN], [join("p3", "Cy"), OPEN + 5]]);
    expect(received.teacher.at(-1)?.type).toBe("joined");
    expect(JSON.parse(received.teacher.at(-1)?.json ?? "{}")).toEqual({ displayName: "Cy", playerCount: 3 });
    expect(q2.id).not.toBe(q1.id);
  });

  it("the host's count leaves out a late joiner and is sent again when a player who could answer is removed", () => {
    const { received, snapshot } = play([
      ...lobby,
      [{ kind: "open" }, OPEN],
      [join("p3", "Cy"), OPEN + 5],
      [{ kind: "answer", playerId: "p1", questionId: q1.id, optionIds: [...q1.answer] }, OPEN + 1_000],
      [{ kind: "remove", playerId: "p2" }, OPEN + 2_000],
    ]);
    const counts = received.teacher
      .filter((event) => event.type === "answers")
      .map((event) => JSON.parse(event.json) as unknown);
    expect(counts).toEqual([
      { answeredCount: 1, expectedCount: 2 },
      { answeredCount: 1, expectedCount: 1 },
    ]);
    // A player waiting after answering sees the same count as the host.
    expect(
      received.ana
        .filter((event) => event.type === "answers")
        .map((event) => JSON.parse(event.json) as unknown),
    ).toEqual(counts);
    let anaView = buildClassroomView(newGame([q1, q2]), { role: "player", playerId: "p1" }, T0);
    for (const event of received.ana) {
      const data = JSON.parse(event.json) as LiveMessage["data"];
      const withId = event.type === "question" ? { ...data, id: "sealed" } : data;
      anaView = applyLiveMessage(anaView, { type: event.type, data: withId } as LiveMessage);
    }
    expect(anaView.question).toMatchObject({ answeredCount: 1, expectedCount: 1 });
    // Applied to the teacher's screen, the events give the count a fresh view shows.
    const teacher = { role: "teacher" } as const;
    let view = buildClassroomView(newGame([q1, q2]), teacher, T0);
    for (const event of received.teacher) {
      const data = JSON.parse(event.json) as LiveMessage["data"];
      const withId = event.type === "question" ? { ...data, id: "sealed" } : data;
      view = applyLiveMessage(view, { type: event.type, data: withId } as LiveMessage);
    }
    const fresh = buildClassroomView(snapshot, teacher, OPEN + 2_000);
    expect(view.question).toMatchObject({ answeredCount: 1, expectedCount: 1 });
    expect(fresh.question).toMatchObject({ answeredCount: 1, expectedCount: 1 });
  });
});

describe("playersHearCount", () => {
  function heard(expected: number, batch: number): number {
    let sent = 0;
    for (let answered = batch; answered <= expected; answered += batch)
      if (playersHearCount(answered - batch, { answered, expected }, false)) sent += 1;
    return sent;
  }

  it("gives a small room every answer", () => {
    expect(heard(2, 1)).toBe(2);
    expect(heard(20, 1)).toBe(20);
  });

  it("gives a room of 1,000 about twenty counts per question, however the answers are batched", () => {
    expect(heard(1000, 1)).toBe(20);
    expect(heard(1000, 7)).toBeLessThanOrEqual(21);
    expect(heard(1000, 7)).toBeGreaterThanOrEqual(19);
  });

  it("always sends the last answer and a removal", () => {
    expect(playersHearCount(998, { answered: 999, expected: 999 }, false)).toBe(true);
    expect(playersHearCount(10, { answered: 10, expected: 900 }, true)).toBe(true);
    expect(playersHearCount(10, { answered: 11, expected: 900 }, false)).toBe(false);
  });
});

describe("coalesceCounts", () => {
  const count = (answeredCount: number, kind: "all" | "teacher") => ({
    audience: { kind } as const,
    type: "answers",
    data: { answeredCount, expectedCount: 1000 },
  });
  const joined = { audience: { kind: "teacher" } as const, type: "joined", data: { name: "Ana" } };

  it("keeps only the batch's last count, and sends it to every screen when a player step was in the batch", () => {
    const out = coalesceCounts([count(50, "all"), joined, count(51, "teacher")]);
    expect(out.map((d) => d.type)).toEqual(["joined", "answers"]);
    expect(out[1]).toEqual(count(51, "all"));
  });

  it("leaves a batch of host-only counts to the host", () => {
    expect(coalesceCounts([count(3, "teacher"), count(4, "teacher")])).toEqual([count(4, "teacher")]);
    expect(coalesceCounts([joined])).toEqual([joined]);
  });
});
