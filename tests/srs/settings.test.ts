import { describe, expect, it } from "vitest";
import { DEFAULT_SRS_SETTINGS, parseSrsSettings } from "../../lib/srs/settings";

describe("review settings", () => {
  it("defaults to retention 0.9, 20 new cards a day, 365-day maximum interval, UTC days, default FSRS parameters", () => {
    expect(DEFAULT_SRS_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      maximumIntervalDays: 365,
      dayStartOffsetMinutes: 0,
      fsrsParameters: null,
    });
    expect(parseSrsSettings(undefined)).toEqual({ ok: true, value: DEFAULT_SRS_SETTINGS });
  });

  it("keeps valid values and fills missing ones", () => {
    expect(parseSrsSettings({ desiredRetention: 0.85, newCardsPerDay: 5 })).toEqual({
      ok: true,
      value: {
        desiredRetention: 0.85,
        newCardsPerDay: 5,
        maximumIntervalDays: 365,
        dayStartOffsetMinutes: 0,
        fsrsParameters: null,
      },
    });
  });

  it.each([
    [{ desiredRetention: 0.5 }, "desiredRetention"],
    [{ desiredRetention: 1 }, "desiredRetention"],
    [{ desiredRetention: "high" }, "desiredRetention"],
    [{ newCardsPerDay: -1 }, "newCardsPerDay"],
    [{ newCardsPerDay: 2.5 }, "newCardsPerDay"],
    [{ maximumIntervalDays: 0 }, "maximumIntervalDays"],
    [{ dayStartOffsetMinutes: 1440 }, "dayStartOffsetMinutes"],
    [{ fsrsParameters: [0.2, 1.3] }, "fsrsParameters"],
  ])("rejects %j naming the field %s", (input, field) => {
    const parsed = parseSrsSettings(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((issue) => issue.path)).toEqual([[field]]);
      expect(parsed.issues[0]?.message).toContain(field);
    }
  });

  it("names the position of a parameter that is not a finite number", () => {
    const parameters = Array.from({ length: 21 }, (_, index) => (index === 3 ? Number.NaN : 1));
    const parsed = parseSrsSettings({ fsrsParameters: parameters });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.path)).toEqual([["fsrsParameters", 3]]);
  });

  it("reports every bad field at once", () => {
    const parsed = parseSrsSettings({ desiredRetention: 2, newCardsPerDay: -3 });
    expect(!parsed.ok && parsed.issues.map((issue) => issue.path[0]).sort()).toEqual([
      "desiredRetention",
      "newCardsPerDay",
    ]);
  });
});
