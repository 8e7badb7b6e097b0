import { describe, expect, it } from "vitest";
import { scheduleOf, setSuspended, type CardState, type SrsCard } from "../../lib/srs/card";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { toSkillId } from "../../lib/srs/skill-id";
import { countReviewsPerDay, findWeakestConcepts, forecastDue, measureRetention } from "../../lib/srs/stats";
import { at, DAY, newCard, review, T0 } from "./fixtures";

function entry(reviewedAt: string, state: CardState, correct: boolean): ReviewLogEntry {
  const before = { ...scheduleOf(newCard("P1")), state };
  return {
    learnerId: "learner-1",
    skillId: toSkillId("P1"),
    reviewedAt,
    rating: correct ? "good" : "again",
    correct,
    timeTakenMs: 1000,
    questionSeed: "s",
    predictedRecall: state === "new" ? null : 0.9,
    desiredRetention: 0.9,
    maximumIntervalDays: 365,
    before,
    nextDue: reviewedAt,
  };
}

// T0 is 2026-03-02T09:00Z. Reviews on 28 Feb, 1 Mar and 2 Mar; one very old one outside any window.
const LOG: ReviewLogEntry[] = [
  entry("2026-01-10T10:00:00.000Z", "review", false),
  entry("2026-02-28T08:00:00.000Z", "new", true),
  entry("2026-02-28T08:10:00.000Z", "learning", true),
  entry("2026-03-01T12:00:00.000Z", "review", true),
  entry("2026-03-01T12:05:00.000Z", "review", false),
  entry("2026-03-01T12:06:00.000Z", "relearning", true),
  entry("2026-03-02T07:00:00.000Z", "review", true),
  entry("2026-03-02T07:01:00.000Z", "review", true),
];

function reviewCardDue(id: string, due: Date, suspended = false): SrsCard {
  const first = review(newCard(id), "good", T0).card;
  const graduated = review(first, "good", new Date(first.due)).card;
  return setSuspended({ ...graduated, due: due.toISOString() }, suspended);
}

describe("review statistics", () => {
  it("counts reviews and correct answers per day, oldest first, empty days included", () => {
    expect(countReviewsPerDay(LOG, T0, 4, DEFAULT_SRS_SETTINGS)).toEqual([
      { day: "2026-02-27", reviews: 0, correct: 0 },
      { day: "2026-02-28", reviews: 2, correct: 2 },
      { day: "2026-03-01", reviews: 3, correct: 2 },
      { day: "2026-03-02", reviews: 2, correct: 2 },
    ]);
  });

  it("measures retention over graduated reviews only, against the target", () => {
    // Review-state rows in the last 30 days: 1 Mar (right, wrong), 2 Mar (right, right): 3 of 4.
    expect(measureRetention(LOG, T0, DEFAULT_SRS_SETTINGS, 30)).toEqual({
      reviews: 4,
      correct: 3,
      retention: 0.75,
      target: 0.9,
    });
    // All history adds the January lapse: 3 of 5.
    expect(measureRetention(LOG, T0, { ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.85 })).toEqual({
      reviews: 5,
      correct: 3,
      retention: 0.6,
      target: 0.85,
    });
    expect(measureRetention([], T0, DEFAULT_SRS_SETTINGS).retention).toBeNull();
  });

  it("forecasts due cards per day, overdue ones today, ignoring new and suspended cards", () => {
    const cards = [
      reviewCardDue("P1", at(T0, -5 * DAY)), // overdue: today
      reviewCardDue("P2", at(T0, 2 * 60 * 60 * 1000)), // later today
      reviewCardDue("P3", at(T0, 1 * DAY)),
      reviewCardDue("P4", at(T0, 1 * DAY)),
      reviewCardDue("P5", at(T0, 29 * DAY)), // last forecast day
      reviewCardDue("P6", at(T0, 30 * DAY)), // beyond the window
      reviewCardDue("P7", at(T0, 1 * DAY), true), // suspended
      newCard("P8"),
    ];
    const forecast = forecastDue(cards, T0, DEFAULT_SRS_SETTINGS);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-03-02", due: 2 });
    expect(forecast[1]).toEqual({ day: "2026-03-03", due: 2 });
    expect(forecast[29]).toEqual({ day: "2026-03-31", due: 1 });
    expect(forecast.reduce((sum, day) => sum + day.due, 0)).toBe(5);
  });

  it("ranks the weakest concepts by predicted recall, then lapses", () => {
    const now = at(T0, 10 * DAY);
    const learnt = (id: string) => reviewCardDue(id, at(T0, 3 * DAY));
    const stale = { ...learnt("E2"), lastReview: at(now, -40 * DAY).toISOString() }; // long unseen: low recall
    const fresh = { ...learnt("P1"), lastReview: at(now, -1 * DAY).toISOString() };
    const lapsedA = { ...learnt("P2"), lastReview: at(now, -5 * DAY).toISOString(), lapses: 3 };
    const lapsedB = { ...learnt("P3"), lastReview: at(now, -5 * DAY).toISOString(), lapses: 1 };
    const familyOfP1 = {
      ...learnt("can-a-reach-c:P1"),
      lastReview: at(now, -1 * DAY).toISOString(),
      lapses: 2,
    };

    const weakest = findWeakestConcepts(
      [fresh, stale, lapsedB, lapsedA, familyOfP1, newCard("E1")],
      now,
      DEFAULT_SRS_SETTINGS,
      10,
    );
    expect(weakest.map((concept) => concept.conceptId)).toEqual(["E2", "P2", "P3", "P1"]);
    expect(weakest[3]).toMatchObject({ conceptId: "P1", cards: 2, lapses: 2 });
    expect(weakest[0]?.retrievability).toBeLessThan(weakest[3]?.retrievability ?? 0);
  });
});
