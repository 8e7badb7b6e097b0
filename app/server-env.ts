import { z } from "zod";

// Environment parsed once, with field-named errors, instead of process.env reads scattered over modules.
const EnvSchema = z.object({
  /**
   * Shifts the server's clock by this many milliseconds. Tests start a second server "two days later" against
   * the same database this way, without patching globals; production leaves it unset.
   */
  REACHABLE_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

let parsed: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  }
  parsed = result.data;
  return parsed;
}
