import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  listAttempts,
  listGradedAttempts,
  recordAttempt,
  recordAttempts,
  type AttemptRecord,
} from "../../lib/db/attempts";
import { findLearner, findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { MAX_RECORDED_DURATION_MS } from "../../lib/quiz/recorded-duration";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");

function attempt(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    questionId: "can-a-reach-c.17.2",
    family: "can-a-reach-c",
    seed: 17,
    difficulty: 2,
    response: ["b"],
    correct: true,
    score: 1,
    durationMs: 8200,
    context: "practice",
    startedAt: t0,
    answeredAt: new Date(t0.getTime() + 8200),
    ...overrides,
  };
}

describe("learners and attempts", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("binds one learner to one cookie token, and a new token to a new learner", async () => {
    const token = newLearnerToken();
    const first = await findOrCreateLearner(temp.db, token, t0);
    const again = await findOrCreateLearner(temp.db, token, new Date(t0.getTime() + 1000));
    const other = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    await expect(findLearner(temp.db, "never-issued")).resolves.toBeNull();
  });

  it("stores a duration longer than a day as a day: PostgreSQL's int4 column would refuse 25 days", async () => {
    const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    const month = 30 * 24 * 60 * 60 * 1000;
    await recordAttempt(temp.db, learner.id, attempt({ durationMs: month }));
    await recordAttempts(temp.db, [{ learnerId: learner.id, attempt: attempt({ durationMs: month }) }]);
    const stored = await listAttempts(temp.db, learner.id);
    expect(stored.map((row) => row.durationMs)).toEqual([MAX_RECORDED_DURATION_MS, MAX_RECORDED_DURATION_MS]);
  });

  it("does not store the raw token", async () => {
    const token = newLearnerToken();
    await findOrCreateLearner(temp.db, token, t0);
    const rows = await temp.db.learner.findMany();
    expect(rows.map((row) => row.tokenHash)).not.toContain(token);
  });

  it("reads back what it wrote, newest first", async () => {
    const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await recordAttempt(temp.db, learner.id, attempt());
    await recordAttempt(
      temp.db,
      learner.id,
      attempt({
        questionId: "filtering.3.1",
        family: "filtering",
        seed: 3,
        difficulty: 1,
        response: ["a", "c"],
        correct: false,
        score: 0.5,
        answeredAt: new Date(t0.getTime() + 60_000),
      }),
    );
    const rows = await listAttempts(temp.db, learner.id);
    expect(rows.map((row) => row.questionId)).toEqual(["filtering.3.1", "can-a-reach-c.17.2"]);
    expect(rows[0]).toMatchObject({ response: ["a", "c"], correct: false, score: 0.5, seed: 3 });
    expect(rows[1]?.answeredAt.toISOString()).toBe("2026-11-01T10:00:08.200Z");
  });

  it("keeps every try of a question as its own row, and filters by context", async () => {
    const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await recordAttempt(
      temp.db,
      learner.id,
      attempt({ context: "lesson:vpc-peering", response: ["c"], correct: false, score: 0 }),
    );
    await recordAttempt(
      temp.db,
      learner.id,
      attempt({ context: "lesson:vpc-peering", answeredAt: new Date(t0.getTime() + 20_000) }),
    );
    await recordAttempt(temp.db, learner.id, attempt({ questionId: "hybrid.1.1", context: "practice:s1" }));
    const lessonRows = await listAttempts(temp.db, learner.id, { contextPrefix: "lesson:" });
    expect(lessonRows.map((row) => row.correct)).toEqual([true, false]);
    await expect(listAttempts(temp.db, learner.id)).resolves.toHaveLength(3);
  });

  it("keeps learners' attempts apart", async () => {
    const a = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    const b = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await recordAttempt(temp.db, a.id, attempt());
    await expect(listAttempts(temp.db, b.id)).resolves.toEqual([]);
  });

  it("keeps the question's concepts with the answer, and reads null for a row written without them", async () => {
    const learner = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await recordAttempt(temp.db, learner.id, attempt({ concepts: ["P3", "P4"] }));
    await recordAttempt(
      temp.db,
      learner.id,
      attempt({ questionId: "hybrid.1.1", answeredAt: new Date(t0.getTime() + 60_000) }),
    );
    const rows = await listGradedAttempts(temp.db, learner.id, { limit: 10 });
    expect(rows.map((row) => [row.questionId, row.concepts])).toEqual([
      ["hybrid.1.1", null],
      ["can-a-reach-c.17.2", ["P3", "P4"]],
    ]);
    await expect(listGradedAttempts(temp.db, learner.id, { limit: 1 })).resolves.toHaveLength(1);
  });
});
