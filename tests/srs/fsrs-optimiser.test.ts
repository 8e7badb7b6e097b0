import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { createCard } from "../../lib/srs/card";
import { loadFsrsOptimiser } from "../../lib/srs/fsrs-optimiser";
import { fitParameters, MIN_FITTING_REVIEWS } from "../../lib/srs/optimise";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { scheduleNext } from "../../lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { toSkillId } from "../../lib/srs/skill-id";
import { DAY, newCard, review, T0 } from "./fixtures";

// The real optimizer (native binding) on a synthetic log: a learner who always rates Easy and always
// recalls, reviewed on the day each card falls due under the default parameters.

const CARDS = 40;

function alwaysEasyLog(): ReviewLogEntry[] {
  const log: ReviewLogEntry[] = [];
  for (const concept of CONCEPTS.slice(0, CARDS)) {
    let card = newCard(concept.id);
    let now = T0;
    for (let r = 0; r <= MIN_FITTING_REVIEWS / CARDS; r += 1) {
      const outcome = review(card, "easy", now);
      log.push(outcome.entry);
      card = outcome.card;
      now = new Date(Math.max(Date.parse(card.due), now.getTime() + DAY));
    }
  }
  return log;
}

describe("lib/srs/fsrs-optimiser (native binding)", () => {
  it("fits parameters that give an always-Easy learner longer intervals than the defaults", async () => {
    const optimiser = await loadFsrsOptimiser();
    if (typeof optimiser === "string") throw new Error(optimiser);
    const outcome = await fitParameters(alwaysEasyLog(), DEFAULT_SRS_SETTINGS, T0, optimiser);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.parameters).toHaveLength(21);
    // Fitted to this log, the model predicts it better than the defaults do.
    expect(outcome.after.logLoss).toBeLessThan(outcome.before.logLoss);

    const fresh = createCard(
      { learnerId: "l", skillId: toSkillId(CONCEPTS[0]?.id ?? ""), source: "manual" },
      T0,
    );
    const withDefaults = { ...DEFAULT_SRS_SETTINGS, maximumIntervalDays: 36500 };
    const withFitted = { ...withDefaults, fsrsParameters: outcome.parameters };
    let defaultSchedule = scheduleNext(fresh, "easy", T0, withDefaults);
    let fittedSchedule = scheduleNext(fresh, "easy", T0, withFitted);
    const intervals: [number, number][] = [[defaultSchedule.scheduledDays, fittedSchedule.scheduledDays]];
    for (let r = 0; r < 3; r += 1) {
      defaultSchedule = scheduleNext(defaultSchedule, "easy", new Date(defaultSchedule.due), withDefaults);
      fittedSchedule = scheduleNext(fittedSchedule, "easy", new Date(fittedSchedule.due), withFitted);
      intervals.push([defaultSchedule.scheduledDays, fittedSchedule.scheduledDays]);
    }
    for (const [withDefault, withFit] of intervals) {
      expect(withFit).toBeGreaterThan(withDefault);
    }
  });
});
