// `npm run bench [-- --json] [-- --sizes 10,100] [-- --queries 5000] [-- --seed 1]`
// Reachability model: build time, heap after build, median/p95 per query, and query time against
// log2(route count). Re-executes itself with --expose-gc so that heap figures are after a full GC.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTopology } from "../lib/net/parse";
import { buildNetwork } from "../lib/net/network";
import { analyze } from "../lib/net/reachability";
import { countRoutes, generateQueries, generateTopology } from "./topologies";
import type { Query } from "../lib/net/query";

/** Pairs drawn from the first HOT_VPCS VPCs only: the second curve (fixed, cache-resident working set). */
const HOT_VPCS = 10;
import { median, percentile, renderCurve, renderTable, type ReachabilityRow } from "./report";

type Options = { json: boolean; sizes: number[]; queries: number; warmup: number; seed: number; generator: boolean };

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = (value("--sizes") ?? "10,100,1000,10000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes must be a comma-separated list of positive integers");
  return {
    json: argv.includes("--json"),
    sizes,
    queries: Number(value("--queries") ?? 5000),
    warmup: Number(value("--warmup") ?? 1000),
    seed: Number(value("--seed") ?? 1),
    generator: !argv.includes("--no-generator"),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

function benchSize(vpcs: number, options: Options): ReachabilityRow {
  const bench = generateTopology(vpcs, options.seed);
  const parseStart = nowMs();
  const parsed = parseTopology(bench.topology);
  const parseMs = nowMs() - parseStart;
  if (!parsed.ok) throw new Error(`generated topology is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  heapMB();
  const buildStart = nowMs();
  const cpuStart = process.cpuUsage();
  const network = buildNetwork(parsed.topology);
  const buildMs = nowMs() - buildStart;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process (all threads, so parallel GC counts) – less sensitive to other jobs on a shared machine.
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  const heap = heapMB();
  const timed = (queries: readonly Query[]): { times: number[]; reachable: number } => {
    let reachable = 0;
    for (const q of queries.slice(0, options.warmup)) analyze(network, q);
    const times: number[] = [];
    for (const q of queries.slice(options.warmup)) {
      const start = process.hrtime.bigint();
      const result = analyze(network, q);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
      if (result.reachable) reachable += 1;
    }
    return { times: times.sort((a, b) => a - b), reachable };
  };
  const { times, reachable } = timed(generateQueries(bench, options.queries + options.warmup, options.seed));
  const hot = timed(generateQueries(bench, options.queries + options.warmup, options.seed, HOT_VPCS)).times;
  return {
    suite: "reachability",
    vpcs,
    routes: countRoutes(bench.topology),
    parseMs: round(parseMs),
    buildMs: round(buildMs),
    buildCpuMs: round(buildCpuMs),
    heapMB: round(heap),
    queries: times.length,
    reachableShare: round(reachable / Math.max(1, times.length)),
    queryMedianUs: round(median(times)),
    queryP95Us: round(percentile(times, 0.95)),
    hotQueryMedianUs: round(median(hot)),
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;

async function generatorLines(): Promise<Record<string, unknown>[]> {
  const path = fileURLToPath(new URL("../lib/scenario/bench.ts", import.meta.url));
  if (!existsSync(path)) return [];
  const mod = (await import("../lib/scenario/bench")) as { benchGenerator?: (o: { clock: () => number; minMs?: number }) => { family: string; questionsPerSecond: number }[] };
  if (typeof mod.benchGenerator !== "function") return [];
  return mod.benchGenerator({ clock: nowMs, minMs: 500 }).map((r) => ({ ...r, questionsPerSecond: round(r.questionsPerSecond) }));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rows: ReachabilityRow[] = [];
  for (const size of options.sizes) {
    const row = benchSize(size, options);
    rows.push(row);
    if (options.json) process.stdout.write(`${JSON.stringify(row)}\n`);
  }
  const generator = options.generator ? await generatorLines() : [];
  if (options.json) {
    for (const line of generator) process.stdout.write(`${JSON.stringify({ suite: "generator", ...line })}\n`);
    return;
  }
  process.stdout.write(`Reachability model (seed ${options.seed}, ${options.queries} timed queries after ${options.warmup} warm-up, heap after full GC${gc ? "" : " UNAVAILABLE"})\n\n`);
  process.stdout.write(`${renderTable(rows)}\n\n${renderCurve(rows)}\n`);
  if (generator.length > 0) {
    process.stdout.write("\nQuestion generator (verified questions per second, one core):\n");
    for (const g of generator) process.stdout.write(`  ${String(g.family).padEnd(28)} ${String(g.questionsPerSecond).padStart(10)}\n`);
  }
}

// Heap figures need --expose-gc: re-run this script once with it (same loader flags, same arguments).
if (gc === undefined && process.env.REACHABLE_BENCH_CHILD !== "1") {
  const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, REACHABLE_BENCH_CHILD: "1" },
  });
  process.exitCode = child.status ?? 1;
} else {
  await main();
}
