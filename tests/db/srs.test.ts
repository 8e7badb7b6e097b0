import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import {
  enrolQuestionConcepts,
  ensureCards,
  findCard,
  listCards,
  listGradedReviews,
  listReviewLog,
  loadDeck,
  loadFsrsFit,
  loadSrsSettings,
  replaceDeck,
  resetFsrsParameters,
  saveFsrsParameters,
  replaceLatestReview,
  saveReview,
  saveSrsSettings,
  setCardSuspended,
  undoLatestReview,
} from "../../lib/db/srs";
import { rerateReview } from "../../lib/review/index";
import {
  buildQueue,
  DEFAULT_SRS_SETTINGS,
  exportDeck,
  importDeck,
  reviewCard,
  serializeDeck,
  toSkillId,
  type ReviewRating,
  type SrsCard,
} from "../../lib/srs/index";
import { MAX_RECORDED_DURATION_MS } from "../../lib/quiz/recorded-duration";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const P3 = toSkillId("P3");
const E1 = toSkillId("E1");
const HOUR = 3_600_000;

describe("lib/db/srs", () => {
  let temp: ReturnType<typeof createTempDb>;
  let learnerId: string;
  beforeEach(async () => {
    temp = createTempDb();
    learnerId = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  async function review(
    skillId = P3,
    rating: ReviewRating = "good",
    at = t0,
    seed = `concept-check.${at.getTime() % 1000}.1`,
  ) {
    const card = await findCard(temp.db, learnerId, skillId);
    if (!card) throw new Error("no card");
    const reviewed = reviewCard(card, rating, at, DEFAULT_SRS_SETTINGS, {
      timeTakenMs: 4000,
      questionSeed: seed,
      correct: rating !== "again",
    });
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.issues));
    return saveReview(temp.db, { ...reviewed.value, questionId: seed });
  }

  it("enrols one card per skill and keeps where the learner first met it", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const again = await ensureCards(temp.db, learnerId, [P3, E1], "manual", new Date(t0.getTime() + HOUR));
    expect(again.created).toEqual([E1]);
    const cards = await listCards(temp.db, learnerId);
    expect(cards.map((card) => [card.skillId, card.source])).toEqual([
      ["P3", "lesson"],
      ["E1", "manual"],
    ]);
  });

  it("enrols a question's concepts and skips IDs that are not concepts", async () => {
    const { created } = await enrolQuestionConcepts(
      temp.db,
      learnerId,
      ["P3", "not-a-concept", "E1"],
      "lesson",
      t0,
    );
    expect(created).toEqual([P3, E1]);
    expect(
      (await listCards(temp.db, learnerId)).every((card) => card.state === "new" && card.source === "lesson"),
    ).toBe(true);
  });

  it("writes the card and its log row together, and reads them back as the domain types", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const stored = await review(P3, "good", t0, "concept-check.42.1");
    const { cards, log } = await loadDeck(temp.db, learnerId);
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual(stored);
    expect(log[0]?.questionId).toBe("concept-check.42.1");
    expect(cards[0]?.reps).toBe(1);
    expect(cards[0]?.lastReview).toBe(t0.toISOString());
    expect(cards[0]?.due).toBe(stored.nextDue);
  });

  it("stores a review's time taken past a day as a day: PostgreSQL's int4 column would refuse 25 days", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const card = (await findCard(temp.db, learnerId, P3)) as SrsCard;
    const reviewed = reviewCard(card, "good", t0, DEFAULT_SRS_SETTINGS, {
      timeTakenMs: 1,
      questionSeed: "x",
      correct: true,
    });
    if (!reviewed.ok) throw new Error("review failed");
    // Past the review's own cap: the write itself keeps the column in range.
    const entry = { ...reviewed.value.entry, timeTakenMs: 30 * 24 * HOUR };
    await saveReview(temp.db, { card: reviewed.value.card, entry, questionId: "x" });
    expect((await listReviewLog(temp.db, learnerId)).map((row) => row.timeTakenMs)).toEqual([
      MAX_RECORDED_DURATION_MS,
    ]);
  });

  it("writes neither the card nor the row when the row cannot be written", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const card = (await findCard(temp.db, learnerId, P3)) as SrsCard;
    const reviewed = reviewCard(card, "good", t0, DEFAULT_SRS_SETTINGS, {
      timeTakenMs: 1,
      questionSeed: "x",
      correct: true,
    });
    if (!reviewed.ok) throw new Error("review failed");
    // A row for a learner that does not exist breaks its foreign key: the card update must roll back with it.
    const entry = { ...reviewed.value.entry, learnerId: "nobody" };
    await expect(
      saveReview(temp.db, { card: reviewed.value.card, entry, questionId: "x" }),
    ).rejects.toThrow();
    expect((await findCard(temp.db, learnerId, P3))?.reps).toBe(0);
    expect(await listReviewLog(temp.db, learnerId)).toHaveLength(0);
  });

  it("undo marks the row undone, restores the card, and the queue ignores the undone row", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const before = await findCard(temp.db, learnerId, P3);
    const stored = await review(P3, "good", t0);
    const settings = { ...DEFAULT_SRS_SETTINGS, newCardsPerDay: 1 };
    const reviewedDeck = await loadDeck(temp.db, learnerId);
    expect(buildQueue(reviewedDeck.cards, reviewedDeck.log, t0, settings).counts.newToday).toBe(1);

    const undone = await undoLatestReview(temp.db, learnerId, new Date(t0.getTime() + 1000));
    expect(undone.ok).toBe(true);
    expect(await findCard(temp.db, learnerId, P3)).toEqual(before);
    const raw = await temp.db.srsReview.findUnique({ where: { id: stored.id } });
    expect(raw?.undoneAt?.toISOString()).toBe(new Date(t0.getTime() + 1000).toISOString());
    const deck = await loadDeck(temp.db, learnerId);
    expect(deck.log).toHaveLength(0);
    const queue = buildQueue(deck.cards, deck.log, t0, settings);
    expect(queue.counts.newToday).toBe(0);
    expect(queue.fresh.map((card) => card.skillId)).toEqual([P3]);
  });

  it("keeps the question's concepts with a review, and reads the newest reviews that are not undone", async () => {
    await ensureCards(temp.db, learnerId, [P3, E1], "lesson", t0);
    const card = await findCard(temp.db, learnerId, P3);
    if (!card) throw new Error("no card");
    const reviewed = reviewCard(card, "good", t0, DEFAULT_SRS_SETTINGS, {
      timeTakenMs: 4000,
      questionSeed: "can-a-reach-c.5.2",
      correct: true,
    });
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.issues));
    await saveReview(temp.db, { ...reviewed.value, questionId: "can-a-reach-c.5.2", concepts: ["P3", "P4"] });
    await review(E1, "again", new Date(t0.getTime() + 60_000));
    expect(
      (await listGradedReviews(temp.db, learnerId, { limit: 10 })).map((row) => [row.skillId, row.concepts]),
    ).toEqual([
      [E1, null],
      [P3, ["P3", "P4"]],
    ]);
    await undoLatestReview(temp.db, learnerId, new Date(t0.getTime() + 120_000));
    expect((await listGradedReviews(temp.db, learnerId, { limit: 10 })).map((row) => row.skillId)).toEqual([
      P3,
    ]);
  });

  it("undo takes back reviews newest first across cards, then reports nothing left", async () => {
    await ensureCards(temp.db, learnerId, [P3, E1], "lesson", t0);
    await review(P3, "good", t0);
    await review(E1, "again", new Date(t0.getTime() + 60_000));
    const first = await undoLatestReview(temp.db, learnerId, new Date(t0.getTime() + 120_000));
    expect(first.ok && first.value.card.skillId).toBe(E1);
    const second = await undoLatestReview(temp.db, learnerId, new Date(t0.getTime() + 120_000));
    expect(second.ok && second.value.card.skillId).toBe(P3);
    const third = await undoLatestReview(temp.db, learnerId, new Date(t0.getTime() + 120_000));
    expect(third.ok).toBe(false);
    expect((await listCards(temp.db, learnerId)).every((card) => card.reps === 0)).toBe(true);
  });

  it("re-rating replaces the automatic Good with Easy: one live row, the old one undone", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const good = await review(P3, "good", t0, "concept-check.7.1");
    const card = (await findCard(temp.db, learnerId, P3)) as SrsCard;
    const rerated = rerateReview(
      card,
      await listReviewLog(temp.db, learnerId, P3),
      "easy",
      DEFAULT_SRS_SETTINGS,
      "concept-check.7.1",
    );
    if (!rerated.ok) throw new Error(JSON.stringify(rerated.issues));
    await replaceLatestReview(
      temp.db,
      good,
      { card: rerated.value.card, entry: rerated.value.entry, questionId: good.questionId },
      t0,
    );
    const log = await listReviewLog(temp.db, learnerId);
    expect(log.map((entry) => entry.rating)).toEqual(["easy"]);
    expect(await temp.db.srsReview.count()).toBe(2);
    expect(Date.parse((await findCard(temp.db, learnerId, P3))?.due ?? "")).toBeGreaterThan(
      Date.parse(good.nextDue),
    );
  });

  it("suspends and unsuspends a card, and refuses a card the learner does not have", async () => {
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    expect((await setCardSuspended(temp.db, learnerId, P3, true)).ok).toBe(true);
    const deck = await loadDeck(temp.db, learnerId);
    expect(buildQueue(deck.cards, deck.log, t0, DEFAULT_SRS_SETTINGS).fresh).toHaveLength(0);
    expect(
      (await setCardSuspended(temp.db, learnerId, P3, false)).ok &&
        (await findCard(temp.db, learnerId, P3))?.suspended,
    ).toBe(false);
    const missing = await setCardSuspended(temp.db, learnerId, E1, true);
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.path)).toEqual([["skillId"]]);
  });

  it("settings default until saved, then round-trip", async () => {
    expect(await loadSrsSettings(temp.db, learnerId)).toEqual(DEFAULT_SRS_SETTINGS);
    const mine = {
      ...DEFAULT_SRS_SETTINGS,
      desiredRetention: 0.85,
      newCardsPerDay: 5,
      maximumIntervalDays: 90,
    };
    await saveSrsSettings(temp.db, learnerId, mine);
    expect(await loadSrsSettings(temp.db, learnerId)).toEqual(mine);
  });

  it("stores fitted parameters and their fit, keeps them through a settings save, and resets to defaults", async () => {
    const fitted = default_w.map((w, index) => (index < 4 ? w * 2 : w));
    const fit = {
      fittedAt: t0.toISOString(),
      reviews: 420,
      before: { logLoss: 0.4, rmse: 0.06 },
      after: { logLoss: 0.3, rmse: 0.04 },
    };
    expect(await loadFsrsFit(temp.db, learnerId)).toBeUndefined();
    await saveFsrsParameters(temp.db, learnerId, fitted, fit);
    expect(await loadFsrsFit(temp.db, learnerId)).toEqual(fit);
    // A fit scored on held-out reviews keeps how many it trained and scored on (older fits have neither).
    const heldOutFit = { ...fit, heldOut: { trainReviews: 336, testReviews: 84 } };
    await saveFsrsParameters(temp.db, learnerId, fitted, heldOutFit);
    expect(await loadFsrsFit(temp.db, learnerId)).toEqual(heldOutFit);
    // Saving without settings first keeps the default settings beside the parameters.
    expect(await loadSrsSettings(temp.db, learnerId)).toEqual({
      ...DEFAULT_SRS_SETTINGS,
      fsrsParameters: fitted,
    });
    // The settings form does not send parameters: saving it must not drop the fitted ones.
    await saveSrsSettings(temp.db, learnerId, { ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.85 });
    expect((await loadSrsSettings(temp.db, learnerId)).fsrsParameters).toEqual(fitted);

    // A review scheduled with them logs them, so the log still replays to the card.
    await ensureCards(temp.db, learnerId, [P3], "lesson", t0);
    const card = await findCard(temp.db, learnerId, P3);
    if (!card) throw new Error("no card");
    const settings = await loadSrsSettings(temp.db, learnerId);
    const reviewed = reviewCard(card, "easy", t0, settings, {
      timeTakenMs: 1,
      questionSeed: "s",
      correct: true,
    });
    if (!reviewed.ok) throw new Error("review refused");
    await saveReview(temp.db, { ...reviewed.value, questionId: "concept-check.1.1" });
    const [stored] = await listReviewLog(temp.db, learnerId);
    expect(stored?.fsrsParameters).toEqual(fitted);

    await resetFsrsParameters(temp.db, learnerId);
    expect(await loadFsrsFit(temp.db, learnerId)).toBeUndefined();
    expect(await loadSrsSettings(temp.db, learnerId)).toEqual({
      ...DEFAULT_SRS_SETTINGS,
      desiredRetention: 0.85,
    });
  });

  it("an exported deck imported by another learner schedules the same", async () => {
    await ensureCards(temp.db, learnerId, [P3, E1], "lesson", t0);
    await review(P3, "good", t0);
    await review(P3, "again", new Date(t0.getTime() + 2 * 24 * HOUR));
    await review(E1, "easy", new Date(t0.getTime() + HOUR));
    await undoLatestReview(temp.db, learnerId, t0); // the undone P3 "again" must not travel
    const { cards, log } = await loadDeck(temp.db, learnerId);
    const text = serializeDeck(
      exportDeck(
        learnerId,
        cards,
        log.map(({ id: _id, questionId: _q, ...entry }) => entry),
        t0,
      ),
    );
    const parsed = importDeck(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value.log).toHaveLength(2);

    const other = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    await ensureCards(temp.db, other, [toSkillId("S1")], "manual", t0);
    expect(await replaceDeck(temp.db, other, parsed.value)).toEqual({ cards: 2, reviews: 2 });
    const imported = await loadDeck(temp.db, other);
    const later = new Date(t0.getTime() + 30 * 24 * HOUR);
    const schedule = (deck: { cards: SrsCard[] }) => deck.cards.map(({ learnerId: _l, ...rest }) => rest);
    expect(schedule(imported)).toEqual(schedule({ cards }));
    expect(
      buildQueue(imported.cards, imported.log, later, DEFAULT_SRS_SETTINGS).due.map((card) => card.skillId),
    ).toEqual(buildQueue(cards, log, later, DEFAULT_SRS_SETTINGS).due.map((card) => card.skillId));
  });
});
