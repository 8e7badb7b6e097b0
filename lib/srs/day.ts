// Review days are counted in the learner's day: 00:00 UTC shifted by dayStartOffsetMinutes. A plain offset
// (not a time zone) keeps lib/ free of Intl and makes the boundary explicit in tests.

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The instant the learner's day containing `at` began. */
export function startOfReviewDay(at: Date, dayStartOffsetMinutes: number): Date {
  const offsetMs = dayStartOffsetMinutes * MINUTE_MS;
  const shifted = at.getTime() - offsetMs;
  return new Date(Math.floor(shifted / DAY_MS) * DAY_MS + offsetMs);
}

/** Whole learner-days from `from`'s day to `to`'s day (0 = same day, negative = earlier). */
export function reviewDaysBetween(from: Date, to: Date, dayStartOffsetMinutes: number): number {
  const start = startOfReviewDay(from, dayStartOffsetMinutes).getTime();
  const end = startOfReviewDay(to, dayStartOffsetMinutes).getTime();
  return Math.round((end - start) / DAY_MS);
}

/** A label for the learner's day: the UTC calendar date on which that day began, shifted back by the offset. */
export function reviewDayKey(at: Date, dayStartOffsetMinutes: number): string {
  const start = startOfReviewDay(at, dayStartOffsetMinutes).getTime() - dayStartOffsetMinutes * MINUTE_MS;
  return new Date(start).toISOString().slice(0, 10);
}
