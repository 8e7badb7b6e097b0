// A host in a peer VPC that the snapshot knows only by its CIDRs: another account's VPC, seen through
// describe-vpc-peering-connections (docs/collect.md). Its traffic crosses the peering, never the internet; what
// its own route tables, security groups and network ACLs do is not in this account's output, so the walk
// checks this side of the peering and says, as an assumption, that the far side is not evaluated (PCX-02,
// PCX-05, PCX-11).
import type { IpAddress } from "./cidr";
import { named } from "./explanations";
import { findPeering, type Network } from "./network-model";
import { type VpcInfo, vpcContainsIp } from "./network-pieces";
import { effectivePeeringStatus, peeringGateway } from "./peering-status";
import type { Detail } from "./trace";
import {
  addHop,
  block,
  type Delivered,
  gatewayHop,
  HOP,
  type Link,
  type Pkt,
  ref,
  type Walk,
} from "./walk-state";

/** A VPC with no subnet in the snapshot is known only by its CIDRs (a peer of another account or Region). */
export function isCidrOnlyVpc(vpc: VpcInfo): boolean {
  return vpc.subnets.length === 0;
}

/** The CIDR-only VPC an address belongs to, if any. */
export function cidrOnlyVpcContaining(net: Network, ip: IpAddress): VpcInfo | undefined {
  for (const vpc of net.vpcs.values()) if (isCidrOnlyVpc(vpc) && vpcContainsIp(vpc, ip)) return vpc;
  return undefined;
}

const RULES = ["PCX-02", "PCX-11"];

/** The assumption a trace through such a host states once (code RCH_ASSUMED_*: printed with the import's). */
function noteFarSide(w: Walk, vpc: VpcInfo, host: IpAddress, pcxId: string): void {
  const account = vpc.vpc.accountId === undefined ? "" : ` (account ${vpc.vpc.accountId})`;
  const message = `${host.text} is in peer VPC ${vpc.id}${account}, which this snapshot knows only by its CIDRs: a host there is assumed to send and answer, and to be a member of that account's security groups that rules on this side name; its route tables, security groups and network ACLs are not in this output and cannot be evaluated, so only this side of peering connection ${pcxId} is checked (${RULES.join(", ")})`;
  const notes = (w.assumptions ??= []);
  if (!notes.some((n) => n.message === message))
    notes.push({ code: "RCH_ASSUMED_PEER_VPC_HOST", message } satisfies Detail);
}

/** The packet crossed an active peering into a CIDR-only VPC: delivered to the assumed host. */
export function deliverToPeerHost(w: Walk, peer: VpcInfo, pcxId: string, p: Pkt): Delivered {
  addHop(w, ref(peer.id, "vpc", peer.vpc.name), "deliver", HOP.deliverPeerVpc, { inbound: p });
  noteFarSide(w, peer, p.dst, pcxId);
  return { kind: "peer-host", vpcId: peer.id, pkt: p, via: { kind: "pcx", id: pcxId } };
}

/**
 * A host of the CIDR-only VPC `vpcId` sends `p` (a request, or with `via` the reply over the peering the request
 * came by): it crosses the peering to the snapshot's VPC that holds the destination.
 */
export function sendFromPeerHost(w: Walk, vpcId: string, p: Pkt, via?: Link): Delivered | undefined {
  const vpc = w.net.vpcs.get(vpcId);
  if (!vpc) return undefined;
  addHop(w, ref(vpc.id, "vpc", vpc.vpc.name), "send", HOP.sendPeerVpc, { outbound: p });
  const link = via === undefined ? undefined : w.net.peeringLinks.get(via.id);
  const local =
    link !== undefined
      ? link.requester === vpc
        ? link.accepter
        : link.requester
      : [...w.net.vpcs.values()].find((v) => !isCidrOnlyVpc(v) && vpcContainsIp(v, p.dst));
  const pcx = link?.pcx ?? (local ? findPeering(w.net, vpc.id, local.id) : undefined);
  if (!local || !pcx) {
    // PCX-02: a peering delivers only into the VPC at its other end.
    const any = [...w.net.peerings.values()].find(
      (x) => x.requesterVpcId === vpcId || x.accepterVpcId === vpcId,
    );
    if (any) {
      const other = w.net.vpcs.get(any.requesterVpcId === vpcId ? any.accepterVpcId : any.requesterVpcId);
      block(w, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", any.id, {
        kind: "gateway",
        gateway: peeringGateway(any),
        ...(other ? { vpc: named(other.vpc) } : {}),
        address: p.dst.text,
      });
    }
    return undefined;
  }
  noteFarSide(w, vpc, p.src, pcx.id);
  const status = effectivePeeringStatus(pcx, w.now);
  addHop(
    w,
    link?.componentRef ?? ref(pcx.id, "vpc-peering-connection", pcx.name),
    status === "active" ? "forward" : "drop",
    gatewayHop(pcx.id),
    { inbound: p, outbound: p },
  );
  const detail = { kind: "gateway", gateway: peeringGateway(pcx), state: status } as const;
  if (status !== "active") block(w, "BAD_STATE_ROUTE", pcx.id, detail);
  return w.router.deliverInVpc(w, local, p, { kind: "pcx", id: pcx.id });
}
