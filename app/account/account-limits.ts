import { createRateLimiter, type RateLimiter } from "@/app/security/rate-limiter";

// Brakes on password guessing, per server process: sign-up and sign-in attempts per client address, and failed
// sign-ins per username (so a guesser spread over many addresses still meets a wall on one account). On
// globalThis so Next's dev reloads keep them.

export const ATTEMPTS_PER_ADDRESS = { limit: 20, windowMs: 10 * 60_000 };
export const FAILURES_PER_USERNAME = { limit: 5, windowMs: 15 * 60_000 };

type AccountLimits = { readonly attempts: RateLimiter; readonly failures: RateLimiter };

const globalForLimits = globalThis as unknown as { reachableAccountLimits?: AccountLimits };

export function accountLimits(): AccountLimits {
  globalForLimits.reachableAccountLimits ??= {
    attempts: createRateLimiter(ATTEMPTS_PER_ADDRESS),
    failures: createRateLimiter(FAILURES_PER_USERNAME),
  };
  return globalForLimits.reachableAccountLimits;
}
