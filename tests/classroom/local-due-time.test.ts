import { describe, expect, it } from "vitest";
import { formatDateTime, formatLocalDateTime, localInputValue, zoneOffsetLabel } from "../../app/format-date";

// The homework's due time in the viewer's own zone (N16). These hold in whatever zone the tests run in (try
// TZ=Asia/Kolkata or TZ=America/St_Johns): the local reading is the same instant, and its offset is named.
describe("a due time on the viewer's own clock", () => {
  const at = new Date("2026-12-09T18:00:00Z");

  it("gives a datetime-local value that reads back as the same instant", () => {
    const value = localInputValue(at);
    expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(new Date(value).getTime()).toBe(at.getTime());
  });

  it("names the zone by its offset from UTC", () => {
    const minutes = -at.getTimezoneOffset();
    const label = zoneOffsetLabel(at);
    if (minutes === 0) expect(label).toBe("UTC");
    else {
      const [, sign = "", hours = "", mins = ""] = /^UTC([+-])(\d\d):(\d\d)$/.exec(label) ?? [];
      expect((sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(mins))).toBe(minutes);
    }
  });

  it("reads as the app's UTC text when the viewer is on UTC, and says 'your time' otherwise", () => {
    const text = formatLocalDateTime(at);
    if (at.getTimezoneOffset() === 0) expect(text).toBe(formatDateTime(at));
    else expect(text).toBe(`${localInputValue(at).replace("T", " ")} your time (${zoneOffsetLabel(at)})`);
  });
});
