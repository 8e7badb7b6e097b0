// How long an answer took, as stored with an attempt (Attempt.durationMs) or a review (SrsReview.timeTakenMs).
// Both columns are 4-byte integers on PostgreSQL: 2^31 - 1 ms is 24.8 days, and a page left open that long
// would make the insert throw. Nothing reads a duration past minutes (FSRS takes none, the reports show
// time per question), so a day is cap enough: a longer measured time says the tab was left open, not how
// long the learner thought, and is stored as the cap.
import { z } from "zod";

export const MAX_RECORDED_DURATION_MS = 24 * 60 * 60 * 1000;

/** A measured duration as it may be stored: whole milliseconds from 0 to MAX_RECORDED_DURATION_MS. */
export function recordedDuration(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(Math.round(ms), MAX_RECORDED_DURATION_MS);
}

/** A duration given as input (an imported review): refused past the cap, naming the limit. */
export const recordedDurationSchema = z
  .number()
  .min(0)
  .max(MAX_RECORDED_DURATION_MS, { message: `at most ${MAX_RECORDED_DURATION_MS} ms (24 hours)` });
