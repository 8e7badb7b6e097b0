import { describe, expect, it } from "vitest";
import { measureCalibration } from "../../lib/srs/calibration";
import { scheduleOf } from "../../lib/srs/card";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { toSkillId } from "../../lib/srs/skill-id";
import { newCard } from "./fixtures";

function entry(predictedRecall: number | null, correct: boolean): ReviewLogEntry {
  return {
    learnerId: "learner-1",
    skillId: toSkillId("P1"),
    reviewedAt: "2026-03-02T09:00:00.000Z",
    rating: correct ? "good" : "again",
    correct,
    timeTakenMs: 1000,
    questionSeed: "s",
    predictedRecall,
    desiredRetention: 0.9,
    maximumIntervalDays: 365,
    before: scheduleOf(newCard("P1")),
    nextDue: "2026-03-02T09:10:00.000Z",
  };
}

describe("calibration of predicted recall", () => {
  it("bins predictions and compares them with outcomes", () => {
    const log = [
      entry(0.95, true),
      entry(0.92, true),
      entry(0.91, false),
      entry(0.95, true),
      entry(0.55, false),
      entry(null, true),
    ];
    const report = measureCalibration(log, 10);
    expect(report.reviews).toBe(5);
    const top = report.bins[9];
    expect(top?.reviews).toBe(4);
    expect(top?.meanPredicted).toBeCloseTo((0.95 + 0.92 + 0.91 + 0.95) / 4, 10);
    expect(top?.observedRecall).toBe(0.75);
    expect(report.bins[5]).toEqual({
      from: 0.5,
      to: 0.6,
      reviews: 1,
      meanPredicted: 0.55,
      observedRecall: 0,
    });
    expect(report.bins[0]?.reviews).toBe(0);
    const brier = (0.05 ** 2 + 0.08 ** 2 + 0.91 ** 2 + 0.05 ** 2 + 0.55 ** 2) / 5;
    expect(report.brierScore).toBeCloseTo(brier, 10);
    const logLoss = -(Math.log(0.95) * 2 + Math.log(0.92) + Math.log(0.09) + Math.log(0.45)) / 5;
    expect(report.logLoss).toBeCloseTo(logLoss, 10);
  });

  it("puts a certain prediction in the last bin and reports nothing without predictions", () => {
    expect(measureCalibration([entry(1, true)], 4).bins[3]?.reviews).toBe(1);
    expect(measureCalibration([entry(null, false)])).toMatchObject({
      reviews: 0,
      brierScore: null,
      logLoss: null,
    });
  });
});
