import { scheduleOf, type CardSchedule, type SrsCard } from "./card";
import { DAY_MS, startOfReviewDay } from "./day";
import { fail, succeed, type SrsResult } from "./result";
import { forgetSchedule } from "./scheduler";
import { type SrsSettings } from "./settings";
import { type SkillId } from "./skill-id";

// Changes the learner makes to a card's schedule from the card browser. Forget and reschedule change
// scheduling state, so each is logged (before and after) beside the reviews: replaying the card's history
// still reaches its stored schedule, and an export imports again. Burying only hides the card for the rest
// of the day and leaves the schedule alone, as suspending does.

export const CARD_CHANGE_KINDS = ["forget", "reschedule"] as const;
export type CardChangeKind = (typeof CARD_CHANGE_KINDS)[number];

export type CardChange = {
  readonly learnerId: string;
  readonly skillId: SkillId;
  /** ISO-8601 instant of the change. */
  readonly changedAt: string;
  readonly kind: CardChangeKind;
  readonly before: CardSchedule;
  readonly after: CardSchedule;
};

export type ChangedCard = { readonly card: SrsCard; readonly change: CardChange };

/** A change is logged after the card's last review, or replaying the history would apply it too early. */
function checkNow(card: SrsCard, now: Date): SrsResult<Date> {
  if (Number.isNaN(now.getTime())) return fail(["now"], "now is not a valid date");
  if (card.lastReview !== null && now.getTime() < Date.parse(card.lastReview)) {
    return fail(["now"], "now is before the card's last review");
  }
  return succeed(now);
}

function changed(card: SrsCard, kind: CardChangeKind, after: CardSchedule, now: Date): ChangedCard {
  return {
    card: { ...card, ...after },
    change: {
      learnerId: card.learnerId,
      skillId: card.skillId,
      changedAt: now.toISOString(),
      kind,
      before: scheduleOf(card),
      after,
    },
  };
}

/**
 * Forget: the card starts over as new, due at once, with its review and lapse counts reset (Anki's
 * "Reset" with "reset repetition and lapse counts"). The review history stays in the log.
 */
export function forgetCard(card: SrsCard, now: Date): SrsResult<ChangedCard> {
  const checked = checkNow(card, now);
  if (!checked.ok) return checked;
  if (card.state === "new" && card.reps === 0) return fail(["skillId"], `${card.skillId} is already new`);
  return succeed(changed(card, "forget", forgetSchedule(scheduleOf(card), now, true), now));
}

/**
 * Reschedule: the card falls due at the start of the chosen learner-day, keeping its memory state; its
 * interval becomes the days from its last review. A new card has no memory state to schedule (new cards are
 * offered by the daily limit, not by date), so it is refused with what to do instead.
 */
export function rescheduleCard(
  card: SrsCard,
  day: Date,
  now: Date,
  settings: Pick<SrsSettings, "dayStartOffsetMinutes">,
): SrsResult<ChangedCard> {
  const checked = checkNow(card, now);
  if (!checked.ok) return checked;
  if (Number.isNaN(day.getTime())) return fail(["due"], "due is not a valid date");
  if (card.state === "new") {
    return fail(
      ["skillId"],
      `${card.skillId} is new and has no schedule yet; bury or suspend it to keep it out of today's queue`,
    );
  }
  const offset = settings.dayStartOffsetMinutes;
  const due = startOfReviewDay(day, offset);
  if (due.getTime() < startOfReviewDay(now, offset).getTime())
    return fail(["due"], "choose today or a later day");
  const since = card.lastReview === null ? now.getTime() : Date.parse(card.lastReview);
  const after: CardSchedule = {
    ...scheduleOf(card),
    due: due.toISOString(),
    scheduledDays: Math.max(0, Math.round((due.getTime() - since) / DAY_MS)),
  };
  return succeed(changed(card, "reschedule", after, now));
}

/** Bury until tomorrow: out of the queue until the learner's next day starts. */
export function buryCard(
  card: SrsCard,
  now: Date,
  settings: Pick<SrsSettings, "dayStartOffsetMinutes">,
): SrsCard {
  const tomorrow = startOfReviewDay(now, settings.dayStartOffsetMinutes).getTime() + DAY_MS;
  return { ...card, buriedUntil: new Date(tomorrow).toISOString() };
}

export function unburyCard(card: SrsCard): SrsCard {
  return { ...card, buriedUntil: null };
}
