import { describe, expect, it } from "vitest";
import {
  MAX_RECORDED_DURATION_MS,
  recordedDuration,
  recordedDurationSchema,
} from "../../lib/quiz/recorded-duration";

const INT4_MAX = 2 ** 31 - 1;
const DAY = 24 * 60 * 60 * 1000;

describe("recorded durations", () => {
  it("fit PostgreSQL's int4 columns: a tab left open for a month is stored as the one-day cap", () => {
    expect(MAX_RECORDED_DURATION_MS).toBe(DAY);
    expect(MAX_RECORDED_DURATION_MS).toBeLessThan(INT4_MAX);
    expect(recordedDuration(30 * DAY)).toBe(DAY);
    expect(recordedDuration(25 * DAY)).toBeLessThanOrEqual(INT4_MAX);
    expect(recordedDuration(Number.POSITIVE_INFINITY)).toBe(DAY);
  });

  it("keep a measured time as whole milliseconds, never below zero", () => {
    expect(recordedDuration(8_200.4)).toBe(8_200);
    expect(recordedDuration(-5)).toBe(0);
    expect(recordedDuration(Number.NaN)).toBe(0);
  });

  it("given as input past the cap are refused, naming the limit", () => {
    expect(recordedDurationSchema.safeParse(DAY).success).toBe(true);
    const refused = recordedDurationSchema.safeParse(DAY + 1);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(`at most ${DAY} ms (24 hours)`);
    expect(recordedDurationSchema.safeParse(-1).success).toBe(false);
  });
});
