// A small seeded PRNG (sfc32) for the question generator. Integer math only (Math.imul, >>>, |), so the
// same seed yields the same sequence byte for byte on every machine; no floats are ever produced.

export type Rng = {
  /** Next unsigned 32-bit integer. */
  nextU32(): number;
  /** Uniform integer in [min, max] (inclusive), unbiased by rejection sampling. */
  int(min: number, max: number): number;
  /** True with probability numerator/denominator. */
  chance(numerator: number, denominator: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new array in random order (Fisher-Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Pick by integer weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** An independent stream derived from this one and a label (keeps families' draws decoupled). */
  fork(label: string): Rng;
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
  return new Sfc32(seed >>> 0);
}

/**
 * createRng(seed).fork(label), without building the parent rng: families fork a fresh seed's stream once per
 * question (hybrid five times), and each throwaway parent cost its eight bound methods and twelve warm-up rounds
 * (about half a microsecond). The parent's one draw, its thirteenth output, is computed here by the same sfc32
 * steps as Sfc32.next (tests/scenario/rng.test.ts compares the two over many seeds).
 */
export function forkedRng(seed: number, label: string): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`rng seed must be an integer in [0, 2^32): ${seed}`);
  }
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  let t = 0;
  // Twelve warm-up rounds (the constructor's), then the draw fork takes.
  for (let i = 0; i < 13; i += 1) {
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  return createRng((hashString(label) ^ (t >>> 0)) >>> 0);
}

// A class rather than closures: generators create two rngs per question, and making nine closures per rng
// cost more than the draws themselves under tsx (each closure is wrapped to keep its name); bind does not.
class Sfc32 implements Rng {
  private a = 0x9e3779b9;
  private b = 0x243f6a88;
  private c = 0xb7e15162;
  private d: number;

  constructor(seed: number) {
    this.d = seed;
    // Own, bound methods (like the closures they replace): `{ ...rng, int: scripted }` copies them, and the
    // copied methods keep drawing from this rng's own state and its own `int`.
    this.nextU32 = this.nextU32.bind(this);
    this.int = this.int.bind(this);
    this.chance = this.chance.bind(this);
    this.pick = this.pick.bind(this);
    this.shuffle = this.shuffle.bind(this);
    this.sample = this.sample.bind(this);
    this.weighted = this.weighted.bind(this);
    this.fork = this.fork.bind(this);
    // Warm up so that nearby seeds diverge.
    for (let i = 0; i < 12; i += 1) this.next();
  }

  private next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  nextU32(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got ${min}, ${max}`);
    }
    const span = max - min + 1;
    if (span > 0x100000000) throw new RangeError("rng.int span exceeds 2^32");
    if (span === 0x100000000) return min + this.next();
    // Reject the top sliver so every value is equally likely: a draw is rejected when it lies at or above
    // limit = 2^32 - (2^32 % span), which is exactly when the multiple of span below it, value - value % span,
    // exceeds 2^32 - span. Testing it that way needs one modulo per draw instead of two (on values this
    // large, % is a floating-point remainder, a call into C in V8; the generator draws ~100 ints per question).
    let value = this.next();
    let rest = value % span;
    while (value - rest > 0x100000000 - span) {
      value = this.next();
      rest = value % span;
    }
    return min + rest;
  }

  chance(numerator: number, denominator: number): boolean {
    return this.int(0, denominator - 1) < numerator;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("rng.pick from an empty list");
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) {
      if (!Number.isInteger(weight) || weight < 0)
        throw new RangeError("rng.weighted needs integer weights >= 0");
      total += weight;
    }
    if (total <= 0) throw new RangeError("rng.weighted needs a positive total weight");
    let roll = this.int(0, total - 1);
    for (const [item, weight] of items) {
      if (roll < weight) return item;
      roll -= weight;
    }
    throw new Error("unreachable: weighted roll out of range");
  }

  fork(label: string): Rng {
    return createRng((hashString(label) ^ this.next()) >>> 0);
  }
}
