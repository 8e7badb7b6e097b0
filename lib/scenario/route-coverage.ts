// Why a route table with a route close to the destination still has none for it: the route's block is narrower
// than, or beside, the address (RT-04). A learner who sees a route to the right target in the exhibit reads it as
// covering the address; the explanation says which addresses it covers. Read from the blocker's detail and the
// shown table, never from a message.
import type { Blocker, Topology } from "../net/index";
import { formatIpv4, maskIpv4, parseCidr, parseIp } from "../net/cidr";

const TWO_32 = 4294967296;

/**
 * For a blocker "no route matches <address>" in a VPC route table: each static route of that table that lies near
 * the address (both in one /16, or in the block four times the route's size when that is wider) but does not
 * contain it, as "route X -> T covers only A–B". Undefined when no such route exists.
 */
export function uncoveredRouteSentence(topology: Topology, b: Blocker): string | undefined {
  const d = b.detail;
  if (d.kind !== "route-table" || d.problem !== "no-route") return undefined;
  const dst = parseIp(d.destination);
  if (!dst.ok || dst.value.family !== 4) return undefined;
  const address = dst.value;
  const table = topology.routeTables.find((t) => t.id === d.table.id);
  if (!table) return undefined;
  const near: string[] = [];
  for (const r of table.routes) {
    if (r.target === "local" || r.destination === undefined) continue;
    const c = parseCidr(r.destination);
    if (!c.ok || c.value.family !== 4 || c.value.prefix === 0) continue;
    const cidr = c.value;
    // A route containing the address would have matched; the blocker says none did.
    if (maskIpv4(address.value, cidr.prefix) === cidr.network) continue;
    const around = Math.max(8, Math.min(16, cidr.prefix - 2));
    if (maskIpv4(address.value, around) !== maskIpv4(cidr.network, around)) continue;
    const last = (cidr.network + 2 ** (32 - cidr.prefix) - 1) % TWO_32;
    near.push(
      `route ${cidr.text} -> ${r.target} covers only ${formatIpv4(cidr.network)}–${formatIpv4(last)}`,
    );
  }
  if (near.length === 0) return undefined;
  const which = near.length === 1 ? "it does not match" : "none of them matches";
  return `In ${table.id}, ${near.join(", and ")}, so ${which} ${address.text}, and no other route does (RT-04).`;
}
