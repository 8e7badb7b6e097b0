// The view the practice page notes for Back after an answer (app/practice/answered-view.ts) must be the view the
// server renders for that question after a reload: the feedback with it and the answer counted once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answeredView } from "../../app/practice/answered-view";
import {
  answerPractice,
  loadActivePractice,
  nextPractice,
  startPractice,
} from "../../app/practice/practice-session";
import { practiceView, type PracticeView } from "../../app/practice/practice-view";
import type { Db } from "../../lib/db/client";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { currentPracticeAttempt } from "../../lib/quiz/practice-machine";
import { questionFromId } from "../../lib/scenario/generate";
import { createTempDb } from "../db/support/temp-db";
import { wrongResponse } from "../e2e/support/practice-choice";

const t0 = new Date("2026-11-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const settings = {
  everything: true,
  conceptGroups: [],
  families: [],
  difficulties: [],
  questionLimit: 3,
  adaptive: false,
};

/** The sealed id is new at each render; everything else must match. */
const unsealed = (view: PracticeView) => ({ ...view, questionId: "" });

describe("the practice view noted after an answer", { timeout: 30_000 }, () => {
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

  async function rendered(): Promise<PracticeView> {
    const active = await loadActivePractice(learnerId);
    if (!active.ok || active.value === null) throw new Error("no running practice session");
    return practiceView(learnerId, active.value);
  }

  async function questionOnScreen() {
    const active = await loadActivePractice(learnerId);
    if (!active.ok || active.value === null) throw new Error("no running practice session");
    const generated = questionFromId(currentPracticeAttempt(active.value.snapshot.context)?.questionId ?? "");
    if (!generated.ok) throw new Error("the session's question does not generate");
    return { sessionId: active.value.session.id, question: generated.question };
  }

  it("equals the server's render after a right answer and after a wrong one, counting each answer once", async () => {
    const started = await startPractice(learnerId, settings, t0);
    if (!started.ok) throw new Error(started.error);
    for (const [step, right] of [
      [1, true],
      [2, false],
    ] as const) {
      const before = await rendered();
      const { sessionId, question } = await questionOnScreen();
      const pick = right ? [...question.answer] : wrongResponse(question);
      const answered = await answerPractice(learnerId, sessionId, question.id, pick, at(step * 10));
      if (!answered.ok) throw new Error(answered.error);
      const noted = answeredView(before, answered.value.feedback);
      const after = await rendered();
      expect(unsealed(noted)).toEqual(unsealed(after));
      expect(noted.progress.answered).toBe(step);
      // Noting the same answer again changes nothing.
      expect(unsealed(answeredView(noted, answered.value.feedback))).toEqual(unsealed(after));
      const moved = await nextPractice(learnerId, sessionId, at(step * 10 + 1));
      if (!moved.ok) throw new Error(moved.error);
    }
  });
});
