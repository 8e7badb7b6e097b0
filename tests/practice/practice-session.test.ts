// The practice session service (app/practice/practice-session.ts) against a temporary SQLite database: the
// server side of every practice step, with the database the app really uses.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  answerPractice,
  finishPractice,
  loadActivePractice,
  nextPractice,
  startPractice,
} from "../../app/practice/practice-session";
import { practiceView } from "../../app/practice/practice-view";
import { openQuestionId } from "../../app/security/question-token";
import { CONCEPTS } from "../../lib/content/concepts";
import type { Db } from "../../lib/db/client";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { findSession } from "../../lib/db/sessions";
import { currentPracticeAttempt } from "../../lib/quiz/practice-machine";
import { questionFromId } from "../../lib/scenario/generate";
import { createTempDb } from "../db/support/temp-db";
import { wrongResponse } from "../e2e/support/practice-choice";

const t0 = new Date("2026-11-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const groupOf = new Map(CONCEPTS.map((concept) => [concept.id, concept.group as string]));
const everything = {
  everything: true,
  conceptGroups: [],
  families: [],
  difficulties: [],
  questionLimit: 2,
  adaptive: true,
};

describe("practice session service", { timeout: 30_000 }, () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    // The services use the process-wide client; point it at this test's database.
    (globalThis as { reachableDb?: Db }).reachableDb = temp.db;
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    delete (globalThis as { reachableDb?: Db }).reachableDb;
    await temp.dispose();
  });

  async function onScreen() {
    const active = await loadActivePractice(learnerId);
    if (!active.ok || active.value === null) throw new Error("no running practice session");
    const attempt = currentPracticeAttempt(active.value.snapshot.context);
    const generated = questionFromId(attempt?.questionId ?? "");
    if (!generated.ok) throw new Error("the session's question does not generate");
    return { sessionId: active.value.session.id, question: generated.question };
  }

  it("grades a miss with the whole feedback in one reply, logs it, and offers its concept as a review card", async () => {
    const started = await startPractice(learnerId, everything, t0);
    if (!started.ok) throw new Error(started.error);
    const { sessionId, question } = await onScreen();
    // The start's reply shows the first question as a reload would (one request), redacted before the answer.
    const startedView = await practiceView(learnerId, started.value.active);
    const stored = await loadActivePractice(learnerId);
    if (!stored.ok || stored.value === null) throw new Error("no running practice session");
    expect(startedView).toEqual(await practiceView(learnerId, stored.value));
    expect(startedView.sessionId).toBe(sessionId);
    expect(startedView.answered).toBeNull();
    expect(JSON.stringify(startedView)).not.toContain(question.explanation.summary);
    const wrong = wrongResponse(question);
    const answered = await answerPractice(learnerId, sessionId, question.id, wrong, at(20));
    if (!answered.ok) throw new Error(answered.error);
    expect(answered.value.correct).toBe(false);
    expect(answered.value.feedback.key).toEqual([...question.answer]);
    expect(answered.value.feedback.solution?.summary).toBe(question.explanation.summary);

    const attempts = await temp.db.attempt.findMany({ where: { learnerId } });
    expect(attempts.map((row) => [row.questionId, row.correct, row.durationMs])).toEqual([
      [question.id, false, 20_000],
    ]);
    const cards = await temp.db.srsCard.findMany({ where: { learnerId } });
    expect(cards.map((card) => [card.skillId, card.source])).toEqual([[question.concepts[0], "practice"]]);

    const again = await answerPractice(learnerId, sessionId, question.id, wrong, at(21));
    expect(again).toMatchObject({ ok: false, status: 409 });
  });

  it("moves to a new question, then finishes with a summary that blames only the missed question's concept", async () => {
    await startPractice(learnerId, everything, t0);
    const first = await onScreen();
    await answerPractice(learnerId, first.sessionId, first.question.id, wrongResponse(first.question), at(5));
    const moved = await nextPractice(learnerId, first.sessionId, at(6));
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.value.finished).toBe(false);
    const second = await onScreen();
    expect(second.question.id).not.toBe(first.question.id);
    expect(second.question.stem).not.toBe(first.question.stem);
    // The reply to "next" carries the next question as the page shows it: sealed id, no key, no explanation.
    const view = await practiceView(learnerId, moved.value.active);
    expect(
      openQuestionId(view.questionId, { kind: "practice", sessionId: second.sessionId, learnerId }),
    ).toEqual({ ok: true, questionId: second.question.id });
    expect(view.stem).toBe(second.question.stem);
    expect(view.options.map((option) => option.id)).toEqual(second.question.options.map((o) => o.id));
    expect(view.progress).toEqual({ number: 2, limit: 2, right: 0, answered: 1 });
    expect(view.answered).toBeNull();
    const sent = JSON.stringify(view);
    expect(sent).not.toContain(second.question.id);
    expect(sent).not.toContain(second.question.explanation.summary);
    expect(sent).not.toContain('"answer"');
    await answerPractice(learnerId, second.sessionId, second.question.id, [...second.question.answer], at(9));
    const done = await nextPractice(learnerId, second.sessionId, at(10));
    expect(done).toMatchObject({ ok: true, value: { finished: true } });

    const session = await findSession(temp.db, learnerId, first.sessionId);
    const result = session?.result as {
      summary: { graded: number; correct: number; byConcept: { concept: string; wrong: number }[] };
    };
    expect(result.summary).toMatchObject({ graded: 2, correct: 1 });
    const blamed = result.summary.byConcept.filter((score) => score.wrong > 0).map((score) => score.concept);
    expect(blamed).toEqual([first.question.concepts[0]]);
  });

  it("finishing before any answer replies with an object and stores an empty summary", async () => {
    await startPractice(learnerId, everything, t0);
    const { sessionId } = await onScreen();
    await expect(finishPractice(learnerId, sessionId, at(3))).resolves.toEqual({
      ok: true,
      value: { finished: true },
    });
    const session = await findSession(temp.db, learnerId, sessionId);
    expect(session?.status).toBe("finished");
    expect(session?.result).toMatchObject({
      summary: { graded: 0, correct: 0, byConcept: [], toReview: [] },
    });
    await expect(loadActivePractice(learnerId)).resolves.toEqual({ ok: true, value: null });
    await expect(answerPractice(learnerId, sessionId, "x.1.1", ["a"], at(4))).resolves.toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it("keeps to the chosen topic", async () => {
    await startPractice(
      learnerId,
      { ...everything, everything: false, conceptGroups: ["flow-logs"], questionLimit: 4, adaptive: false },
      t0,
    );
    for (let n = 0; n < 4; n += 1) {
      const { sessionId, question } = await onScreen();
      expect(question.concepts.some((concept) => groupOf.get(concept) === "flow-logs")).toBe(true);
      await answerPractice(learnerId, sessionId, question.id, wrongResponse(question), at(n * 10 + 1));
      await nextPractice(learnerId, sessionId, at(n * 10 + 2));
    }
  });

  it("refuses a short pick of a (Choose two.) question with a 400 naming response, and grades nothing", async () => {
    // concept-check at level 3 serves a "(Choose two.)" item for a share of seeds: answer until one shows.
    await startPractice(
      learnerId,
      {
        ...everything,
        everything: false,
        families: ["concept-check"],
        difficulties: [3],
        questionLimit: 100,
        adaptive: false,
      },
      t0,
    );
    let shown = await onScreen();
    for (let n = 0; n < 80 && shown.question.multiSelect !== true; n += 1) {
      await answerPractice(
        learnerId,
        shown.sessionId,
        shown.question.id,
        wrongResponse(shown.question),
        at(n),
      );
      await nextPractice(learnerId, shown.sessionId, at(n));
      shown = await onScreen();
    }
    const { sessionId, question } = shown;
    expect(question.stem).toMatch(/\(Choose two\.\)$/);
    const before = await temp.db.attempt.count({ where: { learnerId } });
    const one = await answerPractice(learnerId, sessionId, question.id, [question.answer[0] ?? ""], at(200));
    expect(one).toEqual({
      ok: false,
      status: 400,
      error: "response: This question asks for two answers; you chose one.",
    });
    const none = await answerPractice(learnerId, sessionId, question.id, [], at(201));
    expect(none).toMatchObject({ ok: false, status: 400, error: "response: Choose an answer first." });
    await expect(temp.db.attempt.count({ where: { learnerId } })).resolves.toBe(before);
    // Still on screen and unanswered: the two keys are graded right.
    const both = await answerPractice(learnerId, sessionId, question.id, [...question.answer], at(202));
    expect(both).toMatchObject({ ok: true, value: { correct: true } });
  });

  it("refuses settings that select nothing, naming the field for the API", async () => {
    const refused = await startPractice(
      learnerId,
      { ...everything, everything: false, families: ["no-such-family"] },
      t0,
    );
    expect(refused).toMatchObject({
      ok: false,
      status: 400,
      error: expect.stringContaining("settings.selection") as unknown,
    });
  });
});
