import { describe, expect, it } from "vitest";
import { setSuspended } from "../../lib/srs/card";
import { reviewCard } from "../../lib/srs/review-card";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, MINUTE, newCard, review, T0 } from "./fixtures";

const meta = { correct: true, timeTakenMs: 8_000, questionSeed: "q-42" };

describe("reviewing a card", () => {
  it("logs a time taken past a day as a day (a tab left open, not thinking time; the log column is int4)", () => {
    const reviewed = reviewCard(newCard("P3"), "good", T0, DEFAULT_SRS_SETTINGS, {
      ...meta,
      timeTakenMs: 30 * DAY,
    });
    expect(reviewed.ok && reviewed.value.entry.timeTakenMs).toBe(DAY);
  });

  it("sends a new card rated Again to the 1-minute learning step", () => {
    const { card } = review(newCard("P3"), "again", T0);
    expect(card.state).toBe("learning");
    expect(Date.parse(card.due) - T0.getTime()).toBe(1 * MINUTE);
    expect(card.reps).toBe(1);
    expect(card.lapses).toBe(0);
  });

  it("sends a new card rated Good to the 10-minute step, then graduates it to days", () => {
    const first = review(newCard("P3"), "good", T0).card;
    expect(first.state).toBe("learning");
    expect(Date.parse(first.due) - T0.getTime()).toBe(10 * MINUTE);

    const second = review(first, "good", new Date(first.due)).card;
    expect(second.state).toBe("review");
    expect(second.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(Date.parse(second.due) - Date.parse(first.due)).toBe(second.scheduledDays * DAY);
  });

  it("turns a lapse (Good, Good, then Again) into relearning with one lapse", () => {
    let card = review(newCard("P3"), "good", T0).card;
    card = review(card, "good", new Date(card.due)).card;
    const stabilityBefore = card.stability;
    const lapseAt = new Date(card.due);
    card = review(card, "again", lapseAt).card;
    expect(card.state).toBe("relearning");
    expect(card.lapses).toBe(1);
    expect(card.reps).toBe(3);
    expect(card.stability).toBeLessThan(stabilityBefore);
    expect(Date.parse(card.due) - lapseAt.getTime()).toBe(10 * MINUTE);
  });

  it("logs the pre-review state, seed, timing and predicted recall", () => {
    const learnt = review(review(newCard("E8"), "good", T0).card, "good", at(T0, 10 * MINUTE)).card;
    const reviewedAt = new Date(learnt.due);
    const { card, entry } = review(learnt, "good", reviewedAt, DEFAULT_SRS_SETTINGS, "seed-77");
    expect(entry).toMatchObject({
      learnerId: "learner-1",
      skillId: "E8",
      reviewedAt: reviewedAt.toISOString(),
      rating: "good",
      correct: true,
      questionSeed: "seed-77",
      timeTakenMs: 12_000,
      desiredRetention: 0.9,
      nextDue: card.due,
      before: {
        state: "review",
        due: learnt.due,
        reps: 2,
        lapses: 0,
        stability: learnt.stability,
        difficulty: learnt.difficulty,
      },
    });
    // Reviewed on its due date, FSRS predicts roughly the target retention.
    expect(entry.predictedRecall).toBeGreaterThan(0.85);
    expect(entry.predictedRecall).toBeLessThan(0.95);
  });

  it("predicts no recall for a card never reviewed", () => {
    expect(review(newCard("E8"), "good", T0).entry.predictedRecall).toBeNull();
  });

  it("schedules shorter intervals for a higher retention target", () => {
    const learn = (desiredRetention: number) => {
      const settings = { ...DEFAULT_SRS_SETTINGS, desiredRetention };
      const first = review(newCard("P1"), "good", T0, settings).card;
      const graduated = review(first, "good", new Date(first.due), settings).card;
      return review(graduated, "good", new Date(graduated.due), settings).card.scheduledDays;
    };
    expect(learn(0.97)).toBeLessThan(learn(0.8));
  });

  it("never schedules beyond the maximum interval", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS, maximumIntervalDays: 5 };
    let card = newCard("P1");
    let now = T0;
    for (let i = 0; i < 8; i += 1) {
      card = review(card, "easy", now, settings).card;
      expect(card.scheduledDays).toBeLessThanOrEqual(5);
      expect(Date.parse(card.due) - now.getTime()).toBeLessThanOrEqual(5 * DAY);
      now = new Date(card.due);
    }
  });

  it("refuses Hard for a wrong answer, naming the rating field", () => {
    const result = reviewCard(newCard("P3"), "hard", T0, DEFAULT_SRS_SETTINGS, { ...meta, correct: false });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: ["rating"], message: expect.stringContaining("again") as unknown }],
    });
  });

  it("refuses a suspended card and a clock that runs backwards", () => {
    const suspended = reviewCard(setSuspended(newCard("P3"), true), "good", T0, DEFAULT_SRS_SETTINGS, meta);
    expect(!suspended.ok && suspended.issues[0]?.path).toEqual(["card", "suspended"]);
    const reviewed = review(newCard("P3"), "good", T0).card;
    const backwards = reviewCard(reviewed, "good", at(T0, -MINUTE), DEFAULT_SRS_SETTINGS, meta);
    expect(!backwards.ok && backwards.issues[0]?.path).toEqual(["now"]);
  });

  it("gives the same schedule for the same inputs (fuzz is seeded, not random)", () => {
    const run = () => {
      let card = newCard("P2");
      let now = T0;
      for (const rating of ["good", "good", "good", "easy", "good"] as const) {
        card = review(card, rating, now).card;
        now = new Date(card.due);
      }
      return card.due;
    };
    expect(run()).toBe(run());
  });
});
