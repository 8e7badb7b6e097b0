// VPC peering (aws-rules §5.2). Arriving over a peering, a packet may only be delivered to an
// address inside the peer VPC (PCX-02, PCX-10): `deliverInVpc` never consults the peer's route
// tables, so peering cannot become transitive and the peer's IGW/NAT/VGW/endpoints stay out of reach.
import { label } from "./explanations";
import { type Network, peeringPairKey, routeTableOf, type SubnetInfo, vpcContainsIp } from "./network";
import type { PeeringConnection, PeeringStatus } from "./topology";
import { addHop, block, type Delivered, deliverInVpc, type Pkt, ref, type Walk } from "./walk";

/** aws-rules PCX-06: an unanswered request expires after 7 days. */
export const PEERING_REQUEST_TTL_SECONDS = 7 * 24 * 3600;

export function effectivePeeringStatus(p: PeeringConnection, now: number): PeeringStatus {
  if (p.status === "pending-acceptance" && p.createdAt !== undefined && now - p.createdAt >= PEERING_REQUEST_TTL_SECONDS) return "expired";
  return p.status;
}

/** PCX-05: traffic flows only over an active peering. */
export function isPeeringActive(p: PeeringConnection, now: number): boolean {
  return effectivePeeringStatus(p, now) === "active";
}

export function peerVpcIdOf(p: PeeringConnection, vpcId: string): string | undefined {
  if (p.requesterVpcId === vpcId) return p.accepterVpcId;
  if (p.accepterVpcId === vpcId) return p.requesterVpcId;
  return undefined;
}

export function findPeering(net: Network, vpcA: string, vpcB: string): PeeringConnection | undefined {
  return net.peeringsByPair.get(peeringPairKey(vpcA, vpcB));
}

export function sendOverPeering(w: Walk, subnet: SubnetInfo, pcxId: string, p: Pkt, routeText: string): Delivered | undefined {
  const pcx = w.net.peerings.get(pcxId);
  const peerId = pcx ? peerVpcIdOf(pcx, subnet.vpc.id) : undefined;
  const peer = peerId !== undefined ? w.net.vpcs.get(peerId) : undefined;
  if (!pcx || !peer) {
    block(w, "BAD_STATE_ROUTE", routeTableOf(w.net, subnet).id, `The route ${routeText} in ${label(routeTableOf(w.net, subnet))} is a blackhole: peering connection ${pcxId} does not connect VPC ${label(subnet.vpc.vpc)}.`, ["PCX-08"]);
    return undefined;
  }
  const status = effectivePeeringStatus(pcx, w.now);
  addHop(w, ref(pcx.id, "vpc-peering-connection", pcx.name), status === "active" ? "forward" : "drop", { inbound: p, outbound: p });
  if (status === "expired") {
    block(w, "RCH_PEERING_EXPIRED", pcx.id, `Peering connection ${label(pcx)} expired: a request that is not accepted within 7 days expires, and routes to it are blackholes.`);
  } else if (status !== "active") {
    block(w, "BAD_STATE_ROUTE", pcx.id, `Peering connection ${label(pcx)} is ${status}, not active, so the route ${routeText} is a blackhole; the accepter must accept the request.`, ["PCX-05", "PCX-07", "PCX-08"]);
  }
  const inPeer = vpcContainsIp(peer, p.dst);
  if (!inPeer) {
    block(w, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", pcx.id,
      `Peering connection ${label(pcx)} only delivers traffic addressed to VPC ${label(peer.vpc)} itself; ${p.dst.text} is outside it. Peering is not transitive and cannot reach the peer's gateways, other peers, VPN or endpoints.`,
      ["PCX-02", "PCX-10"]);
    return undefined;
  }
  return deliverInVpc(w, peer, p, { kind: "pcx", id: pcx.id });
}
