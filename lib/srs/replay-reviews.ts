import { isSameSchedule, scheduleOf, type CardSchedule, type SrsCard } from "./card";
import { type CardChange } from "./card-change";
import { fail, succeed, type SrsResult } from "./result";
import { type ReviewLogEntry } from "./review-log";
import { scheduleNext } from "./scheduler";

type Step =
  | { readonly kind: "review"; readonly at: number; readonly entry: ReviewLogEntry; readonly index: number }
  | { readonly kind: "change"; readonly at: number; readonly change: CardChange; readonly index: number };

function stepsOf(card: SrsCard, entries: readonly ReviewLogEntry[], changes: readonly CardChange[]): Step[] {
  const mine = (row: { learnerId: string; skillId: string }): boolean =>
    row.learnerId === card.learnerId && row.skillId === card.skillId;
  const reviews: Step[] = entries.flatMap((entry, index) =>
    mine(entry) ? [{ kind: "review" as const, at: Date.parse(entry.reviewedAt), entry, index }] : [],
  );
  const edits: Step[] = changes.flatMap((change, index) =>
    mine(change) ? [{ kind: "change" as const, at: Date.parse(change.changedAt), change, index }] : [],
  );
  const reps = (step: Step): number =>
    step.kind === "review" ? step.entry.before.reps : step.change.before.reps;
  // A review and a change in the same millisecond: the review first (a change is made from the browser later).
  return [...reviews, ...edits].sort(
    (a, b) =>
      a.at - b.at ||
      (a.kind === b.kind ? reps(a) - reps(b) || a.index - b.index : a.kind === "review" ? -1 : 1),
  );
}

/**
 * Rebuilds a card's schedule from its review log and the learner's changes (forget, reschedule), the source
 * of truth. Each review is replayed with the settings it recorded; each row must start from the schedule the
 * previous one produced; a gap or an edited row is reported at its position in `entries` (or, for a change,
 * under "changes"). Undone reviews must not be in `entries`.
 */
export function replayReviews(
  card: SrsCard,
  entries: readonly ReviewLogEntry[],
  changes: readonly CardChange[] = [],
): SrsResult<SrsCard> {
  const steps = stepsOf(card, entries, changes);
  const first = steps[0];
  if (first === undefined) {
    return succeed(card);
  }
  let schedule: CardSchedule = first.kind === "review" ? first.entry.before : first.change.before;
  for (const step of steps) {
    if (step.kind === "change") {
      if (!isSameSchedule(step.change.before, schedule)) {
        return fail(
          ["changes", step.index, "before"],
          "this change does not start where the card's history left it",
        );
      }
      schedule = step.change.after;
      continue;
    }
    const { entry, index } = step;
    if (!isSameSchedule(entry.before, schedule)) {
      return fail(
        [index, "before"],
        "this review does not start where the previous review of the card left it",
      );
    }
    schedule = scheduleNext(schedule, entry.rating, new Date(entry.reviewedAt), entry);
    if (schedule.due !== entry.nextDue) {
      return fail([index, "nextDue"], "replaying this review gives another due date than the one logged");
    }
  }
  return succeed({ ...card, ...schedule });
}

/** True when the card's stored schedule is what its log (and its changes) produce. */
export function isCardConsistentWithLog(
  card: SrsCard,
  entries: readonly ReviewLogEntry[],
  changes: readonly CardChange[] = [],
): boolean {
  const replayed = replayReviews(card, entries, changes);
  return replayed.ok && isSameSchedule(scheduleOf(replayed.value), scheduleOf(card));
}
