// A request dropped for want of a route, whose destination lies in a VPC that the source VPC reaches only through
// another peer (A ↔ B ↔ C). "Add a route" alone would mislead: even a route to the A ↔ B peering cannot carry
// the traffic on to C, because peering is not transitive (PCX-02). The sentence names the real fixes.
import { cidrContainsIp, parseCidr, parseIp, type Blocker, type Topology, type Vpc } from "../net/index";

export function transitivePeeringSentence(topology: Topology, first: Blocker): string | undefined {
  const d = first.detail;
  if (d.kind !== "route-table" || d.problem !== "no-route") return undefined;
  const from = topology.vpcs.find((v) => v.id === d.vpc.id);
  const to = vpcHolding(topology, d.destination);
  if (!from || !to || to.id === from.id) return undefined;
  const peers = (vpcId: string): string[] =>
    topology.peeringConnections.flatMap((p) =>
      p.requesterVpcId === vpcId ? [p.accepterVpcId] : p.accepterVpcId === vpcId ? [p.requesterVpcId] : [],
    );
  const direct = peers(from.id);
  if (direct.includes(to.id)) return undefined;
  const via = direct.find((id) => peers(id).includes(to.id));
  const middle = topology.vpcs.find((v) => v.id === via);
  if (!middle) return undefined;
  const pcx = topology.peeringConnections.find(
    (p) =>
      (p.requesterVpcId === from.id && p.accepterVpcId === middle.id) ||
      (p.accepterVpcId === from.id && p.requesterVpcId === middle.id),
  );
  const name = (v: Vpc) => v.name ?? v.id;
  return (
    `Adding a route to ${pcx?.id ?? "the peering"} would not help either: peering is not transitive, so ${name(middle)} does not pass traffic from ${name(from)} on to ${name(to)}, although it is peered with both (PCX-02). ` +
    `Fix: peer ${name(from)} directly with ${name(to)} and route each VPC's CIDR to that peering in both route tables, or attach the VPCs to a transit gateway, which routes between its attachments (TGW-02).`
  );
}

function vpcHolding(topology: Topology, address: string): Vpc | undefined {
  const ip = parseIp(address);
  if (!ip.ok) return undefined;
  return topology.vpcs.find((v) =>
    [...v.cidrBlocks, ...v.ipv6CidrBlocks].some((c) => {
      const cidr = parseCidr(c);
      return cidr.ok && cidrContainsIp(cidr.value, ip.value);
    }),
  );
}
