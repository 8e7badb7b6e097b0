import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAttempt } from "../../lib/db/attempts";
import {
  addBookmark,
  answeredQuestionIds,
  isBookmarked,
  listBookmarks,
  removeBookmark,
} from "../../lib/db/bookmarks";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const mark = (questionId: string, context = "practice:s1") => {
  const [family = "", seed = "0", difficulty = "1"] = questionId.split(".");
  return { questionId, family, seed: Number(seed), difficulty: Number(difficulty), context };
};

describe("bookmarks", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  let otherId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    otherId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("collects questions from different sessions, newest first, each once", async () => {
    await addBookmark(temp.db, learnerId, mark("fam-a.1.1", "practice:s1"), t0);
    await addBookmark(temp.db, learnerId, mark("fam-b.2.2", "exam:s2"), later(1000));
    await addBookmark(temp.db, learnerId, mark("fam-a.1.1", "exam:s3"), later(2000));
    const list = await listBookmarks(temp.db, learnerId);
    expect(list.map((b) => [b.questionId, b.context, b.createdAt.getTime()])).toEqual([
      ["fam-b.2.2", "exam:s2", later(1000).getTime()],
      ["fam-a.1.1", "practice:s1", t0.getTime()],
    ]);
    expect(list[0]).toMatchObject({ family: "fam-b", seed: 2, difficulty: 2 });
  });

  it("keeps each learner's bookmarks apart and removes one without touching the rest", async () => {
    await addBookmark(temp.db, learnerId, mark("fam-a.1.1"), t0);
    await addBookmark(temp.db, learnerId, mark("fam-b.2.2"), t0);
    await addBookmark(temp.db, otherId, mark("fam-a.1.1"), t0);
    await removeBookmark(temp.db, learnerId, "fam-a.1.1");
    await removeBookmark(temp.db, learnerId, "fam-a.1.1");
    expect(await isBookmarked(temp.db, learnerId, "fam-a.1.1")).toBe(false);
    expect(await isBookmarked(temp.db, learnerId, "fam-b.2.2")).toBe(true);
    expect(await isBookmarked(temp.db, otherId, "fam-a.1.1")).toBe(true);
  });

  it("tells which bookmarked questions the learner has answered", async () => {
    await recordAttempt(temp.db, learnerId, {
      questionId: "fam-a.1.1",
      family: "fam-a",
      seed: 1,
      difficulty: 1,
      response: ["a"],
      correct: false,
      score: 0,
      durationMs: 1000,
      context: "practice:s1",
      startedAt: t0,
      answeredAt: t0,
    });
    expect([...(await answeredQuestionIds(temp.db, learnerId, ["fam-a.1.1", "fam-b.2.2"]))]).toEqual([
      "fam-a.1.1",
    ]);
    expect((await answeredQuestionIds(temp.db, otherId, ["fam-a.1.1"])).size).toBe(0);
  });
});
