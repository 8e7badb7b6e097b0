// A request dropped for want of a route, whose destination lies in a VPC that the source VPC reaches only through
// another peer (A ↔ B ↔ C). "Add a route" alone would mislead: even a route to the A ↔ B peering cannot carry
// the traffic on to C, because peering is not transitive (PCX-02). The sentence names the real fixes.
import { possessive } from "./possessive";
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
  if (!middle) return overTransitGatewaySentence(topology, from, to, direct, tableLabel(d.table));
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

/**
 * A ↔ B peered, B and C attached to one transit gateway: the peering does not carry A's traffic on to B's
 * attachment either (PCX-02, PCX-10). The fix joins A to the transit gateway (or peers it with C directly).
 */
function overTransitGatewaySentence(
  topology: Topology,
  from: Vpc,
  to: Vpc,
  direct: readonly string[],
  table: string,
): string | undefined {
  const attachment = (vpcId: string, tgw?: string) =>
    topology.transitGatewayAttachments.find(
      (a) => a.vpcId === vpcId && (tgw === undefined || a.transitGatewayId === tgw),
    );
  const toAttachment = attachment(to.id);
  if (!toAttachment) return undefined;
  const tgw = toAttachment.transitGatewayId;
  const middle = topology.vpcs.find((v) => direct.includes(v.id) && attachment(v.id, tgw) !== undefined);
  if (!middle) return undefined;
  const pcx = topology.peeringConnections.find(
    (p) =>
      (p.requesterVpcId === from.id && p.accepterVpcId === middle.id) ||
      (p.accepterVpcId === from.id && p.requesterVpcId === middle.id),
  );
  const name = (v: Vpc) => v.name ?? v.id;
  const cidr = to.cidrBlocks[0] ?? "";
  const notHelp = `A route to ${pcx?.id ?? "the peering"} would not help: peering is not transitive, so ${name(middle)} does not pass traffic from ${name(from)} on to its ${tgw} attachment, although ${name(to)} is attached there too (PCX-02, PCX-10).`;
  // A source VPC already attached to the transit gateway gets its fix (a route to it) from the model.
  if (attachment(from.id, tgw)) return notHelp;
  return (
    `${notHelp} ` +
    `Fix: attach ${name(from)} to ${tgw} and route ${cidr} to it in ${table}, with transit gateway routes both ways and ${possessive(name(to))} return route to ${tgw}; or peer ${name(from)} directly with ${name(to)} and route each VPC's CIDR to that peering in both route tables (TGW-02).`
  );
}

function tableLabel(t: { readonly id: string; readonly name?: string | undefined }): string {
  return t.name !== undefined && t.name !== t.id ? `${t.name} (${t.id})` : t.id;
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
