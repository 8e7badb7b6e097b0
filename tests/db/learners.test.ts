import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateLearner, learnerIdForToken, viewLearner } from "../../lib/db/learners";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");

describe("learners written on the first write", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("a read for a new token writes no row and shows the id the first write then creates", async () => {
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) => viewLearner(temp.db, `token-${i}`, t0)),
    );
    expect(await temp.db.learner.count()).toBe(0);
    const created = await findOrCreateLearner(temp.db, "token-3", t0);
    expect(created.id).toBe(seen[3]?.id);
    expect(created.id).toBe(learnerIdForToken("token-3"));
    expect(await temp.db.learner.count()).toBe(1);
    expect((await viewLearner(temp.db, "token-3", t0)).id).toBe(created.id);
  });

  it("stores only a hash of the token", async () => {
    await findOrCreateLearner(temp.db, "l1.some-secret-token-value", t0);
    const rows = await temp.db.learner.findMany();
    expect(JSON.stringify(rows)).not.toContain("some-secret-token-value");
  });
});
