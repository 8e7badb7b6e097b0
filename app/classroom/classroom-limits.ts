import { serverEnv } from "@/app/server-env";
import { createRateLimiter, type RateLimiter } from "@/app/security/rate-limiter";

// Per-address brakes on the classroom's public doors: joining, and looking up codes that lead nowhere (a code
// prober sees mostly misses). One set per server process, on globalThis so Next's dev reloads keep it.

type ClassroomLimits = { readonly joins: RateLimiter; readonly misses: RateLimiter };

const globalForLimits = globalThis as unknown as { reachableClassroomLimits?: ClassroomLimits };

export function classroomLimits(): ClassroomLimits {
  const env = serverEnv();
  globalForLimits.reachableClassroomLimits ??= {
    joins: createRateLimiter({ limit: env.REACHABLE_CLASSROOM_JOINS_PER_MINUTE, windowMs: 60_000 }),
    misses: createRateLimiter({ limit: env.REACHABLE_CLASSROOM_MISSES_PER_MINUTE, windowMs: 60_000 }),
  };
  return globalForLimits.reachableClassroomLimits;
}

export function tooManyRequests(field: string, retryAfterMs: number): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return Response.json(
    {
      error: `${field}: too many attempts from your address; try again in ${seconds} s`,
      code: "rate-limited",
    },
    { status: 429, headers: { "retry-after": String(seconds) } },
  );
}
