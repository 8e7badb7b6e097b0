import { isSameSchedule, scheduleOf, type SrsCard } from "./card";
import { fail, succeed, type SrsResult } from "./result";
import { type ReviewLogEntry } from "./review-log";
import { scheduleNext } from "./scheduler";

/**
 * Rebuilds a card's schedule from its review log, the source of truth. Each row is replayed with
 * the settings it recorded and must start from the schedule the previous row produced; a gap or an edited
 * row is reported at its position in `entries`. Undone reviews must not be in `entries`.
 */
export function replayReviews(card: SrsCard, entries: readonly ReviewLogEntry[]): SrsResult<SrsCard> {
  const own = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.learnerId === card.learnerId && entry.skillId === card.skillId)
    .sort(
      (a, b) =>
        Date.parse(a.entry.reviewedAt) - Date.parse(b.entry.reviewedAt) ||
        a.entry.before.reps - b.entry.before.reps ||
        a.index - b.index,
    );
  const first = own[0];
  if (first === undefined) {
    return succeed(card);
  }
  let schedule = first.entry.before;
  for (const { entry, index } of own) {
    if (!isSameSchedule(entry.before, schedule)) {
      return fail([index, "before"], "this review does not start where the previous review of the card left it");
    }
    schedule = scheduleNext(schedule, entry.rating, new Date(entry.reviewedAt), entry);
    if (schedule.due !== entry.nextDue) {
      return fail([index, "nextDue"], "replaying this review gives another due date than the one logged");
    }
  }
  return succeed({ ...card, ...schedule });
}

/** True when the card's stored schedule is what its log produces. */
export function isCardConsistentWithLog(card: SrsCard, entries: readonly ReviewLogEntry[]): boolean {
  const replayed = replayReviews(card, entries);
  return replayed.ok && isSameSchedule(scheduleOf(replayed.value), scheduleOf(card));
}
