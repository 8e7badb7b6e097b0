import { z } from "zod";
import { fromZodIssues, succeed, type SrsResult } from "./result";

// The learner's review settings. Defaults follow the FSRS recommendations: retention 0.9 is the default
// trade-off between workload and recall; below 0.7 or above 0.99 the workload curve makes little sense.

export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.99;

/**
 * FSRS-6 has 21 parameters (ts-fsrs 5 and the optimizer both use FSRS-6). A stored array of another length
 * comes from another FSRS version and is refused rather than migrated silently.
 */
export const FSRS_PARAMETER_COUNT = 21;

export const fsrsParametersSchema = z
  .array(z.number({ error: "fsrsParameters must hold finite numbers" }), {
    error: "fsrsParameters must be a list of numbers",
  })
  .length(FSRS_PARAMETER_COUNT, `fsrsParameters must hold ${FSRS_PARAMETER_COUNT} numbers (FSRS-6)`)
  .readonly();

export type FsrsParameters = z.infer<typeof fsrsParametersSchema>;

export const srsSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "desiredRetention must be a number" })
    .min(MIN_DESIRED_RETENTION, `desiredRetention must be at least ${MIN_DESIRED_RETENTION}`)
    .max(MAX_DESIRED_RETENTION, `desiredRetention must be at most ${MAX_DESIRED_RETENTION}`)
    .default(0.9),
  newCardsPerDay: z
    .number({ error: "newCardsPerDay must be a number" })
    .int("newCardsPerDay must be a whole number")
    .min(0, "newCardsPerDay cannot be negative")
    .max(1000, "newCardsPerDay must be at most 1000")
    .default(20),
  maximumIntervalDays: z
    .number({ error: "maximumIntervalDays must be a number" })
    .int("maximumIntervalDays must be a whole number")
    .min(1, "maximumIntervalDays must be at least 1")
    .max(36500, "maximumIntervalDays must be at most 36500")
    .default(365),
  /** The learner's day starts this many minutes after 00:00 UTC (e.g. -120 for midnight in UTC+2). */
  dayStartOffsetMinutes: z
    .number({ error: "dayStartOffsetMinutes must be a number" })
    .int("dayStartOffsetMinutes must be a whole number")
    .min(-1439, "dayStartOffsetMinutes must be at least -1439")
    .max(1439, "dayStartOffsetMinutes must be at most 1439")
    .default(0),
  /** Parameters fitted to the learner's own log by the optimizer; null schedules with the ts-fsrs defaults. */
  fsrsParameters: fsrsParametersSchema.nullable().default(null),
});

export type SrsSettings = z.infer<typeof srsSettingsSchema>;

export const DEFAULT_SRS_SETTINGS: SrsSettings = srsSettingsSchema.parse({});

/** Parse untrusted settings (a form, a stored row); missing fields take their defaults. */
export function parseSrsSettings(input: unknown): SrsResult<SrsSettings> {
  const parsed = srsSettingsSchema.safeParse(input ?? {});
  return parsed.success ? succeed(parsed.data) : { ok: false, issues: fromZodIssues(parsed.error.issues) };
}
