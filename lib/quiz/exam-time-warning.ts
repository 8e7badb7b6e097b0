// The exam clock's warnings: which ones an exam of a given length gives, and which one applies with so much left.

const MINUTE = 60_000;

const SECOND = 1000;

/**
 * Time left (ms) at which an exam warns: 30, 10, 5 and 1 minutes, and a final 30 seconds so that even a 1-minute
 * exam gets a warning. An exam warns only at the ones it passes through after its start.
 */
const THRESHOLDS = [30 * MINUTE, 10 * MINUTE, 5 * MINUTE, MINUTE, 30 * SECOND] as const;

/**
 * The thresholds (ms left) of an exam `durationMs` long, largest first: only those below its length, so no warning
 * stands at the start (a 1-minute exam warns at 30 seconds only; a 3- or 5-minute exam at 1 minute and 30 seconds;
 * the real 130-minute exam at 30, 10, 5 and 1 minutes and 30 seconds).
 */
export function warningThresholds(durationMs: number): readonly number[] {
  return THRESHOLDS.filter((threshold) => threshold < durationMs);
}

/**
 * Whether the clock shows as short of time (red): from the exam's last warning but one, or its only one, so a
 * 1-minute exam's clock is not red from its first second (it turns red at 30 seconds, a longer exam's at 1 minute).
 */
export function timeIsLow(remainingMs: number, durationMs: number): boolean {
  const thresholds = warningThresholds(durationMs);
  const low = thresholds.includes(MINUTE) ? MINUTE : thresholds[thresholds.length - 1];
  return low !== undefined && remainingMs <= low;
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
  if (threshold === 30 * SECOND) return "Under 30 seconds left: the exam submits itself when the time is up.";
  if (threshold === MINUTE) return "Under 1 minute left: the exam submits itself when the time is up.";
  return `Under ${threshold / MINUTE} minutes left.`;
}

/**
 * The same warning in a few words, for the exam's sticky bar on a narrow screen ("Under 30 s left"), where the
 * full sentence took two more lines and covered the question navigator. Null when `timeWarning` is.
 */
export function shortTimeWarning(remainingMs: number, durationMs: number): string | null {
  if (timeWarning(remainingMs, durationMs) === null) return null;
  const crossed = warningThresholds(durationMs).filter((threshold) => remainingMs <= threshold);
  const threshold = crossed[crossed.length - 1];
  if (threshold === undefined) return null;
  return threshold < MINUTE ? `Under ${threshold / SECOND} s left` : `Under ${threshold / MINUTE} min left`;
}
