import { describe, expect, it } from "vitest";
import { reviewDayKey, reviewDaysBetween, startOfReviewDay } from "../../lib/srs/day";

describe("review days", () => {
  it("starts the day at 00:00 UTC by default", () => {
    expect(startOfReviewDay(new Date("2026-03-02T23:59:59Z"), 0).toISOString()).toBe(
      "2026-03-02T00:00:00.000Z",
    );
    expect(reviewDayKey(new Date("2026-03-02T23:59:59Z"), 0)).toBe("2026-03-02");
  });

  it("shifts the boundary by the offset, both ways", () => {
    // UTC+2 learner: day begins 22:00 UTC the evening before and is labelled with the local date.
    expect(startOfReviewDay(new Date("2026-03-02T23:00:00Z"), -120).toISOString()).toBe(
      "2026-03-02T22:00:00.000Z",
    );
    expect(reviewDayKey(new Date("2026-03-02T23:00:00Z"), -120)).toBe("2026-03-03");
    // Anki-style 04:00 UTC rollover: 03:00 still belongs to the previous day.
    expect(reviewDayKey(new Date("2026-03-03T03:00:00Z"), 240)).toBe("2026-03-02");
  });

  it("counts whole days between learner days", () => {
    expect(reviewDaysBetween(new Date("2026-03-02T23:00:00Z"), new Date("2026-03-03T01:00:00Z"), 0)).toBe(1);
    expect(reviewDaysBetween(new Date("2026-03-02T23:00:00Z"), new Date("2026-03-03T01:00:00Z"), -120)).toBe(
      0,
    );
    expect(reviewDaysBetween(new Date("2026-03-05T00:00:00Z"), new Date("2026-03-02T00:00:00Z"), 0)).toBe(-3);
  });
});
