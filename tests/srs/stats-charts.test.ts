import { describe, expect, it } from "vitest";
import { scheduleOf, setSuspended, type SrsCard } from "../../lib/srs/card";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { toSkillId } from "../../lib/srs/skill-id";
import { countReviewsByHour, histogramIntervals, reviewHeatmap } from "../../lib/srs/stats";
import { newCard } from "./fixtures";

// The clock is injected: every figure is computed for NOW, a Monday morning in UTC.
const NOW = new Date("2026-06-15T09:30:00.000Z");

function entry(reviewedAt: string, correct = true): ReviewLogEntry {
  return {
    learnerId: "learner-1",
    skillId: toSkillId("P1"),
    reviewedAt,
    rating: correct ? "good" : "again",
    correct,
    timeTakenMs: 1000,
    questionSeed: "s",
    predictedRecall: null,
    desiredRetention: 0.9,
    maximumIntervalDays: 365,
    before: scheduleOf(newCard("P1")),
    nextDue: reviewedAt,
  };
}

function withInterval(skill: string, scheduledDays: number, overrides: Partial<SrsCard> = {}): SrsCard {
  return { ...newCard(skill), state: "review", reps: 3, scheduledDays, ...overrides };
}

describe("interval histogram", () => {
  it("puts reviewed cards in day buckets and leaves new and suspended cards out", () => {
    const cards = [
      withInterval("P1", 0, { state: "learning" }),
      withInterval("P2", 1),
      withInterval("P3", 5),
      withInterval("P4", 6),
      withInterval("P5", 400),
      setSuspended(withInterval("P6", 5), true),
      newCard("P7"),
    ];
    const buckets = histogramIntervals(cards);
    const count = (label: string) => buckets.find((bucket) => bucket.label === label)?.cards;
    expect(count("<1d")).toBe(1);
    expect(count("1d")).toBe(1);
    expect(count("4–6d")).toBe(2);
    expect(count("365d+")).toBe(1);
    expect(buckets.reduce((sum, bucket) => sum + bucket.cards, 0)).toBe(5);
  });
});

describe("review calendar", () => {
  const log = [
    entry("2026-06-15T08:00:00.000Z"),
    entry("2026-06-15T08:05:00.000Z"),
    entry("2026-06-15T08:10:00.000Z"),
    entry("2026-06-15T08:15:00.000Z"),
    entry("2026-06-14T20:00:00.000Z"),
    entry("2025-12-01T10:00:00.000Z"), // more than 182 days back
    entry("2026-06-16T10:00:00.000Z"), // after NOW (a clock skew): not counted
  ];

  it("has one cell per day of the last six months, today last, levels scaled to the busiest day", () => {
    const days = reviewHeatmap(log, NOW, DEFAULT_SRS_SETTINGS, 182);
    expect(days).toHaveLength(182);
    expect(days.at(-1)).toMatchObject({ day: "2026-06-15", reviews: 4, level: 4 });
    expect(days.at(-2)).toMatchObject({ day: "2026-06-14", reviews: 1, level: 1 });
    expect(days[0]?.day).toBe("2025-12-16");
    expect(days.reduce((sum, day) => sum + day.reviews, 0)).toBe(5);
    expect(days.filter((day) => day.level === 0)).toHaveLength(180);
  });

  it("places a late-evening review on the learner's next day when their day starts earlier", () => {
    const days = reviewHeatmap(log, NOW, { ...DEFAULT_SRS_SETTINGS, dayStartOffsetMinutes: -240 }, 7);
    // With the day starting at 20:00 UTC, 20:00 UTC on the 14th is already the 15th.
    expect(days.at(-1)).toMatchObject({ day: "2026-06-15", reviews: 5 });
  });

  it("is all zeros without reviews", () => {
    expect(reviewHeatmap([], NOW, DEFAULT_SRS_SETTINGS, 3).map((day) => day.level)).toEqual([0, 0, 0]);
  });
});

describe("hourly breakdown", () => {
  it("counts reviews and right answers per hour of the learner's day over the window", () => {
    const log = [
      entry("2026-06-15T08:00:00.000Z"),
      entry("2026-06-15T08:59:00.000Z", false),
      entry("2026-06-14T20:00:00.000Z"),
      entry("2026-04-01T08:00:00.000Z"), // outside 30 days
    ];
    const hours = countReviewsByHour(log, NOW, DEFAULT_SRS_SETTINGS, 30);
    expect(hours).toHaveLength(24);
    expect(hours[8]).toEqual({ hour: 8, reviews: 2, correct: 1 });
    expect(hours[20]).toEqual({ hour: 20, reviews: 1, correct: 1 });
    expect(hours.reduce((sum, hour) => sum + hour.reviews, 0)).toBe(3);
    // A day starting at 22:00 UTC (UTC+2 midnight) makes 08:00 UTC the learner's hour 10.
    const shifted = countReviewsByHour(
      log,
      NOW,
      { ...DEFAULT_SRS_SETTINGS, dayStartOffsetMinutes: -120 },
      30,
    );
    expect(shifted[10]).toEqual({ hour: 10, reviews: 2, correct: 1 });
  });
});
