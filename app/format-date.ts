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
