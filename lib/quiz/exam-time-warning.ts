// The exam clock's warnings: which ones an exam of a given length gives, and which one applies with so much left.

const MINUTE = 60_000;

/** Minutes left at which a long exam warns; an exam warns only at the ones it passes through after its start. */
const THRESHOLD_MINUTES = [30, 10, 5, 1] as const;

/**
 * The thresholds (ms left) of an exam `durationMs` long, largest first: only those below its length, so no warning
 * stands at the start (a 3- or 5-minute exam warns at 1 minute only; the real 130-minute exam at 30, 10, 5 and 1).
 */
export function warningThresholds(durationMs: number): readonly number[] {
  return THRESHOLD_MINUTES.map((minutes) => minutes * MINUTE).filter((threshold) => threshold < durationMs);
}

/**
 * The warning that stands with `remainingMs` left of an exam `durationMs` long: the smallest threshold already
 * crossed, worded as an upper bound ("Under 5 minutes left") so it never claims more time than the clock shows.
 * Null before the first threshold and once the time is up. The text changes only when another threshold is
 * crossed, so a live region announces each one once.
 */
export function timeWarning(remainingMs: number, durationMs: number): string | null {
  if (remainingMs <= 0) return null;
  const crossed = warningThresholds(durationMs).filter((threshold) => remainingMs <= threshold);
  const threshold = crossed[crossed.length - 1];
  if (threshold === undefined) return null;
  if (threshold === MINUTE) return "Under 1 minute left: the exam submits itself when the time is up.";
  return `Under ${threshold / MINUTE} minutes left.`;
}
