import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LEARNER_COOKIE } from "../../app/learner-cookie";
import { ON_SCREEN_COOKIE } from "../../app/review/on-screen";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { ensureCards, findCard, listReviewLog, saveReview } from "../../lib/db/srs";
import { DEFAULT_SRS_SETTINGS, reviewCard, toSkillId } from "../../lib/srs/index";
import { createTempDb } from "../db/support/temp-db";

// Undo on the review page: the cookie that keeps the answered card on screen is dropped only once the server
// has saved the undo. A refused undo (nothing to undo, a server error) leaves it, so the page still shows the
// answered card and its Undo.

const jar = vi.hoisted(() => ({
  values: new Map<string, string>(),
  deleted: [] as unknown[],
}));
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (jar.values.has(name) ? { name, value: jar.values.get(name) } : undefined),
      delete: (options: { name: string }) => {
        jar.deleted.push(options);
        jar.values.delete(options.name);
      },
    }),
}));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;
const { undoAndShow } = await import("../../app/review/actions");

const P3 = toSkillId("P3");
const t0 = new Date("2026-11-01T10:00:00Z");

afterAll(async () => {
  await temp.dispose();
});

beforeEach(() => {
  jar.values.clear();
  jar.deleted.length = 0;
  jar.values.set(ON_SCREEN_COOKIE, "P3%7Cq_sealed%7Ca");
});

async function learnerWithOneReview(): Promise<string> {
  const token = newLearnerToken();
  jar.values.set(LEARNER_COOKIE, token);
  const learnerId = (await findOrCreateLearner(temp.db, token, t0)).id;
  await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
  const card = await findCard(temp.db, learnerId, P3);
  if (!card) throw new Error("no card");
  const reviewed = reviewCard(card, "good", t0, DEFAULT_SRS_SETTINGS, {
    timeTakenMs: 4000,
    questionSeed: "concept-check.1.1",
    correct: true,
  });
  if (!reviewed.ok) throw new Error("review failed");
  await saveReview(temp.db, { ...reviewed.value, questionId: "concept-check.1.1" });
  return learnerId;
}

describe("undoAndShow", () => {
  it("drops the on-screen cookie once the undo is saved", async () => {
    const learnerId = await learnerWithOneReview();
    expect(await undoAndShow()).toEqual({ ok: true });
    expect(await listReviewLog(temp.db, learnerId)).toHaveLength(0);
    expect(jar.deleted).toEqual([{ name: ON_SCREEN_COOKIE, path: "/review" }]);
  });

  it("keeps it when the server refuses the undo (nothing left to undo), with a message naming why", async () => {
    await learnerWithOneReview();
    expect((await undoAndShow()).ok).toBe(true);
    jar.values.set(ON_SCREEN_COOKIE, "P3%7Cq_sealed%7Ca");
    jar.deleted.length = 0;
    const refused = await undoAndShow();
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("no review to undo") as unknown });
    expect(jar.deleted).toEqual([]);
    expect(jar.values.has(ON_SCREEN_COOKIE)).toBe(true);
  });

  it("keeps it when saving the undo fails on the server", async () => {
    jar.values.set(LEARNER_COOKIE, newLearnerToken());
    const failing = vi.spyOn(temp.db.srsReview, "findFirst").mockRejectedValueOnce(new Error("disk full"));
    const failed = await undoAndShow();
    failing.mockRestore();
    expect(failed).toEqual({ ok: false, error: "the server could not save this; try again" });
    expect(jar.deleted).toEqual([]);
  });
});
