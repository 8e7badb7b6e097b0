import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAttempt } from "../../lib/db/attempts";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { lessonProgress, markLessonRead } from "../../lib/db/lessons";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-02T09:00:00Z");

describe("lesson progress", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("counts a lesson read once and distinct questions answered right in that lesson", async () => {
    const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await markLessonRead(temp.db, learner.id, "vpc-peering", t0);
    await markLessonRead(temp.db, learner.id, "vpc-peering", new Date(t0.getTime() + 5000));
    const base = {
      family: "concept-check",
      difficulty: 1,
      durationMs: 1000,
      startedAt: t0,
      answeredAt: t0,
    } as const;
    await recordAttempt(temp.db, learner.id, {
      ...base,
      questionId: "concept-check.1.1",
      seed: 1,
      response: ["a"],
      correct: false,
      score: 0,
      context: "lesson:vpc-peering",
    });
    await recordAttempt(temp.db, learner.id, {
      ...base,
      questionId: "concept-check.1.1",
      seed: 1,
      response: ["b"],
      correct: true,
      score: 1,
      context: "lesson:vpc-peering",
    });
    await recordAttempt(temp.db, learner.id, {
      ...base,
      questionId: "concept-check.1.1",
      seed: 1,
      response: ["b"],
      correct: true,
      score: 1,
      context: "lesson:vpc-peering",
    });
    await recordAttempt(temp.db, learner.id, {
      ...base,
      questionId: "concept-check.2.1",
      seed: 2,
      response: ["c"],
      correct: true,
      score: 1,
      context: "practice:x",
    });
    const progress = await lessonProgress(temp.db, learner.id, ["vpc-peering", "gateway-endpoints"]);
    expect(progress).toEqual([
      { slug: "vpc-peering", read: true, questionsRight: 1 },
      { slug: "gateway-endpoints", read: false, questionsRight: 0 },
    ]);
    const reads = await temp.db.lessonRead.findMany();
    expect(reads).toHaveLength(1);
    expect(reads[0]?.readAt.toISOString()).toBe(t0.toISOString());
  });
});
