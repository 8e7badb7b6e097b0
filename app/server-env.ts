import { z } from "zod";

// Environment parsed once, with field-named errors, instead of process.env reads scattered over modules.
const EnvSchema = z.object({
  /**
   * Shifts the server's clock by this many milliseconds. Tests start a second server "two days later" against
   * the same database this way, without patching globals; production leaves it unset.
   */
  REACHABLE_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  /** Mock exam defaults ("e.g. 20 questions, 30 minutes; both configurable"); a learner may override them. */
  REACHABLE_EXAM_QUESTIONS: z.coerce.number().int().min(1).max(65).default(20),
  /** In milliseconds, so tests can run an exam of a few seconds to see it submit itself. */
  REACHABLE_EXAM_DURATION_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(30 * 60 * 1000),
  /** Percent right to pass an exam and to "meet" a domain. */
  REACHABLE_EXAM_PASS_PERCENT: z.coerce.number().min(0).max(100).default(70),
  /** Players one classroom game accepts; a join beyond it is refused with "this game is full". */
  REACHABLE_CLASSROOM_MAX_PLAYERS: z.coerce.number().int().min(1).max(10_000).default(1000),
  /**
   * Joins per client address per minute. A whole class often shares one address (school NAT), so this is a
   * brake on scripted joins, not on a class.
   */
  REACHABLE_CLASSROOM_JOINS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Lookups of join codes that do not exist (or are not yours) per client address per minute: stops probing. */
  REACHABLE_CLASSROOM_MISSES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** The origin browsers use (https://tutor.example.org) when a proxy hides it: the passkeys' relying party. */
  REACHABLE_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

let parsed: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  parsed = result.data;
  return parsed;
}
