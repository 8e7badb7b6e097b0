// The exam session service (app/exam/exam-session.ts) against a temporary SQLite database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExamScoreSchema } from "../../app/exam/schema";
import { loadActiveExam, retakeExam, startExam, stepExam } from "../../app/exam/exam-session";
import type { Db } from "../../lib/db/client";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { findSession } from "../../lib/db/sessions";
import { buildExamQuestions } from "../../lib/practice/exam-questions";
import { createTempDb } from "../db/support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("exam session service", { timeout: 30_000 }, () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    (globalThis as { reachableDb?: Db }).reachableDb = temp.db;
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    delete (globalThis as { reachableDb?: Db }).reachableDb;
    await temp.dispose();
  });

  it("scores a submitted exam with domains that add up, logs answers and turns misses into review cards", async () => {
    const planned = buildExamQuestions({ examSeed: 99, count: 4 });
    if (!planned.ok) throw new Error("the exam should plan");
    const started = await startExam(learnerId, { questionCount: 4, durationMinutes: 10, examSeed: 99 }, t0);
    if (!started.ok) throw new Error(started.error);
    const sessionId = started.value.sessionId;
    const [q1, q2] = planned.questions;
    if (!q1 || !q2) throw new Error("four questions");
    const wrong = q1.options.find((option) => !q1.answer.includes(option.id))?.id ?? "";
    await stepExam(learnerId, { action: "select", sessionId, questionId: q1.id, optionIds: [wrong] }, at(10));
    await stepExam(
      learnerId,
      { action: "select", sessionId, questionId: q2.id, optionIds: [...q2.answer] },
      at(20),
    );
    const submitted = await stepExam(learnerId, { action: "submit", sessionId }, at(30));
    expect(submitted).toEqual({ ok: true, value: { finished: true } });

    const session = await findSession(temp.db, learnerId, sessionId);
    const score = ExamScoreSchema.parse(session?.result);
    expect(score).toMatchObject({ correct: 1, total: 4 });
    expect(score.domains.reduce((sum, domain) => sum + domain.total, 0)).toBe(4);
    expect(score.domains.reduce((sum, domain) => sum + domain.correct, 0)).toBe(1);
    const attempts = await temp.db.attempt.findMany({ where: { learnerId } });
    expect(attempts.map((row) => row.questionId).sort()).toEqual([q1.id, q2.id].sort());
    const cards = await temp.db.srsCard.findMany({ where: { learnerId } });
    expect(cards.map((card) => [card.skillId, card.source])).toEqual([[q1.concepts[0], "exam"]]);

    // A step after the exam is over says so, and that the result is ready.
    const late = await stepExam(learnerId, { action: "next", sessionId }, at(40));
    expect(late).toMatchObject({ ok: false, status: 409, finished: true });

    // The retake is its own session, marked as a retake of this one.
    const retake = await retakeExam(learnerId, sessionId, at(50));
    if (!retake.ok) throw new Error(retake.error);
    const active = await loadActiveExam(learnerId);
    expect(active.ok && active.value?.config.retakeOf).toBe(sessionId);
    expect(active.ok && active.value?.snapshot.context.questionIds.length).toBe(3);
  });

  it("a step at or after the deadline submits the exam on the server's clock", async () => {
    const started = await startExam(learnerId, { questionCount: 2, durationMinutes: 1, examSeed: 7 }, t0);
    if (!started.ok) throw new Error(started.error);
    const tick = await stepExam(learnerId, { action: "tick", sessionId: started.value.sessionId }, at(61));
    expect(tick).toEqual({ ok: true, value: { finished: true } });
    const session = await findSession(temp.db, learnerId, started.value.sessionId);
    expect(ExamScoreSchema.parse(session?.result).endedBy).toBe("timeout");
  });
});
