// Bridges the generator's integer rng (lib/scenario/rng.ts) to the [0, 1) source that adaptive picking takes,
// and derives one independent, reproducible stream per (session seed, label).
import type { Rng as UnitRng } from "../quiz/adaptive";
import { createRng, hashString, type Rng } from "../scenario/rng";

export function toUnitRng(rng: Rng): UnitRng {
  return () => rng.nextU32() / 0x100000000;
}

/** The rng for one step of a session, e.g. derivedRng(sessionSeed, "question-3"). */
export function derivedRng(seed: number, label: string): Rng {
  return createRng((hashString(label) ^ seed) >>> 0);
}
