import { describe, expect, it } from "vitest";
import { scheduleOf } from "../../lib/srs/card";
import { formatInterval, previewIntervals } from "../../lib/srs/interval-preview";
import { allowedRatings } from "../../lib/srs/rating";
import { scheduleNext } from "../../lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, MINUTE, newCard, review, T0 } from "./fixtures";

describe("interval labels", () => {
  it("prints waits as Anki does on its buttons", () => {
    expect(formatInterval(30_000)).toBe("<1m");
    expect(formatInterval(MINUTE)).toBe("<1m");
    expect(formatInterval(10 * MINUTE)).toBe("<10m");
    expect(formatInterval(59 * MINUTE)).toBe("<59m");
    expect(formatInterval(3 * 60 * MINUTE)).toBe("3h");
    expect(formatInterval(2 * DAY)).toBe("2d");
    expect(formatInterval(45 * DAY)).toBe("1.5mo");
    expect(formatInterval(60 * DAY)).toBe("2mo");
    expect(formatInterval(730 * DAY)).toBe("2y");
    expect(formatInterval(-5)).toBe("<1m");
  });
});

describe("interval preview behind the rating buttons", () => {
  it("shows for a new card the learning steps for Again/Hard/Good and days for Easy, in increasing order", () => {
    const preview = previewIntervals(scheduleOf(newCard("P3")), T0, DEFAULT_SRS_SETTINGS);
    expect(preview.map((entry) => entry.rating)).toEqual(["again", "hard", "good", "easy"]);
    expect(preview.map((entry) => entry.label)).toEqual([
      "<1m",
      "<6m",
      "<10m",
      expect.stringMatching(/^\d+d$/),
    ]);
    const dues = preview.map((entry) => Date.parse(entry.due));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });

  it("promises exactly the due date that rating then schedules, for a card in review", () => {
    const learnt = review(review(newCard("P3"), "good", T0).card, "good", at(T0, 10 * MINUTE)).card;
    const answeredAt = new Date(learnt.due);
    for (const entry of previewIntervals(scheduleOf(learnt), answeredAt, DEFAULT_SRS_SETTINGS)) {
      expect(entry.due).toBe(
        scheduleNext(scheduleOf(learnt), entry.rating, answeredAt, DEFAULT_SRS_SETTINGS).due,
      );
    }
  });

  it("never promises more than the maximum interval", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS, maximumIntervalDays: 3 };
    const learnt = review(
      review(newCard("P3"), "good", T0, settings).card,
      "good",
      at(T0, 10 * MINUTE),
      settings,
    ).card;
    const answeredAt = at(new Date(learnt.due), 30 * DAY);
    const preview = previewIntervals(scheduleOf(learnt), answeredAt, settings);
    for (const entry of preview)
      expect(Date.parse(entry.due) - answeredAt.getTime()).toBeLessThanOrEqual(3 * DAY);
    expect(preview.find((entry) => entry.rating === "easy")?.label).toBe("3d");
  });

  it("offers all four ratings after a right answer and only Again after a wrong one", () => {
    expect(allowedRatings(true)).toEqual(["again", "hard", "good", "easy"]);
    expect(allowedRatings(false)).toEqual(["again"]);
  });
});
