// A small seeded PRNG (sfc32) for the question generator. Integer math only (Math.imul, >>>, |), so the
// same seed yields the same sequence byte for byte on every machine; no floats are ever produced.

export type Rng = {
  /** Next unsigned 32-bit integer. */
  readonly nextU32: () => number;
  /** Uniform integer in [min, max] (inclusive), unbiased by rejection sampling. */
  readonly int: (min: number, max: number) => number;
  /** True with probability numerator/denominator. */
  readonly chance: (numerator: number, denominator: number) => boolean;
  readonly pick: <T>(items: readonly T[]) => T;
  /** A new array in random order (Fisher-Yates); the input is not touched. */
  readonly shuffle: <T>(items: readonly T[]) => T[];
  /** `count` distinct items in random order. */
  readonly sample: <T>(items: readonly T[], count: number) => T[];
  /** Pick by integer weights. */
  readonly weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  /** An independent stream derived from this one and a label (keeps families' draws decoupled). */
  readonly fork: (label: string) => Rng;
};

/** FNV-1a over a string: a stable 32-bit hash for deriving seeds from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`rng seed must be an integer in [0, 2^32): ${seed}`);
  }
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so that nearby seeds diverge.
  for (let i = 0; i < 12; i += 1) nextU32();

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got ${min}, ${max}`);
    }
    const span = max - min + 1;
    if (span > 0x100000000) throw new RangeError("rng.int span exceeds 2^32");
    if (span === 0x100000000) return min + nextU32();
    // Reject the top sliver so every value is equally likely.
    const limit = 0x100000000 - (0x100000000 % span);
    let value = nextU32();
    while (value >= limit) value = nextU32();
    return min + (value % span);
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("rng.pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, weight] of items) {
      if (!Number.isInteger(weight) || weight < 0) throw new RangeError("rng.weighted needs integer weights >= 0");
      total += weight;
    }
    if (total <= 0) throw new RangeError("rng.weighted needs a positive total weight");
    let roll = int(0, total - 1);
    for (const [item, weight] of items) {
      if (roll < weight) return item;
      roll -= weight;
    }
    throw new Error("unreachable: weighted roll out of range");
  };

  return {
    nextU32,
    int,
    chance: (numerator, denominator) => int(0, denominator - 1) < numerator,
    pick,
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
    weighted,
    fork: (label) => createRng((hashString(label) ^ nextU32()) >>> 0),
  };
}
