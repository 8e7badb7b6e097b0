import { type CardSchedule } from "./card";
import { REVIEW_RATINGS, type ReviewRating } from "./rating";
import { previewNext, type SchedulingTarget } from "./scheduler";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type IntervalPreview = {
  readonly rating: ReviewRating;
  /** ISO-8601 instant the card would next be due. */
  readonly due: string;
  /** Anki-style short label: "<1m", "<10m", "3h", "2d", "1.5mo", "2.1y". */
  readonly label: string;
};

/**
 * A short label for the wait until the next review, as Anki prints it on its buttons: a learning step under
 * an hour reads "<10m" (the card comes back within the session, give or take the queue), longer waits in
 * hours, days, months and years.
 */
export function formatInterval(ms: number): string {
  const wait = Math.max(0, ms);
  if (wait < HOUR_MS) return `<${Math.max(1, Math.round(wait / MINUTE_MS))}m`;
  if (wait < DAY_MS) return `${Math.round(wait / HOUR_MS)}h`;
  const days = wait / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, "")}y`;
}

/**
 * The next interval behind each rating button, for a card whose schedule was `before` when it was answered
 * at `answeredAt`. Intervals count from the answer, so they stay the same while the learner hesitates.
 */
export function previewIntervals(
  before: CardSchedule,
  answeredAt: Date,
  settings: SchedulingTarget,
): readonly IntervalPreview[] {
  const next = previewNext(before, answeredAt, settings);
  return REVIEW_RATINGS.map((rating) => ({
    rating,
    due: next[rating].due,
    label: formatInterval(Date.parse(next[rating].due) - answeredAt.getTime()),
  }));
}
