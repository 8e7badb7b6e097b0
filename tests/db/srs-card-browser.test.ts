import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import {
  ensureCards,
  findCard,
  listCardChanges,
  listReviewLog,
  loadDeck,
  manageCard,
  replaceDeck,
  saveReview,
} from "../../lib/db/srs";
import {
  buildQueue,
  DEFAULT_SRS_SETTINGS,
  exportDeck,
  importDeck,
  reviewCard,
  serializeDeck,
  toSkillId,
  type SrsCard,
} from "../../lib/srs/index";
import { createTempDb } from "./support/temp-db";

// The clock is injected: every action gets its `now`.
const t0 = new Date("2026-11-01T10:00:00Z");
const P3 = toSkillId("P3");
const MINUTE = 60_000;

describe("card browser actions in lib/db/srs", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    await ensureCards(temp.db, learnerId, [P3], "manual", t0);
  });
  afterEach(async () => {
    await temp.dispose();
  });

  async function card(): Promise<SrsCard> {
    const found = await findCard(temp.db, learnerId, P3);
    if (!found) throw new Error("no card");
    return found;
  }

  async function reviewGood(at: Date, seed: string): Promise<void> {
    const reviewed = reviewCard(await card(), "good", at, DEFAULT_SRS_SETTINGS, {
      timeTakenMs: 1000,
      questionSeed: seed,
      correct: true,
    });
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.issues));
    await saveReview(temp.db, { ...reviewed.value, questionId: seed });
  }

  it("buries until the next day and suspends, each taking the card out of the queue and back", async () => {
    const queued = async (now: Date) => {
      const { cards, log } = await loadDeck(temp.db, learnerId);
      return buildQueue(cards, log, now, DEFAULT_SRS_SETTINGS).fresh.map((entry) => entry.skillId);
    };
    expect(await queued(t0)).toEqual(["P3"]);
    const buried = await manageCard(temp.db, await card(), { action: "bury" }, t0);
    expect(buried.ok && buried.value.buriedUntil).toBe("2026-11-02T00:00:00.000Z");
    expect(await queued(t0)).toEqual([]);
    expect(await queued(new Date("2026-11-02T00:00:00Z"))).toEqual(["P3"]);
    await manageCard(temp.db, await card(), { action: "unbury" }, t0);
    await manageCard(temp.db, await card(), { action: "suspend" }, t0);
    expect(await queued(t0)).toEqual([]);
    await manageCard(temp.db, await card(), { action: "unsuspend" }, t0);
    expect(await queued(t0)).toEqual(["P3"]);
  });

  it("logs forget and reschedule as changes, and the exported deck imports with the same schedule", async () => {
    await reviewGood(t0, "concept-check.1.1");
    await reviewGood(new Date(t0.getTime() + 10 * MINUTE), "concept-check.2.1");
    const later = new Date(t0.getTime() + 60 * MINUTE);
    const moved = await manageCard(
      temp.db,
      await card(),
      { action: "reschedule", day: new Date("2026-11-20T12:00:00Z") },
      later,
    );
    expect(moved.ok && moved.value.due).toBe("2026-11-20T00:00:00.000Z");
    const forgotten = await manageCard(
      temp.db,
      await card(),
      { action: "forget" },
      new Date(later.getTime() + MINUTE),
    );
    expect(forgotten.ok && [forgotten.value.state, forgotten.value.reps]).toEqual(["new", 0]);
    const changes = await listCardChanges(temp.db, learnerId);
    expect(changes.map((change) => change.kind)).toEqual(["reschedule", "forget"]);

    const { cards, log } = await loadDeck(temp.db, learnerId);
    const entries = log.map(({ id: _id, questionId: _questionId, ...entry }) => entry);
    const imported = importDeck(serializeDeck(exportDeck(learnerId, cards, entries, later, changes)));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const other = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    await replaceDeck(temp.db, other, imported.value);
    expect((await findCard(temp.db, other, P3))?.state).toBe("new");
    expect(await listCardChanges(temp.db, other)).toHaveLength(2);
    expect(await listReviewLog(temp.db, other)).toHaveLength(2);
  });

  it("refuses to reschedule a new card and leaves it untouched", async () => {
    const refused = await manageCard(
      temp.db,
      await card(),
      { action: "reschedule", day: new Date("2026-11-20T12:00:00Z") },
      t0,
    );
    expect(refused.ok).toBe(false);
    expect((await card()).due).toBe(t0.toISOString());
    expect(await listCardChanges(temp.db, learnerId)).toEqual([]);
  });
});
