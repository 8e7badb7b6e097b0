// Proof that a change to the model leaves every answer as it was (not part of npm run bench):
// `npx tsx bench/analysis-hash.ts 1000 20000` prints the sha256 of the JSON of `analyze` over the bench topology's
// queries (seeds 1, 2, 3, 7) with some switched to other protocols and ports, to or from "internet" and to
// addresses, and the count of each blocker code. Run it before and after; the hashes must be equal.
import { createHash } from "node:crypto";
import { parseTopology } from "../lib/net/parse";
import { buildNetwork } from "../lib/net/network";
import { analyze } from "../lib/net/reachability";
import type { Query } from "../lib/net/query";
import { generateQueries, generateTopology } from "./topologies";

const size = Number(process.argv[2] ?? 1000);
const count = Number(process.argv[3] ?? 20000);
const parsed = parseTopology(generateTopology(size, 1).topology);
if (!parsed.ok) throw new Error("the generated topology is invalid");
const bench = generateTopology(size, 1);
const net = buildNetwork(parsed.topology);
const OTHER = ["udp", "tcp", "icmp"] as const;

/** The i-th query, varied beyond the benchmark's mix so that more of the model is exercised. */
function varied(q: Query, i: number): Query {
  const protocol = i % 7 === 3 ? OTHER[i % 3] : q.protocol;
  let v: Query =
    protocol === "icmp"
      ? { from: q.from, to: q.to, protocol }
      : {
          from: q.from,
          to: q.to,
          protocol: protocol ?? "tcp",
          port: i % 7 === 3 ? (i * 37) % 65536 : (q.port ?? 443),
        };
  if (i % 11 === 5) v = { ...v, to: "internet" };
  else if (i % 13 === 6) v = { ...v, from: "internet" };
  else if (i % 17 === 7) v = { ...v, to: `10.${(i * 7) % 40}.${(i * 13) % 256}.${(i * 31) % 256}` };
  else if (i % 19 === 8) v = { ...v, from: `10.${(i * 3) % 40}.${(i * 11) % 256}.${(i * 29) % 256}` };
  else if (i % 23 === 9) v = { ...v, to: `192.168.${i % 256}.7` };
  return v;
}

const hash = createHash("sha256");
const codes = new Map<string, number>();
const seeds = [1, 2, 3, 7];
for (const seed of seeds) {
  const queries = generateQueries(bench, count / seeds.length, seed);
  queries.forEach((q, i) => {
    const a = analyze(net, varied(q, i));
    hash.update(JSON.stringify(a));
    for (const code of a.reachable ? ["REACHABLE"] : a.blockers.map((b) => b.code))
      codes.set(code, (codes.get(code) ?? 0) + 1);
  });
}
console.log(hash.digest("hex"), JSON.stringify(Object.fromEntries(codes)));
