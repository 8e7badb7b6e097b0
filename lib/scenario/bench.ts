// Generation throughput per family, for `npm run bench` (wired elsewhere). Each generated question of a
// model family is verified by construction (its key comes from the model's analysis), so questions per
// second here are verified questions per second on one core.
import type { Family } from "./family";
import { FAMILIES } from "./registry";

export type GeneratorBenchResult = {
  readonly suite: "generator";
  readonly family: string;
  readonly usesModel: boolean;
  readonly questions: number;
  readonly seconds: number;
  readonly questionsPerSecond: number;
};

export type BenchOptions = {
  /** Monotonic clock in milliseconds; injectable for tests, defaults to performance.now. */
  readonly clock?: () => number;
  /** Minimum measuring time per family in milliseconds (default 1000). */
  readonly minMs?: number;
  readonly families?: readonly Family[];
};

export function benchGenerator(options: BenchOptions = {}): GeneratorBenchResult[] {
  const minMs = options.minMs ?? 1000;
  const clock = options.clock ?? (() => performance.now());
  return (options.families ?? FAMILIES).map((family) => {
    // Warm up the JIT on a few seeds first.
    for (let seed = 0; seed < 50; seed += 1) family.generate(seed, family.difficulties[seed % family.difficulties.length] ?? 1);
    const start = clock();
    let count = 0;
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let i = 0; i < 50; i += 1) {
        const seed = 1000 + count;
        family.generate(seed, family.difficulties[count % family.difficulties.length] ?? 1);
        count += 1;
      }
      elapsed = clock() - start;
    }
    const seconds = elapsed / 1000;
    return { suite: "generator", family: family.name, usesModel: family.usesModel, questions: count, seconds, questionsPerSecond: Math.round(count / seconds) };
  });
}
