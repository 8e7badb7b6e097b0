// Paired A/B of the model's query time (not part of npm run bench): `node scripts/query-paired.mjs <base-rev>
// [vpcs] [rounds]` puts <base-rev>'s lib/ beside this worktree's in one process (both networks built from one
// parsed input, so both hold the queries' id strings, as in run.ts) and lets them take turns on the same queries,
// so a load change on the shared machine hits both alike. Single runs of `npm run bench` moved by ±25 % at load
// 1–2 and more at load 10–20; the per-round ratio of this harness stays within about ±3 % for identical code.
import { generateQueries, generateTopology } from "./topologies";
import type { Query } from "../lib/net/query";

/** One build of the model: parse, compile, analyze (each build's own functions, so its own V8 type feedback). */
export type ModelBuild = {
  parse(input: unknown): { ok: boolean; topology?: unknown };
  build(topology: unknown): unknown;
  reachable(network: unknown, query: Query): boolean;
};

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Per round (seed = round number; round 1 is run.ts's query list): 1,000 warm-up queries each, then 5,000 timed
 * ones in batches of 50 that take turns (which build goes first flips every batch). Returns both medians per
 * round, their medians over the rounds and the median of the per-round ratios branch / base.
 */
export function pairedQueryMedians(base: ModelBuild, branch: ModelBuild, vpcs: number, rounds: number) {
  const input = generateTopology(vpcs, 1);
  const network = (m: ModelBuild) => {
    const parsed = m.parse(input.topology);
    if (!parsed.ok) throw new Error("query-paired: the generated topology is invalid");
    return m.build(parsed.topology);
  };
  const netA = network(base);
  const netB = network(branch);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    const qs = generateQueries(input, 6000, r);
    for (const q of qs.slice(0, 1000)) {
      base.reachable(netA, q);
      branch.reachable(netB, q);
    }
    const ta: number[] = [];
    const tb: number[] = [];
    const batch = (m: ModelBuild, net: unknown, out: number[], from: number) => {
      for (const q of qs.slice(from, from + 50)) {
        const start = process.hrtime.bigint();
        m.reachable(net, q);
        out.push(Number(process.hrtime.bigint() - start) / 1000);
      }
    };
    for (let i = 1000; i < qs.length; i += 50) {
      const baseFirst = (i / 50) % 2 === 1;
      batch(baseFirst ? base : branch, baseFirst ? netA : netB, baseFirst ? ta : tb, i);
      batch(baseFirst ? branch : base, baseFirst ? netB : netA, baseFirst ? tb : ta, i);
    }
    a.push(median(ta));
    b.push(median(tb));
  }
  return {
    vpcs,
    base: a.map(round2),
    branch: b.map(round2),
    baseMedian: round2(median(a)),
    branchMedian: round2(median(b)),
    ratioMedian: round2(median(a.map((x, i) => (b[i] as number) / x))),
  };
}
