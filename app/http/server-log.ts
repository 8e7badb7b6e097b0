// The server log: one JSON object per line on stdout, so it can be grepped, shipped or parsed line by line.
// Callers pass what happened, never a cookie, token or request body.

export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function logLine(event: string, fields: LogFields = {}): void {
  const line: Record<string, unknown> = { time: new Date().toISOString(), event };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) line[key] = value;
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** An error's name and message for the log only; responses carry a stable code instead. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
