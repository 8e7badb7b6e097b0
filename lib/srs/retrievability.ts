import { type CardSchedule } from "./card";
import { createScheduler, toFsrsCard } from "./scheduler";
import { type SrsSettings } from "./settings";

/**
 * FSRS's predicted probability of recall at `now`, or null for a card never reviewed (FSRS has no memory
 * state for it yet). Stored with each review so calibration (prediction against outcome) can be measured.
 */
export function predictRecall(card: CardSchedule, now: Date, settings: SrsSettings): number | null {
  if (card.state === "new" || card.lastReview === null) {
    return null;
  }
  return createScheduler(settings).get_retrievability(toFsrsCard(card), now, false);
}
