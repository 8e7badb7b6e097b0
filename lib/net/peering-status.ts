// Whether a peering connection carries traffic (PCX-05, PCX-06) and which VPC is at its other end.
import type { PeeringConnection, PeeringStatus } from "./topology";

/** aws-rules PCX-06: an unanswered request expires after 7 days. */
export const PEERING_REQUEST_TTL_SECONDS = 7 * 24 * 3600;

export function effectivePeeringStatus(p: PeeringConnection, now: number): PeeringStatus {
  if (
    p.status === "pending-acceptance" &&
    p.createdAt !== undefined &&
    now - p.createdAt >= PEERING_REQUEST_TTL_SECONDS
  )
    return "expired";
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

/** The peering as a blocker's gateway: { id, name?, type }, written out rather than spread. */
export function peeringGateway(pcx: PeeringConnection): {
  id: string;
  name?: string;
  type: "vpc-peering-connection";
} {
  return pcx.name !== undefined
    ? { id: pcx.id, name: pcx.name, type: "vpc-peering-connection" }
    : { id: pcx.id, type: "vpc-peering-connection" };
}
