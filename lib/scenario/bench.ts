// Generation throughput per family, for `npm run bench` (bench/run.ts runs each family in a fresh process).
// Each generated question of a model family is verified by construction (its key comes from the model's
// analysis of the question's own topology), so questions per second here are verified questions per second
// on one core.
// Method: warm up until the rate is steady (three consecutive 250 ms windows within 10% of their mean; at
// least 5 s, at most 15 s: measured, hybrid needs 3-4.5 s of generation before V8 has optimised its paths,
// and fix-it dips again around 3.5 s before it settles after about 5 s), then measure several rounds of
// fresh seeds. `questionsPerSecond` is the median round's wall-clock rate, so
// that one round disturbed by another job on a shared machine does not decide the figure; `roundRates` shows
// every round. `questionsPerCpuSecond` is all measured questions over the process's CPU time (all threads,
// so V8's GC and compiler threads count too: it can be lower than the wall-clock rate on an idle machine).
import type { Family } from "./family";
import { FAMILIES } from "./registry";

export type GeneratorBenchResult = {
  readonly suite: "generator";
  readonly family: string;
  readonly usesModel: boolean;
  /** Questions over all measured rounds, and the wall-clock seconds they took. */
  readonly questions: number;
  readonly seconds: number;
  /** Median of the per-round rates. */
  readonly questionsPerSecond: number;
  readonly roundRates: readonly number[];
  /** CPU seconds the process spent over the measured questions (user + system), when measurable. */
  readonly cpuSeconds?: number;
  readonly questionsPerCpuSecond?: number;
};

export type BenchOptions = {
  /** Monotonic clock in milliseconds; injectable for tests, defaults to performance.now. */
  readonly clock?: () => number;
  /** Process CPU time in milliseconds; defaults to process.cpuUsage under Node, `null` to leave it out. */
  readonly cpuClock?: (() => number) | null;
  /** Warm-up per family in milliseconds: at least `warmupMs` (default 5,000), then until the rate is steady, at most `maxWarmupMs` (default 15,000). */
  readonly warmupMs?: number;
  readonly maxWarmupMs?: number;
  /** Measured rounds per family (default 5) and the minimum length of each in milliseconds (default 300). */
  readonly rounds?: number;
  readonly roundMs?: number;
  readonly families?: readonly Family[];
};

function defaultCpuClock(): (() => number) | undefined {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process
    ?.cpuUsage;
  if (typeof usage !== "function") return undefined;
  return () => {
    const u = usage();
    return (u.user + u.system) / 1000;
  };
}

/** Generated in batches between clock readings, so reading the clock costs nothing measurable. */
const BATCH = 25;
const WARMUP_WINDOW_MS = 250;

/** Three window rates, each within 10% of their mean. */
function isSteady(rates: readonly number[]): boolean {
  if (rates.length < 3) return false;
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  return rates.every((r) => Math.abs(r - mean) <= 0.1 * mean);
}

/** Measured seeds start here, past every warm-up seed, so no measured question was generated before. */
const FIRST_MEASURED_SEED = 1_000_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function benchFamily(family: Family, options: BenchOptions = {}): GeneratorBenchResult {
  const clock = options.clock ?? (() => performance.now());
  const cpuClock = options.cpuClock === null ? undefined : (options.cpuClock ?? defaultCpuClock());
  const warmupMs = options.warmupMs ?? 5000;
  const maxWarmupMs = Math.max(warmupMs, options.maxWarmupMs ?? 15_000);
  const rounds = Math.max(1, options.rounds ?? 5);
  const roundMs = options.roundMs ?? 300;
  const difficultyOf = (i: number) => family.difficulties[i % family.difficulties.length] ?? 1;

  const warmStart = clock();
  const windows: number[] = [];
  for (let seed = 0; ;) {
    const start = clock();
    let count = 0;
    while (clock() - start < WARMUP_WINDOW_MS) {
      for (let i = 0; i < BATCH; i += 1, seed += 1, count += 1) family.generate(seed, difficultyOf(seed));
    }
    windows.push(count / (clock() - start));
    const elapsed = clock() - warmStart;
    if (elapsed >= maxWarmupMs || (elapsed >= warmupMs && isSteady(windows.slice(-3)))) break;
  }
  const roundRates: number[] = [];
  let questions = 0;
  let elapsedMs = 0;
  const cpuStart = cpuClock?.();
  for (let round = 0; round < rounds; round += 1) {
    const start = clock();
    let count = 0;
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let i = 0; i < BATCH; i += 1) {
        const n = questions + count;
        family.generate(FIRST_MEASURED_SEED + n, difficultyOf(n));
        count += 1;
      }
      elapsed = clock() - start;
    }
    roundRates.push(Math.round(count / (elapsed / 1000)));
    questions += count;
    elapsedMs += elapsed;
  }
  const cpuSeconds = cpuClock && cpuStart !== undefined ? (cpuClock() - cpuStart) / 1000 : undefined;
  return {
    suite: "generator",
    family: family.name,
    usesModel: family.usesModel,
    questions,
    seconds: elapsedMs / 1000,
    questionsPerSecond: Math.round(median(roundRates)),
    roundRates,
    ...(cpuSeconds !== undefined && cpuSeconds > 0
      ? { cpuSeconds, questionsPerCpuSecond: Math.round(questions / cpuSeconds) }
      : {}),
  };
}

export function benchGenerator(options: BenchOptions = {}): GeneratorBenchResult[] {
  return (options.families ?? FAMILIES).map((family) => benchFamily(family, options));
}
