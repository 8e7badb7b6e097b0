import { afterAll, describe, expect, it } from "vitest";
import { mintLearnerToken } from "../../app/security/learner-token";
import { findOrCreateLearner } from "../../lib/db/learners";
import { createTempDb } from "../db/support/temp-db";

// The question closes as soon as nobody is left to wait for: after the last answer, and equally after the teacher
// removes the last player who had not answered (there is no other way to leave a game).

process.env["REACHABLE_SECRET"] ??= "a test secret for the classroom early close, long enough";
const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;

const { createGame, deviceOnly, stepGame, viewGame, answerGame } =
  await import("../../app/classroom/classroom-game");

afterAll(async () => {
  await temp.dispose();
});

/** A browser with its learner row (graded answers become that learner's attempts). */
async function browser() {
  const learner = await findOrCreateLearner(temp.db, mintLearnerToken(), new Date());
  return deviceOnly(learner.id);
}

/** A one-question game with Ana, Ben and Cy in it and the question open; Ana has answered. */
async function openWithOneAnswer() {
  const teacher = await browser();
  const created = await createGame(
    teacher,
    {
      action: "create",
      families: ["endpoint-choice"],
      difficulty: 1,
      questionCount: 1,
      secondsPerQuestion: 60,
    },
    new Date(),
  );
  if (!created.ok) throw new Error(created.error);
  const joinCode = created.value.joinCode;
  const [ana, ben, cy] = [await browser(), await browser(), await browser()];
  for (const [who, displayName] of [
    [ana, "Ana"],
    [ben, "Ben"],
    [cy, "Cy"],
  ] as const) {
    const joined = await stepGame(who, { action: "join", joinCode, displayName }, new Date());
    if (!joined.ok) throw new Error(joined.error);
  }
  const opened = await stepGame(teacher, { action: "open", joinCode }, new Date());
  if (!opened.ok || opened.value.question === null) throw new Error("the question should open");
  const question = opened.value.question;
  const option = question.options[0]?.id ?? "";
  const answered = await answerGame(
    ana.learnerId,
    { action: "answer", joinCode, questionId: question.id, optionIds: [option] },
    new Date(),
  );
  if (!answered.ok) throw new Error(answered.error);
  return { teacher, joinCode, ben, questionId: question.id, option };
}

describe("closing a question early", () => {
  it("removing the last player who had not answered closes and reveals it, as their answer would have", async () => {
    const { teacher, joinCode, ben, questionId, option } = await openWithOneAnswer();
    // Ben answers; Cy is the last one the question waits for.
    const answered = await answerGame(
      ben.learnerId,
      { action: "answer", joinCode, questionId, optionIds: [option] },
      new Date(),
    );
    expect(answered.ok).toBe(true);
    const before = await viewGame(teacher, joinCode, new Date());
    expect(before.ok && before.value.phase).toBe("question");
    expect(before.ok && before.value.question).toMatchObject({ answeredCount: 2, expectedCount: 3 });

    const removed = await stepGame(teacher, { action: "remove", joinCode, displayName: "Cy" }, new Date());
    expect(removed.ok && removed.value.phase).toBe("reveal");
    expect(removed.ok && removed.value.reveal?.distribution.reduce((sum, row) => sum + row.count, 0)).toBe(2);
  });

  it("removing a player while another still has to answer keeps it open", async () => {
    const { teacher, joinCode } = await openWithOneAnswer();
    const removed = await stepGame(teacher, { action: "remove", joinCode, displayName: "Cy" }, new Date());
    expect(removed.ok && removed.value.phase).toBe("question");
    expect(removed.ok && removed.value.question).toMatchObject({ answeredCount: 1, expectedCount: 2 });
  });
});
