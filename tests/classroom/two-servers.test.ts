import { describe, expect, it, vi } from "vitest";
import type * as ServerModule from "../../app/classroom/classroom-game";
import { listClassroomAnswers } from "../../lib/db/classroom";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { createTempDb } from "../db/support/temp-db";
import { must } from "../support/must";

// Two app servers on one database: here two instances of the classroom's server module in one process, on one
// SQLite file, told of each other's commits by the in-process announcer (on PostgreSQL it is LISTEN/NOTIFY; the
// merge logic is the same). The teacher runs the game on server A; players join and answer on A and on B. Every
// answer acknowledged anywhere must be graded exactly once in the reveal and the report, answers must never be
// refused as "busy", and an answer that reaches B after A closed the question is refused, not acknowledged and
// lost.

process.env["REACHABLE_SECRET"] ??= "a test secret for two classroom servers, long enough to be one";
const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;

type Server = typeof ServerModule;
const globals = globalThis as unknown as { reachableClassroomLive?: unknown };

/** A fresh instance of the server module: its own games in memory, its own event hub and server name. */
async function startServer(): Promise<Server> {
  vi.resetModules();
  delete globals.reachableClassroomLive;
  return import("../../app/classroom/classroom-game");
}

const serverA = await startServer();
const serverB = await startServer();

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    if (check()) return;
    await settle();
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("one classroom game on two servers", () => {
  it("counts every answer once, whichever server took it, in the reveal, the report and the stored rows", async () => {
    const teacherId = (await findOrCreateLearner(temp.db, newLearnerToken(), new Date())).id;
    const teacher = serverA.deviceOnly(teacherId);
    const created = await serverA.createGame(
      teacher,
      {
        action: "create",
        families: ["endpoint-choice"],
        difficulty: 1,
        questionCount: 2,
        secondsPerQuestion: 60,
      },
      new Date(),
    );
    if (!created.ok) throw new Error(created.error);
    const joinCode = created.value.joinCode;
    // A's teacher view is loaded first, so A holds the game when the players join on B.
    expect((await serverA.viewGame(teacher, joinCode, new Date())).ok).toBe(true);

    // Learners with rows, as the cookie gives them: each graded answer becomes their attempt.
    const players = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => ({
        id: (await findOrCreateLearner(temp.db, newLearnerToken(), new Date())).id,
        server: index % 3 === 0 ? serverA : serverB,
      })),
    );
    for (const player of players) {
      const joined = await player.server.stepGame(
        player.server.deviceOnly(player.id),
        { action: "join", joinCode, displayName: `P${player.id.slice(0, 8)}` },
        new Date(),
      );
      expect(joined.ok).toBe(true);
    }
    // The teacher on A hears of B's joins through the announcer.
    const teacherEvents: { type: string; json: string }[] = [];
    const teacherStream = await serverA.connectGame(
      teacherId,
      joinCode,
      null,
      (frame) => teacherEvents.push(frame),
      new Date(),
    );
    if (!teacherStream.ok) throw new Error(teacherStream.error);
    await until(() => {
      const sync = teacherEvents.find((frame) => frame.type === "sync");
      const joins = teacherEvents.filter((frame) => frame.type === "joined").length;
      return (
        (sync !== undefined && (JSON.parse(sync.json) as { playerCount: number }).playerCount === 12) ||
        joins > 0
      );
    }, "the teacher on A to see B's players");
    const lobby = await serverA.viewGame(teacher, joinCode, new Date());
    expect(lobby.ok && lobby.value.playerCount).toBe(12);

    // A player on B listens on B; the teacher opens on A.
    const onB = must(players.find((player) => player.server === serverB));
    const playerEvents: string[] = [];
    const playerStream = await serverB.connectGame(
      onB.id,
      joinCode,
      null,
      (frame) => playerEvents.push(frame.type),
      new Date(),
    );
    if (!playerStream.ok) throw new Error(playerStream.error);
    const opened = await serverA.stepGame(teacher, { action: "open", joinCode }, new Date());
    if (!opened.ok) throw new Error(opened.error);
    const question = must(opened.value.question);
    await until(() => playerEvents.includes("question"), "B's player to hear the question A opened");

    // All but the last two answer at once, on both servers; none is refused.
    const option = must(question.options[0]).id;
    const answering = players.slice(0, 10);
    const acks = await Promise.all(
      answering.map((player) =>
        player.server.answerGame(
          player.id,
          { action: "answer", joinCode, questionId: question.id, optionIds: [option] },
          new Date(),
        ),
      ),
    );
    expect(acks.map((ack) => (ack.ok ? "ok" : ack.error))).toEqual(answering.map(() => "ok"));
    await until(
      () =>
        teacherEvents.some((frame) => frame.type === "answers" && frame.json.includes('"answeredCount":10')),
      "A's teacher to count B's answers",
    );

    // A closes before B has heard of it: B's answer then is refused (its copy was behind), never acked and lost.
    const closed = await serverA.stepGame(teacher, { action: "close", joinCode }, new Date());
    if (!closed.ok) throw new Error(closed.error);
    const late = must(players.slice(10).find((player) => player.server === serverB));
    const lateAck = await serverB.answerGame(
      late.id,
      { action: "answer", joinCode, questionId: question.id, optionIds: [option] },
      new Date(),
    );
    expect(lateAck.ok).toBe(false);
    expect(lateAck.ok ? "" : lateAck.error).not.toMatch(/busy/);

    const reveal = must(closed.value.reveal);
    const chosen = reveal.distribution.reduce((sum, entry) => sum + entry.count, 0);
    expect(chosen).toBe(10);
    await until(
      () => playerEvents.includes("reveal") && playerEvents.includes("result"),
      "B's player to hear the reveal",
    );

    const report = await serverA.reportGame(teacher, joinCode);
    if (!report.ok) throw new Error(report.error);
    expect(report.value.questions.map((entry) => entry.answered)).toEqual([10]);
    expect(report.value.players.reduce((sum, entry) => sum + entry.answered, 0)).toBe(10);
    const stored = await listClassroomAnswers(temp.db, joinCode, 0);
    expect(stored.map((row) => row.playerId).sort()).toEqual(answering.map((player) => player.id).sort());
    // B's copy agrees: the report read there counts the same answers.
    const reportB = await serverB.reportGame(serverB.deviceOnly(teacherId), joinCode);
    expect(reportB.ok && reportB.value.questions.map((entry) => entry.answered)).toEqual([10]);

    // Question 2: everyone answers, split over both servers, with no close from the teacher: whichever server
    // sees the last answer (its own or, caught up, the other's) closes it, and all 12 are graded.
    const board = await serverA.stepGame(teacher, { action: "leaderboard", joinCode }, new Date());
    expect(board.ok).toBe(true);
    const second = await serverA.stepGame(teacher, { action: "open", joinCode }, new Date());
    if (!second.ok) throw new Error(second.error);
    const q2 = must(second.value.question);
    await until(
      () => playerEvents.filter((type) => type === "question").length === 2,
      "B to hear question 2",
    );
    const acks2 = await Promise.all(
      players.map((player) =>
        player.server.answerGame(
          player.id,
          { action: "answer", joinCode, questionId: q2.id, optionIds: [must(q2.options[1]).id] },
          new Date(),
        ),
      ),
    );
    expect(acks2.every((ack) => ack.ok)).toBe(true);
    await until(
      () => playerEvents.filter((type) => type === "reveal").length === 2,
      "the reveal of question 2 on B",
    );
    const final = await serverA.reportGame(teacher, joinCode);
    expect(final.ok && final.value.questions.map((entry) => entry.answered)).toEqual([10, 12]);
    // The answers of a batch that closes the question go into the graded snapshot rather than rows, so the
    // attempts (one per graded answer) are what to count: 10 + 12, each once.
    const attempts = await temp.db.attempt.groupBy({
      by: ["learnerId", "questionId"],
      where: { context: `classroom:${joinCode}` },
      _count: true,
    });
    expect(attempts.length).toBe(22);
    expect(attempts.every((row) => row._count === 1)).toBe(true);

    teacherStream.value.unsubscribe();
    playerStream.value.unsubscribe();
  });
});
