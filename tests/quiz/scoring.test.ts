import { describe, expect, it } from "vitest";
import {
  ACCURACY_POINTS,
  BASE_POINTS,
  MAX_SPEED_BONUS,
  MAX_STREAK_BONUS,
  STREAK_BONUS_STEP,
  scoreAnswer,
} from "../../lib/quiz/scoring";

const timing = { openedAt: 1_000, timeLimitMs: 20_000 };

describe("scoreAnswer", () => {
  it("gives the full bonus for an instant correct answer and none at the end of the window", () => {
    expect(scoreAnswer({ ...timing, correct: true, answeredAt: 1_000 })).toBe(BASE_POINTS + MAX_SPEED_BONUS);
    expect(scoreAnswer({ ...timing, correct: true, answeredAt: 21_000 })).toBe(BASE_POINTS);
    expect(scoreAnswer({ ...timing, correct: true, answeredAt: 11_000 })).toBe(
      BASE_POINTS + MAX_SPEED_BONUS / 2,
    );
  });

  it("keeps base points after the window (the teacher closed late) and the full bonus for a clock skewed early", () => {
    expect(scoreAnswer({ ...timing, correct: true, answeredAt: 90_000 })).toBe(BASE_POINTS);
    expect(scoreAnswer({ ...timing, correct: true, answeredAt: 0 })).toBe(BASE_POINTS + MAX_SPEED_BONUS);
  });

  it("gives zero for a wrong answer however fast", () => {
    expect(scoreAnswer({ ...timing, correct: false, answeredAt: 1_000 })).toBe(0);
    expect(scoreAnswer({ ...timing, correct: false, answeredAt: 30_000 })).toBe(0);
  });

  it("throws on a non-positive time limit (a bug in the caller)", () => {
    expect(() => scoreAnswer({ correct: true, openedAt: 0, answeredAt: 0, timeLimitMs: 0 })).toThrow(
      /timeLimitMs/,
    );
  });
});

describe("streak and accuracy mode", () => {
  it("adds a step per right answer in a row before this one, capped", () => {
    const fast = { ...timing, correct: true, answeredAt: 1_000 };
    expect(scoreAnswer({ ...fast, streak: 1 })).toBe(BASE_POINTS + MAX_SPEED_BONUS + STREAK_BONUS_STEP);
    expect(scoreAnswer({ ...fast, streak: 50 })).toBe(BASE_POINTS + MAX_SPEED_BONUS + MAX_STREAK_BONUS);
    expect(scoreAnswer({ ...timing, correct: false, answeredAt: 1_000, streak: 3 })).toBe(0);
  });

  it("accuracy mode pays the same for a slow and a fast right answer, with no streak bonus", () => {
    const accuracy = { ...timing, correct: true, mode: "accuracy" as const, streak: 4 };
    expect(scoreAnswer({ ...accuracy, answeredAt: 1_000 })).toBe(ACCURACY_POINTS);
    expect(scoreAnswer({ ...accuracy, answeredAt: 20_000 })).toBe(ACCURACY_POINTS);
  });
});
