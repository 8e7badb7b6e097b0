// The one date format of the app: ISO-style and in UTC ("2026-12-06", "2026-12-06 14:05 UTC", "14:05 UTC").
// No Intl and no locale: the server and the browser render the same text (no hydration mismatch), a reader in any
// country reads it the same way, and review days (lib/srs/day.ts) are counted in UTC too. Pages and components
// format dates only through these helpers; tests/lint/date-format.test.ts keeps it that way.

type When = Date | string | number;

const iso = (at: When): string => new Date(at).toISOString();

/** "2026-12-06" */
export function formatDate(at: When): string {
  return iso(at).slice(0, 10);
}

/** "14:05 UTC" */
export function formatTime(at: When): string {
  return `${iso(at).slice(11, 16)} UTC`;
}

/** "2026-12-06 14:05 UTC" */
export function formatDateTime(at: When): string {
  return `${formatDate(at)} ${formatTime(at)}`;
}

/** The machine-readable value of a <time dateTime=…> element. */
export function machineDateTime(at: When): string {
  return iso(at);
}

// The viewer's own clock, for a deadline a person must meet (a homework's due time). Only in the browser, after
// hydration (app/classroom/local-date-time.tsx): the server renders formatDateTime, the browser then adds its own
// zone's reading. Same ISO-style shape, no locale.

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** This runtime's offset from UTC at `at`: "UTC+01:00", "UTC" followed by a hyphen and "03:30" west of UTC, or "UTC". */
export function zoneOffsetLabel(at: When): string {
  const minutes = -new Date(at).getTimezoneOffset();
  if (minutes === 0) return "UTC";
  const size = Math.abs(minutes);
  return `UTC${minutes > 0 ? "+" : "-"}${pad2(Math.floor(size / 60))}:${pad2(size % 60)}`;
}

/** "2026-12-09T19:00": `at` on this runtime's clock, as an <input type="datetime-local"> value. */
export function localInputValue(at: When): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** "2026-12-09 19:00 your time (UTC+01:00)", or formatDateTime's text when this runtime's clock is UTC. */
export function formatLocalDateTime(at: When): string {
  const zone = zoneOffsetLabel(at);
  if (zone === "UTC") return formatDateTime(at);
  return `${localInputValue(at).replace("T", " ")} your time (${zone})`;
}
