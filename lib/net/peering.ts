// VPC peering (aws-rules §5.2). Arriving over a peering, a packet may only be delivered to an
// address inside the peer VPC (PCX-02, PCX-10): `deliverInVpc` never consults the peer's route
// tables, so peering cannot become transitive and the peer's IGW/NAT/VGW/endpoints stay out of reach.
import { named } from "./explanations";
import { type SubnetInfo, vpcContainsIp } from "./network-model";
import { deliverToPeerHost, isCidrOnlyVpc } from "./peer-hosts";
import { effectivePeeringStatus, peeringGateway } from "./peering-status";
import type { RouteFact } from "./trace";
import { addHop, blackholeRoute, block, type Delivered, gatewayHop, type Pkt, type Walk } from "./walk-state";

export {
  effectivePeeringStatus,
  isPeeringActive,
  peerVpcIdOf,
  PEERING_REQUEST_TTL_SECONDS,
} from "./peering-status";
export { findPeering } from "./network-model";

export function sendOverPeering(
  w: Walk,
  subnet: SubnetInfo,
  pcxId: string,
  p: Pkt,
  route: RouteFact,
): Delivered | undefined {
  // One probe for the peering and both its VPCs (peerVpcIdOf's choice of side, then the VPC of that id).
  const link = w.net.peeringLinks.get(pcxId);
  const pcx = link?.pcx;
  const vpcId = subnet.vpc.id;
  const peer =
    link === undefined
      ? undefined
      : link.pcx.requesterVpcId === vpcId
        ? link.accepter
        : link.pcx.accepterVpcId === vpcId
          ? link.requester
          : undefined;
  // An inactive peering to a VPC the snapshot does not know (AWS omits its CIDRs, PCX-05) still explains itself.
  const ownSide = pcx !== undefined && (pcx.requesterVpcId === vpcId || pcx.accepterVpcId === vpcId);
  if (!link || !pcx || !ownSide || (!peer && effectivePeeringStatus(pcx, w.now) === "active")) {
    blackholeRoute(w, subnet, p, "vpc-peering-connection", pcxId, route);
    return undefined;
  }
  const status = effectivePeeringStatus(pcx, w.now);
  addHop(w, link.componentRef, status === "active" ? "forward" : "drop", gatewayHop(pcx.id), {
    inbound: p,
    outbound: p,
  });
  // The gateway fact only when a blocker needs it: most packets cross an active peering into the peer's CIDR.
  // Reachability Analyzer has no code of its own for an expired peering: like any inactive one, routes to it are
  // blackholes (BAD_STATE_ROUTE), and the sentence says what the state means (PCX-06).
  if (status !== "active") {
    block(w, "BAD_STATE_ROUTE", pcx.id, {
      kind: "gateway",
      gateway: peeringGateway(pcx),
      state: status,
      route,
    });
  }
  if (!peer) return undefined;
  const inPeer = vpcContainsIp(peer, p.dst);
  // Another account's VPC known only by its CIDRs: the walk stops at the assumed host (peer-hosts.ts).
  if (inPeer && isCidrOnlyVpc(peer)) return deliverToPeerHost(w, peer, pcx.id, p);
  if (!inPeer) {
    block(w, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", pcx.id, {
      kind: "gateway",
      gateway: peeringGateway(pcx),
      vpc: named(peer.vpc),
      address: p.dst.text,
    });
    return undefined;
  }
  return w.router.deliverInVpc(w, peer, p, { kind: "pcx", id: pcx.id });
}
