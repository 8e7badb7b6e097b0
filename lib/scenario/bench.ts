// Generation throughput per family, for `npm run bench` (wired in bench/run.ts). Each generated question of
// a model family is verified by construction (its key comes from the model's analysis of the question's own
// topology), so questions per second here are verified questions per second on one core.
// `questionsPerSecond` is wall-clock. The result also carries `questionsPerCpuSecond`: the same count over
// the CPU time of the whole process (all threads, so V8's GC and compiler threads count too; it can be lower
// than the wall-clock rate on an idle machine and higher on a busy one). Both are reported; neither replaces
// the other.
import type { Family } from "./family";
import { FAMILIES } from "./registry";

export type GeneratorBenchResult = {
  readonly suite: "generator";
  readonly family: string;
  readonly usesModel: boolean;
  readonly questions: number;
  readonly seconds: number;
  readonly questionsPerSecond: number;
  /** CPU seconds the process spent over the same questions (user + system), when measurable. */
  readonly cpuSeconds?: number;
  readonly questionsPerCpuSecond?: number;
};

export type BenchOptions = {
  /** Monotonic clock in milliseconds; injectable for tests, defaults to performance.now. */
  readonly clock?: () => number;
  /** Process CPU time in milliseconds; defaults to process.cpuUsage under Node, `null` to leave it out. */
  readonly cpuClock?: (() => number) | null;
  /** Minimum measuring time per family in milliseconds (default 1000). */
  readonly minMs?: number;
  /** Minimum warm-up time per family in milliseconds before measuring (default max(minMs, 1000), at most 2,000 seeds). */
  readonly warmupMs?: number;
  readonly families?: readonly Family[];
};

function defaultCpuClock(): (() => number) | undefined {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
  if (typeof usage !== "function") return undefined;
  return () => {
    const u = usage();
    return (u.user + u.system) / 1000;
  };
}

const WARMUP_MIN_SEEDS = 50;
const WARMUP_MAX_SEEDS = 2000;

export function benchGenerator(options: BenchOptions = {}): GeneratorBenchResult[] {
  const minMs = options.minMs ?? 1000;
  // Model families need a few hundred questions before V8 has optimised lib/net's hot paths.
  const warmupMs = options.warmupMs ?? Math.max(minMs, 1000);
  const clock = options.clock ?? (() => performance.now());
  const cpuClock = options.cpuClock === null ? undefined : (options.cpuClock ?? defaultCpuClock());
  return (options.families ?? FAMILIES).map((family) => {
    const difficultyOf = (i: number) => family.difficulties[i % family.difficulties.length] ?? 1;
    // A full GC first when the runtime exposes it (`npm run bench` runs with --expose-gc), so that garbage left
    // by earlier suites (the 10,000-VPC topology) is not collected inside this family's window.
    (globalThis as { gc?: () => void }).gc?.();
    // Warm up the JIT so that the figure is steady-state (warm-up seeds are not the measured ones).
    const warmStart = clock();
    for (let seed = 0; seed < WARMUP_MAX_SEEDS && (seed < WARMUP_MIN_SEEDS || clock() - warmStart < warmupMs); seed += 1) {
      family.generate(seed, difficultyOf(seed));
    }
    const start = clock();
    const cpuStart = cpuClock?.();
    let count = 0;
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let i = 0; i < 50; i += 1) {
        const seed = WARMUP_MAX_SEEDS + count;
        family.generate(seed, difficultyOf(count));
        count += 1;
      }
      elapsed = clock() - start;
    }
    const seconds = elapsed / 1000;
    const cpuSeconds = cpuClock && cpuStart !== undefined ? (cpuClock() - cpuStart) / 1000 : undefined;
    return {
      suite: "generator", family: family.name, usesModel: family.usesModel, questions: count, seconds, questionsPerSecond: Math.round(count / seconds),
      ...(cpuSeconds !== undefined && cpuSeconds > 0 ? { cpuSeconds, questionsPerCpuSecond: Math.round(count / cpuSeconds) } : {}),
    };
  });
}
