// When a card falls due, said from now ("in 1 min", "in 3 h", "in 2 days"), for the review page: an absolute time
// alone ("2026-12-07 12:49 UTC") makes a learner in another time zone work out how long to wait.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * "in 1 min", "in 45 min", "in 3 h", "in 2 days": the wait from `now` until `at`, rounded up below an hour (so a
 * card due in 30 seconds reads "in 1 min", never "in 0 min") and to the nearest unit above. "now" once due.
 */
export function dueIn(at: string | number | Date, now: Date): string {
  const wait = new Date(at).getTime() - now.getTime();
  if (wait <= 0) return "now";
  if (wait < HOUR_MS) return `in ${Math.ceil(wait / MINUTE_MS)} min`;
  if (wait < DAY_MS) return `in ${Math.round(wait / HOUR_MS)} h`;
  const days = Math.round(wait / DAY_MS);
  return `in ${days} day${days === 1 ? "" : "s"}`;
}

/** Cards the deck lists as learning (or relearning after a lapse), suspended ones aside: what "Learning" counts. */
export function countLearning(rows: readonly { readonly state: string }[]): number {
  return rows.filter((row) => row.state === "learning" || row.state === "relearning").length;
}
