// A question seed not used before in this session or exam (never repeat the same seed).
import type { Rng } from "../scenario/rng";

export function freshSeed(rng: Rng, used: ReadonlySet<number>): number {
  // 2^32 seeds against a few dozen used: a repeat is rare, and each retry draws a new number.
  for (;;) {
    const seed = rng.nextU32();
    if (!used.has(seed)) return seed;
  }
}
