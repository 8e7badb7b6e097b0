import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_POINTS, MAX_SPEED_BONUS, scoreAnswer } from "../../lib/quiz/scoring";

const openedAt = fc.integer({ min: 0, max: 2_000_000_000_000 });
const delay = fc.integer({ min: -5_000, max: 120_000 });
const timeLimitMs = fc.integer({ min: 1, max: 120_000 });

describe("scoreAnswer properties", () => {
  it("is monotonic in speed: answering earlier never scores less", () => {
    fc.assert(
      fc.property(openedAt, delay, delay, timeLimitMs, (opened, a, b, limit) => {
        const [faster, slower] = a <= b ? [a, b] : [b, a];
        const score = (d: number) =>
          scoreAnswer({ correct: true, openedAt: opened, answeredAt: opened + d, timeLimitMs: limit });
        expect(score(faster)).toBeGreaterThanOrEqual(score(slower));
      }),
    );
  });

  it("is zero for every wrong answer and within [BASE, BASE + BONUS] for every right one", () => {
    fc.assert(
      fc.property(openedAt, delay, timeLimitMs, (opened, d, limit) => {
        const at = { openedAt: opened, answeredAt: opened + d, timeLimitMs: limit };
        expect(scoreAnswer({ ...at, correct: false })).toBe(0);
        const right = scoreAnswer({ ...at, correct: true });
        expect(right).toBeGreaterThanOrEqual(BASE_POINTS);
        expect(right).toBeLessThanOrEqual(BASE_POINTS + MAX_SPEED_BONUS);
        expect(Number.isInteger(right)).toBe(true);
      }),
    );
  });

  it("is deterministic: same inputs, same points", () => {
    fc.assert(
      fc.property(fc.boolean(), openedAt, delay, timeLimitMs, (correct, opened, d, limit) => {
        const args = { correct, openedAt: opened, answeredAt: opened + d, timeLimitMs: limit };
        expect(scoreAnswer(args)).toBe(scoreAnswer({ ...args }));
      }),
    );
  });
});
