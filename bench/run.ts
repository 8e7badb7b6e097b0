// `npm run bench [-- --json] [-- --sizes 10,100] [-- --queries 5000] [-- --seed 1] [-- --family fix-it]
// [-- --no-generator] [-- --no-reachability] [-- --validate-sizes 100,1000,5000] [-- --no-validate] [-- --lab-sizes 5,50,500] [-- --no-lab]` (scripts/bench.mjs bundles this file and runs it with
// --expose-gc). Reachability model: build time, heap after build, median/p95 per query, and query time
// against log2(route count); validate() time per size; then the question generator's throughput per family.
// Each suite runs in a child process of its own, and each generator family too: a family measured after the
// 10,000-VPC network or after other families would inherit their heap and V8's type feedback for shared
// code (lib/net sees other object shapes), and its figure would depend on the order of the list.
import { spawnSync } from "node:child_process";
import { parseTopology } from "../lib/net/parse";
import { benchFamily, type GeneratorBenchResult } from "../lib/scenario/bench";
import { findFamily, FAMILIES } from "../lib/scenario/registry";
import { buildNetwork } from "../lib/net/network";
import { analyze } from "../lib/net/reachability";
import { validate } from "../lib/net/validate";
import { countRoutes, generateQueries, generateTopology } from "./topologies";
import { benchLab, type LabRow } from "./lab";
import type { Query } from "../lib/net/query";

/** Pairs drawn from the first HOT_VPCS VPCs only: the second curve (fixed, cache-resident working set). */
const HOT_VPCS = 10;
import { median, percentile, renderCurve, renderTable, type ReachabilityRow } from "./report";

type Options = {
  json: boolean;
  sizes: number[];
  queries: number;
  warmup: number;
  seed: number;
  generator: boolean;
  reachability: boolean;
  families: string[];
  validateSizes: number[];
  validation: boolean;
  child?: "reachability" | "generator" | "validate" | "lab";
  labSizes: number[];
  lab: boolean;
};

function parseOptions(argv: readonly string[]): Options {
  // The last occurrence wins: a child process gets the parent's flags followed by its own.
  const value = (flag: string) => {
    const i = argv.lastIndexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = (value("--sizes") ?? "10,100,1000,10000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--sizes must be a comma-separated list of positive integers");
  const validateSizes = (value("--validate-sizes") ?? "100,1000,5000").split(",").map(Number);
  if (validateSizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--validate-sizes must be a comma-separated list of positive integers");
  const labSizes = (value("--lab-sizes") ?? "5,50,500").split(",").map(Number);
  if (labSizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--lab-sizes must be a comma-separated list of positive integers");
  const child = value("--child");
  return {
    json: argv.includes("--json"),
    sizes,
    queries: Number(value("--queries") ?? 5000),
    warmup: Number(value("--warmup") ?? 1000),
    seed: Number(value("--seed") ?? 1),
    generator: !argv.includes("--no-generator"),
    reachability: !argv.includes("--no-reachability"),
    families: value("--family")?.split(",") ?? FAMILIES.map((f) => f.name),
    validateSizes,
    validation: !argv.includes("--no-validate"),
    labSizes,
    lab: !argv.includes("--no-lab"),
    ...(child === "reachability" || child === "generator" || child === "validate" || child === "lab"
      ? { child }
      : {}),
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
  if (!parsed.ok)
    throw new Error(`generated topology is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
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

export type ValidateRow = {
  suite: "validate";
  vpcs: number;
  subnets: number;
  routes: number;
  issues: number;
  ms: number;
  cpuMs: number;
};

/** validate() on the benchmark topology of one size: median of three runs (it must stay near-linear). */
function benchValidate(vpcs: number, options: Options): ValidateRow {
  const bench = generateTopology(vpcs, options.seed);
  const parsed = parseTopology(bench.topology);
  if (!parsed.ok) throw new Error("generated topology is invalid");
  const runs: { ms: number; cpuMs: number; issues: number }[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = nowMs();
    const cpu = process.cpuUsage();
    const issues = validate(parsed.topology).length;
    const used = process.cpuUsage(cpu);
    runs.push({ ms: nowMs() - start, cpuMs: (used.user + used.system) / 1000, issues });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const mid = runs[1];
  if (mid === undefined) throw new Error("bench: validate needs at least two runs to take the middle one");
  return {
    suite: "validate",
    vpcs,
    subnets: parsed.topology.subnets.length,
    routes: countRoutes(bench.topology),
    issues: mid.issues,
    ms: round(mid.ms),
    cpuMs: round(mid.cpuMs),
  };
}

/** Runs this script again with the same flags plus `args`, and returns the JSON lines it prints. */
function runChild(args: readonly string[]): Record<string, unknown>[] {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1] ?? "", ...process.argv.slice(2), ...args],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0)
    throw new Error(`bench child ${args.join(" ")} failed with exit code ${child.status ?? "?"}`);
  return child.stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Generation throughput target for families whose questions come from the model (docs/bench.md). */
const GENERATOR_TARGET = 5000;

/** Lab edit -> verdict target (README, "The lab"): 50 VPCs within 50 ms at p95. */
const LAB_TARGET_MS = 50;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.child === "lab") {
    for (const size of options.labSizes)
      for (const line of await benchLab(size, options.seed))
        process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  if (options.child === "reachability") {
    for (const size of options.sizes) process.stdout.write(`${JSON.stringify(benchSize(size, options))}\n`);
    return;
  }
  if (options.child === "validate") {
    for (const size of options.validateSizes)
      process.stdout.write(`${JSON.stringify(benchValidate(size, options))}\n`);
    return;
  }
  if (options.child === "generator") {
    for (const name of options.families) {
      const family = findFamily(name);
      if (!family) throw new Error(`--family: unknown family "${name}"`);
      process.stdout.write(`${JSON.stringify(benchFamily(family))}\n`);
    }
    return;
  }
  for (const name of options.families)
    if (!findFamily(name)) throw new Error(`--family: unknown family "${name}"`);
  const rows = options.reachability ? (runChild(["--child", "reachability"]) as ReachabilityRow[]) : [];
  if (options.json) for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
  const validation = options.validation ? (runChild(["--child", "validate"]) as ValidateRow[]) : [];
  if (options.json) for (const row of validation) process.stdout.write(`${JSON.stringify(row)}\n`);
  const lab = options.lab ? (runChild(["--child", "lab"]) as LabRow[]) : [];
  if (options.json) for (const row of lab) process.stdout.write(`${JSON.stringify(row)}\n`);
  const generator: GeneratorBenchResult[] = [];
  for (const name of options.generator ? options.families : []) {
    const lines = runChild(["--child", "generator", "--family", name]) as GeneratorBenchResult[];
    generator.push(...lines);
    if (options.json) for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  if (options.json) return;
  if (rows.length > 0) {
    process.stdout.write(
      `Reachability model (seed ${options.seed}, ${options.queries} timed queries after ${options.warmup} warm-up, heap after full GC${gc ? "" : " UNAVAILABLE"})\n\n`,
    );
    process.stdout.write(`${renderTable(rows)}\n\n${renderCurve(rows)}\n`);
  }
  if (validation.length > 0) {
    process.stdout.write("\nvalidate() (median of 3; target: <= 1 s at 5,000 VPCs):\n");
    for (const v of validation)
      process.stdout.write(
        `  ${String(v.vpcs).padStart(6)} VPCs ${String(v.subnets).padStart(7)} subnets ${String(v.ms).padStart(9)} ms  (${v.cpuMs} ms CPU, ${v.issues} issues)\n`,
      );
  }
  if (lab.length > 0) {
    process.stdout.write(
      `\nLab edit -> verdict (ms; target: 50 VPCs <= ${LAB_TARGET_MS} ms at p95; worker = in-memory topology, server = text + HTTP + JSON):\n`,
    );
    for (const l of lab)
      process.stdout.write(
        `  ${l.mode.padEnd(7)} ${String(l.vpcs).padStart(5)} VPCs ${String(l.textKB).padStart(8)} KB text  median ${String(l.medianMs).padStart(8)}  p95 ${String(l.p95Ms).padStart(8)}\n`,
      );
  }
  if (generator.length > 0) {
    process.stdout.write(
      "\nQuestion generator (verified questions per second on one core; median of 5 rounds, each family in a fresh process):\n",
    );
    process.stdout.write(`  ${"family".padEnd(22)} ${"q/s".padStart(8)} ${"q/cpu-s".padStart(8)}  rounds\n`);
    for (const g of generator) {
      const verdict = g.usesModel
        ? g.questionsPerSecond >= GENERATOR_TARGET
          ? `  target ${GENERATOR_TARGET}: MET`
          : `  target ${GENERATOR_TARGET}: MISSED`
        : "";
      process.stdout.write(
        `  ${g.family.padEnd(22)} ${String(g.questionsPerSecond).padStart(8)} ${String(g.questionsPerCpuSecond ?? "-").padStart(8)}  ${g.roundRates.join(" ")}${verdict}\n`,
      );
    }
  }
}

// Bad flags (an unknown --family, a malformed --sizes) end with one line on stderr and exit code 2.
main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
