// Where a random query's cold reads go (not part of npm run bench; a diagnosis of the 1,000-VPC query median, docs/bench.md). Bundle it like
// scripts/bench.mjs does and run `node out.mjs <part> [seed]`. Two networks are built from one parsed input and
// answer the bench's queries in turns (A, B, B, A, ...); before each of B's queries, outside the timed region, the
// model data of one part of that query is read ("touched"), so B meets it warm. B's median over A's, against the
// same ratio with nothing touched (`none`, about 0.92–0.94: B is the second network built), is what that part's
// cold reads cost. Parts: res (the two references' resolution), eni (the two interfaces, their subnets and
// VPCs), map (each VPC's address map), rt (each interface subnet's route table and its scan array), route (the
// route each side matches, with its fact, matched text and target), sg (each interface's security: rule lists and
// rules), sgref (the referenced-group membership a rule asks about), acl (each subnet's network ACL and rules).
import { parseTopology } from "../lib/net/parse";
import { buildNetwork, type Network } from "../lib/net/network";
import { analyze } from "../lib/net/reachability";
import { eniSecurity, securityGroupMembers } from "../lib/net/network-indexes";
import { resolveDestination, resolveSource } from "../lib/net/resolve";
import { type EniInfo, networkAclOf, routeTableOf } from "../lib/net/network-model";
import { lookupRoute } from "../lib/net/routing";
import { DEFAULT_FLOW_LOG_NOW } from "../lib/net/flow-logs";
import type { Query } from "../lib/net/query";
import { generateQueries, generateTopology } from "./topologies";

const part = process.argv[2] ?? "none";
const seed = Number(process.argv[3] ?? 1);
const input = generateTopology(1000, 1);
const pa = parseTopology(input.topology);
const pb = parseTopology(input.topology);
if (!pa.ok || !pb.ok) throw new Error("query-oracle: the generated topology is invalid");
const A = buildNetwork(pa.topology);
const B = buildNetwork(pb.topology);
/** Read values go here, so that no read is dead code to the compiler. */
let sink = 0;

function touchInterface(n: Network, e: EniInfo, other: EniInfo): void {
  if (part === "eni") sink += e.index + e.subnet.index + e.vpc.cidrs.length + (e.subnet.cidr ? 1 : 0);
  if (part === "map") sink += e.vpc.enisByIp.get(e.privateIp.value as number) ? 1 : 0;
  if (part === "rt") {
    const t = routeTableOf(n, e.subnet);
    const keys = t.lookup.v4Scan ?? [];
    sink += t.componentRef.type.length;
    for (let i = 0; i < keys.length; i += 3) sink += keys[i] as number;
  }
  if (part === "route") {
    const r = lookupRoute(routeTableOf(n, e.subnet).lookup, other.privateIp);
    if (r)
      sink += (r.fact?.target === "" ? 1 : 0) + (r.matched?.kind === "route" ? 1 : 0) + r.target.id.length;
  }
  if (part === "sg") {
    const s = eniSecurity(n, e);
    sink += s.ref.type.length;
    for (const r of [s.inbound, s.outbound].flat()) sink += r.proto + (r.cidr?.prefix ?? 0);
  }
  if (part === "sgref")
    for (const r of eniSecurity(n, e).inbound)
      if (r.securityGroupId !== undefined)
        sink +=
          (n.securityGroups.get(r.securityGroupId) ? 1 : 0) +
          (securityGroupMembers(n).get(r.securityGroupId)?.size ?? 0);
  if (part === "acl") {
    const acl = networkAclOf(n, e.subnet);
    sink += acl.componentRef.type.length;
    for (const r of [acl.inbound, acl.outbound].flat()) sink += r.proto + r.cidr.prefix;
  }
}

function touch(n: Network, q: Query): void {
  if (part === "none") return;
  const s = resolveSource(n, q.from);
  if (!s.ok || s.value.kind !== "eni") return;
  const d = resolveDestination(n, q.to, s.value, DEFAULT_FLOW_LOG_NOW);
  if (part === "res" || !d.ok || d.value.kind !== "eni") return;
  touchInterface(n, s.value.eni, d.value.eni);
  touchInterface(n, d.value.eni, s.value.eni);
}

const qs = generateQueries(input, 6000, seed);
for (const q of qs.slice(0, 1000)) {
  analyze(A, q);
  analyze(B, q);
}
const ta: number[] = [];
const tb: number[] = [];
const timed = (n: Network, out: number[], q: Query): void => {
  const start = process.hrtime.bigint();
  analyze(n, q);
  out.push(Number(process.hrtime.bigint() - start) / 1000);
};
qs.slice(1000).forEach((q, i) => {
  if (i % 2) timed(A, ta, q);
  touch(B, q);
  timed(B, tb, q);
  if (i % 2 === 0) timed(A, ta, q);
});
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const r2 = (x: number): number => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    part,
    seed,
    a: r2(median(ta)),
    b: r2(median(tb)),
    ratio: r2(median(tb) / median(ta)),
    sink: sink > 0,
  }),
);
