// Statistics and the printed table / curve for bench/run.ts.

export type ReachabilityRow = {
  suite: "reachability";
  vpcs: number;
  routes: number;
  parseMs: number;
  buildMs: number;
  /** Process CPU time during the build (user + system, all threads). */
  buildCpuMs: number;
  heapMB: number;
  queries: number;
  reachableShare: number;
  queryMedianUs: number;
  queryP95Us: number;
  /** Median over pairs among the first 10 VPCs only (same network, cache-resident working set). */
  hotQueryMedianUs: number;
};

/** Sorted input. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (sorted: readonly number[]): number => percentile(sorted, 0.5);

const TARGETS = {
  medianAt1000Us: 20,
  buildAt10000Ms: 2000,
  heapAt10000MB: 1024,
};

function pad(values: (string | number)[], widths: number[]): string {
  return values.map((v, i) => String(v).padStart(widths[i] ?? 8)).join("  ");
}

export function renderTable(rows: readonly ReachabilityRow[]): string {
  const widths = [7, 9, 10, 10, 11, 9, 11, 10, 9, 12];
  const lines = [
    pad(
      [
        "VPCs",
        "routes",
        "parse ms",
        "build ms",
        "build cpu",
        "heap MB",
        "median µs",
        "p95 µs",
        "reach %",
        "hot med µs",
      ],
      widths,
    ),
  ];
  for (const r of rows) {
    lines.push(
      pad(
        [
          r.vpcs,
          r.routes,
          r.parseMs.toFixed(1),
          r.buildMs.toFixed(1),
          r.buildCpuMs.toFixed(1),
          r.heapMB.toFixed(1),
          r.queryMedianUs.toFixed(2),
          r.queryP95Us.toFixed(2),
          (r.reachableShare * 100).toFixed(0),
          r.hotQueryMedianUs.toFixed(2),
        ],
        widths,
      ),
    );
  }
  const at1000 = rows.find((r) => r.vpcs === 1000);
  const at10000 = rows.find((r) => r.vpcs === 10000);
  lines.push("");
  if (at1000)
    lines.push(
      `target: median query at 1,000 VPCs <= ${TARGETS.medianAt1000Us} µs: ${at1000.queryMedianUs} µs ${at1000.queryMedianUs <= TARGETS.medianAt1000Us ? "MET" : "MISSED"}`,
    );
  if (at10000) {
    lines.push(
      `target: build at 10,000 VPCs <= ${TARGETS.buildAt10000Ms} ms: ${at10000.buildMs} ms ${at10000.buildMs <= TARGETS.buildAt10000Ms ? "MET" : "MISSED"}`,
    );
    lines.push(
      `target: heap at 10,000 VPCs <= ${TARGETS.heapAt10000MB} MB: ${at10000.heapMB} MB ${at10000.heapMB <= TARGETS.heapAt10000MB ? "MET" : "MISSED"}`,
    );
  }
  return lines.join("\n");
}

/**
 * Query time against log2(route count): a horizontal bar per size for the random-pair median and for
 * the hot-working-set median, plus the growth check — between the smallest and the largest size,
 * median time may grow at most as much as log2(routes) does (with 50% slack for timer noise on a
 * shared machine). Random pairs also pay for cache and TLB misses once the network outgrows the
 * caches; the hot curve holds the working set fixed and shows the algorithmic growth alone.
 */
export function renderCurve(rows: readonly ReachabilityRow[]): string {
  if (rows.length === 0) return "";
  const max = Math.max(...rows.map((r) => Math.max(r.queryMedianUs, r.hotQueryMedianUs)));
  const bar = (us: number): string => "#".repeat(Math.max(1, Math.round((us / max) * 40)));
  const lines = ["median query time vs log2(route count)  (random pairs / hot working set):"];
  for (const r of rows) {
    lines.push(
      `  log2(routes)=${Math.log2(r.routes).toFixed(1).padStart(5)}  random ${r.queryMedianUs.toFixed(2).padStart(8)} µs  ${bar(r.queryMedianUs)}`,
    );
    lines.push(
      `  ${" ".repeat(18)}  hot    ${r.hotQueryMedianUs.toFixed(2).padStart(8)} µs  ${bar(r.hotQueryMedianUs)}`,
    );
  }
  const first = rows[0] as ReachabilityRow;
  const last = rows[rows.length - 1] as ReachabilityRow;
  if (rows.length > 1) {
    const logGrowth = Math.log2(last.routes) / Math.log2(first.routes);
    for (const [name, pick] of [
      ["random", (r: ReachabilityRow) => r.queryMedianUs],
      ["hot", (r: ReachabilityRow) => r.hotQueryMedianUs],
    ] as const) {
      const timeGrowth = pick(last) / pick(first);
      const ok = timeGrowth <= logGrowth * 1.5;
      lines.push(
        `  growth ${first.vpcs} -> ${last.vpcs} VPCs (${name}): time x${timeGrowth.toFixed(2)}, log2(routes) x${logGrowth.toFixed(2)}, routes x${(last.routes / first.routes).toFixed(0)}: ${ok ? "no faster than log(routes)" : "FASTER than log(routes)"}`,
      );
    }
  }
  return lines.join("\n");
}
