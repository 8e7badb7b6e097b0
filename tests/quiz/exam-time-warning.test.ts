import { describe, expect, it } from "vitest";
import {
  shortTimeWarning,
  timeIsLow,
  timeWarning,
  warningThresholds,
} from "../../lib/quiz/exam-time-warning";

const MINUTE = 60_000;

describe("the exam clock's warnings", () => {
  it("a short exam warns only at 1 minute and 30 seconds: nothing at the start of a 3- or 5-minute exam", () => {
    expect(warningThresholds(3 * MINUTE)).toEqual([MINUTE, 30_000]);
    expect(warningThresholds(5 * MINUTE)).toEqual([MINUTE, 30_000]);
    expect(timeWarning(3 * MINUTE, 3 * MINUTE)).toBeNull();
    expect(timeWarning(3 * MINUTE - 1000, 3 * MINUTE)).toBeNull();
    expect(timeWarning(5 * MINUTE, 5 * MINUTE)).toBeNull();
    expect(timeWarning(4 * MINUTE, 5 * MINUTE)).toBeNull();
  });

  it("a long exam warns at 30, 10, 5 and 1 minutes left", () => {
    expect(warningThresholds(130 * MINUTE)).toEqual([30 * MINUTE, 10 * MINUTE, 5 * MINUTE, MINUTE, 30_000]);
    expect(warningThresholds(20 * MINUTE)).toEqual([10 * MINUTE, 5 * MINUTE, MINUTE, 30_000]);
  });

  it("the warning appears when a threshold is crossed and names the threshold, never more time than is left", () => {
    const duration = 20 * MINUTE;
    expect(timeWarning(10 * MINUTE + 1, duration)).toBeNull();
    expect(timeWarning(10 * MINUTE, duration)).toBe("Under 10 minutes left.");
    expect(timeWarning(6 * MINUTE, duration)).toBe("Under 10 minutes left.");
    expect(timeWarning(5 * MINUTE, duration)).toBe("Under 5 minutes left.");
    expect(timeWarning(4 * MINUTE + 59_000, duration)).toBe("Under 5 minutes left.");
    expect(timeWarning(MINUTE, duration)).toMatch(/^Under 1 minute left/);
    expect(timeWarning(30_001, duration)).toMatch(/^Under 1 minute left/);
    expect(timeWarning(30_000, duration)).toMatch(/^Under 30 seconds left/);
    expect(timeWarning(1000, duration)).toMatch(/^Under 30 seconds left/);
    expect(timeWarning(0, duration)).toBeNull();
  });

  it("the text changes only at thresholds, so a live region announces each one once", () => {
    const duration = 130 * MINUTE;
    const texts: (string | null)[] = [];
    for (let left = duration; left > 0; left -= 250) {
      const text = timeWarning(left, duration);
      if (text !== texts[texts.length - 1]) texts.push(text);
    }
    expect(texts).toEqual([
      null,
      "Under 30 minutes left.",
      "Under 10 minutes left.",
      "Under 5 minutes left.",
      "Under 1 minute left: the exam submits itself when the time is up.",
      "Under 30 seconds left: the exam submits itself when the time is up.",
    ]);
  });

  it("a 1-minute exam warns at 30 seconds, and its clock turns red then, not from its first second", () => {
    expect(warningThresholds(MINUTE)).toEqual([30_000]);
    expect(timeWarning(MINUTE, MINUTE)).toBeNull();
    expect(timeWarning(30_001, MINUTE)).toBeNull();
    expect(timeWarning(30_000, MINUTE)).toBe(
      "Under 30 seconds left: the exam submits itself when the time is up.",
    );
    expect(timeIsLow(MINUTE, MINUTE)).toBe(false);
    expect(timeIsLow(31_000, MINUTE)).toBe(false);
    expect(timeIsLow(30_000, MINUTE)).toBe(true);
  });

  it("a longer exam's clock turns red at 1 minute", () => {
    expect(timeIsLow(MINUTE + 1, 20 * MINUTE)).toBe(false);
    expect(timeIsLow(MINUTE, 20 * MINUTE)).toBe(true);
    expect(timeIsLow(5000, 20 * MINUTE)).toBe(true);
  });

  it("the short form for a phone's sticky bar names the same threshold in a few words, and only when warning", () => {
    const duration = 20 * MINUTE;
    expect(shortTimeWarning(10 * MINUTE + 1, duration)).toBeNull();
    expect(shortTimeWarning(10 * MINUTE, duration)).toBe("Under 10 min left");
    expect(shortTimeWarning(30_001, duration)).toBe("Under 1 min left");
    expect(shortTimeWarning(28_000, MINUTE)).toBe("Under 30 s left");
    expect(shortTimeWarning(0, duration)).toBeNull();
    for (const left of [9 * MINUTE, 4 * MINUTE, 50_000, 10_000])
      expect(shortTimeWarning(left, duration) === null).toBe(timeWarning(left, duration) === null);
  });
});
