import fc from "fast-check";
import { initialTransition } from "xstate";
import { describe, expect, it } from "vitest";
import { applyEvent } from "../../lib/quiz/apply-event";
import { answerProgress, countProgress, everyoneAnswered } from "../../lib/quiz/classroom-board";
import {
  classroomMachine,
  currentRound,
  type ClassroomContext,
  type ClassroomEvent,
} from "../../lib/quiz/classroom-machine";
import { classroomSessionCodec } from "../../lib/quiz/persistence";

// The open round keeps "n of m answered" as it goes (so each answer costs O(1) to count). Whatever joins, late
// joins, answers, removals and rounds happen, the kept counts must equal a fresh count over players and answers.

const PLAYERS = ["p0", "p1", "p2", "p3", "p4", "p5"];
const QUESTIONS = ["q0", "q1", "q2"];

type Step =
  | { readonly kind: "join" | "answer" | "remove"; readonly player: number }
  | { readonly kind: "open" | "close" | "leaderboard" };

const player = fc.nat({ max: PLAYERS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom("join", "answer", "remove"), player }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constantFrom("open", "close", "leaderboard") }), weight: 2 },
);

function eventsOf(context: ClassroomContext, s: Step, now: number): ClassroomEvent[] {
  const playerId =
    PLAYERS[s.kind === "join" || s.kind === "answer" || s.kind === "remove" ? s.player : 0] ?? "";
  const round = currentRound(context);
  switch (s.kind) {
    case "join":
      return [{ type: "player.join", joinCode: "ABC234", playerId, displayName: playerId, now }];
    case "answer":
      return [
        { type: "answer.submit", playerId, questionId: round?.questionId ?? "q0", response: ["a"], now },
      ];
    case "remove":
      return [{ type: "player.remove", playerId, now }];
    case "open":
      return [{ type: "question.open", index: context.rounds.length, now }];
    case "close":
      return [
        { type: "question.close", now },
        {
          type: "question.graded",
          questionId: round?.questionId ?? "q0",
          correctResponse: ["a"],
          correctPlayerIds: [],
          now,
        },
      ];
    case "leaderboard":
      return [{ type: "leaderboard.show", now }];
  }
}

describe("the open round's kept answer counts", () => {
  it("always equal a count over the players and the answers, through a persistence round trip too", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        let [snapshot] = initialTransition(classroomMachine, {
          joinCode: "ABC234",
          questionIds: QUESTIONS,
          createdAt: 0,
        });
        let now = 1;
        for (const s of steps) {
          for (const event of eventsOf(snapshot.context, s, now)) {
            const applied = applyEvent(classroomMachine, snapshot, event);
            if (applied.ok) snapshot = applied.snapshot;
          }
          now += 1;
          const restored = classroomSessionCodec.restore(
            JSON.parse(JSON.stringify(classroomSessionCodec.save(snapshot))) as unknown,
          );
          if (!restored.ok) throw new Error("a saved game should restore");
          snapshot = restored.snapshot;
          const round = currentRound(snapshot.context);
          if (round?.closedAt === null) {
            expect(round.expectedCount).toBeDefined();
            expect(answerProgress(snapshot.context)).toEqual(countProgress(snapshot.context));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a round saved before the counts were kept is counted instead", () => {
    let [snapshot] = initialTransition(classroomMachine, {
      joinCode: "ABC234",
      questionIds: QUESTIONS,
      createdAt: 0,
    });
    const run = (event: ClassroomEvent) => {
      const applied = applyEvent(classroomMachine, snapshot, event);
      if (!applied.ok) throw new Error(applied.issues[0]?.message);
      snapshot = applied.snapshot;
    };
    run({ type: "player.join", joinCode: "ABC234", playerId: "p0", displayName: "Ana", now: 1 });
    run({ type: "player.join", joinCode: "ABC234", playerId: "p1", displayName: "Ben", now: 2 });
    run({ type: "question.open", index: 0, now: 3 });
    // As an older build stored it: the open round without its counts.
    const saved = JSON.parse(JSON.stringify(classroomSessionCodec.save(snapshot))) as {
      snapshot: { context: { rounds: Record<string, unknown>[] } };
    };
    for (const round of saved.snapshot.context.rounds) {
      delete round["expectedCount"];
      delete round["answeredCount"];
    }
    const restored = classroomSessionCodec.restore(saved);
    if (!restored.ok) throw new Error("an older saved game should restore");
    snapshot = restored.snapshot;
    run({ type: "answer.submit", playerId: "p0", questionId: "q0", response: ["a"], now: 4 });
    expect(answerProgress(snapshot.context)).toEqual({ answered: 1, expected: 2 });
    run({ type: "player.remove", playerId: "p1", now: 5 });
    expect(answerProgress(snapshot.context)).toEqual({ answered: 1, expected: 1 });
    expect(everyoneAnswered(snapshot.context)).toBe(true);
  });
});
