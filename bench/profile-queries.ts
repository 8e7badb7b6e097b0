// Ad-hoc CPU profile helper (not part of npm run bench): `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-queries.ts 1000`
import { parseTopology } from "../lib/net/parse";
import { buildNetwork } from "../lib/net/network";
import { analyze } from "../lib/net/reachability";
import { generateQueries, generateTopology } from "./topologies";

const size = Number(process.argv[2] ?? 1000);
const bench = generateTopology(size, 1);
const parsed = parseTopology(bench.topology);
if (!parsed.ok) throw new Error("invalid");
const net = buildNetwork(parsed.topology);
const queries = generateQueries(bench, 20000, 1);
const t0 = process.hrtime.bigint();
let n = 0;
for (let r = 0; r < 5; r++) for (const q of queries) if (analyze(net, q).reachable) n++;
console.log(n, Number(process.hrtime.bigint() - t0) / 1e3 / 100000, "us/query avg");
