import { isBuriedAt, isDueAt, isLearningCard, isNewCard, type SrsCard } from "./card";
import { startOfReviewDay } from "./day";
import { type ReviewLogEntry } from "./review-log";
import { type SrsSettings } from "./settings";

export type QueueCounts = {
  /** Graduated (review-state) cards due now. */
  readonly dueNow: number;
  /** Learning and relearning cards due now. */
  readonly learning: number;
  /** New cards first reviewed today (learner's day). */
  readonly newToday: number;
  /** New cards still offered today: the daily limit minus newToday, capped by the new cards available. */
  readonly newRemaining: number;
};

export type ReviewQueue = {
  /** Learning, relearning and review cards due now: most overdue first, ties by skill ID. */
  readonly due: readonly SrsCard[];
  /** New cards offered today, oldest added first, ties by skill ID. */
  readonly fresh: readonly SrsCard[];
  readonly counts: QueueCounts;
  /** When the next not-yet-due card falls due (e.g. a 10-minute learning step), so the page can say when to return. */
  readonly nextDueAt: string | null;
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDueThenSkill(a: SrsCard, b: SrsCard): number {
  return Date.parse(a.due) - Date.parse(b.due) || compareText(a.skillId, b.skillId);
}

function byAddedThenSkill(a: SrsCard, b: SrsCard): number {
  return Date.parse(a.addedAt) - Date.parse(b.addedAt) || compareText(a.skillId, b.skillId);
}

/** How many distinct new cards the learner started today, read from the log (a card reviewed twice counts once). */
export function countNewIntroducedToday(
  log: readonly ReviewLogEntry[],
  now: Date,
  settings: SrsSettings,
): number {
  const dayStart = startOfReviewDay(now, settings.dayStartOffsetMinutes).getTime();
  const started = new Set<string>();
  for (const entry of log) {
    const at = Date.parse(entry.reviewedAt);
    if (entry.before.state === "new" && at >= dayStart && at <= now.getTime()) {
      started.add(`${entry.learnerId}\u0000${entry.skillId}`);
    }
  }
  return started.size;
}

/** One learner's queue at `now`; suspended cards never appear, buried ones not until their burial ends. */
export function buildQueue(
  cards: readonly SrsCard[],
  log: readonly ReviewLogEntry[],
  now: Date,
  settings: SrsSettings,
): ReviewQueue {
  const active = cards.filter((card) => !card.suspended && !isBuriedAt(card, now));
  const due = active.filter((card) => !isNewCard(card) && isDueAt(card, now)).sort(byDueThenSkill);
  const newToday = countNewIntroducedToday(log, now, settings);
  const allowance = Math.max(0, settings.newCardsPerDay - newToday);
  const fresh = active.filter(isNewCard).sort(byAddedThenSkill).slice(0, allowance);
  const learning = due.filter(isLearningCard).length;
  const upcoming = active.filter((card) => !isNewCard(card) && !isDueAt(card, now)).sort(byDueThenSkill)[0];
  return {
    due,
    fresh,
    counts: { dueNow: due.length - learning, learning, newToday, newRemaining: fresh.length },
    nextDueAt: upcoming === undefined ? null : upcoming.due,
  };
}
