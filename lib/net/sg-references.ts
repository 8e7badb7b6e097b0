// Why a security group rule that names the sender's group still matched nothing: the referenced group is in
// another VPC and the peering between them is not active (or missing, or across Regions), so the reference is
// inert (PCX-11, SG-06); or the packet was routed through a middlebox, after which no reference to the sender's
// group matches (SG-07). Computed only when a security group has refused a packet, to word the blocker.
import { type IpAddress, ipKey } from "./cidr";
import { named } from "./explanations";
import { findPeering, type Network, type VpcInfo } from "./network-model";
import { securityGroupMembers } from "./network-indexes";
import { effectivePeeringStatus } from "./peering-status";
import { describePorts, matchesCompiled, packetProtocolNumber } from "./rule-match";
import type { CompiledSecurityGroup } from "./security-groups";
import type { Protocol } from "./query";
import type { InertReference, NamedRef } from "./trace";

/** Rules of `side` that allow the traffic and name a group `remote` belongs to, but across an unusable link. */
export function inertReferences(
  net: Network,
  vpc: VpcInfo,
  groups: readonly CompiledSecurityGroup[],
  side: "inbound" | "outbound",
  traffic: { readonly remote: IpAddress; readonly protocol: Protocol; readonly port?: number | undefined },
  now: number,
  middlebox?: NamedRef,
): InertReference[] {
  const out: InertReference[] = [];
  const proto = packetProtocolNumber(traffic.protocol, traffic.remote.family);
  for (const group of groups) {
    for (const rule of group[side]) {
      const raw = rule.securityGroupId;
      if (raw === undefined || !matchesCompiled(rule, proto, traffic.protocol, traffic.port)) continue;
      const id = raw.slice(raw.indexOf("/") + 1);
      const referenced = net.securityGroups.get(id);
      if (!referenced || (referenced.vpcId === vpc.id && !middlebox)) continue;
      if (!securityGroupMembers(net).get(id)?.has(ipKey(traffic.remote))) continue;
      const other = net.vpcs.get(referenced.vpcId);
      const pcx = other ? findPeering(net, vpc.id, other.id) : undefined;
      const tgw = other && !pcx ? sharedTransitGateway(net, vpc.id, other.id, side) : undefined;
      const rr = rule.rule;
      out.push({
        rule: `${group.name ?? group.id}: ${side} ${describePorts(rr.protocol, rr.fromPort, rr.toPort)} ${raw}`,
        group: named(referenced),
        vpc: referenced.vpcId,
        ...(middlebox
          ? { problem: "through-middlebox" as const, middlebox }
          : other && other.region !== vpc.region
            ? { problem: "other-region" as const }
            : pcx
              ? {
                  problem: "peering-not-active" as const,
                  peering: named(pcx),
                  state: effectivePeeringStatus(pcx, now),
                }
              : tgw
                ? { problem: "tgw-referencing-off" as const, ...tgw }
                : { problem: "no-peering" as const }),
      });
    }
  }
  return out;
}

/**
 * TGW-13: the transit gateway both VPCs reach through available VPC attachments, and why a reference across it
 * matches nothing: referencing support off on the transit gateway (no `attachment`), off on one attachment
 * (`attachment`), or on everywhere but the rule is outbound (references across a transit gateway are inbound only).
 */
function sharedTransitGateway(
  net: Network,
  a: string,
  b: string,
  side: "inbound" | "outbound",
): Pick<InertReference, "transitGateway" | "attachment" | "outboundRule"> | undefined {
  const t = net.topology;
  for (const tgw of t.transitGateways) {
    if (tgw.state !== "available") continue;
    const attachment = (vpcId: string) =>
      t.transitGatewayAttachments.find(
        (x) =>
          x.transitGatewayId === tgw.id && x.type === "vpc" && x.vpcId === vpcId && x.state === "available",
      );
    const [ours, theirs] = [attachment(a), attachment(b)];
    if (!ours || !theirs) continue;
    if (tgw.securityGroupReferencingSupport !== true) return { transitGateway: named(tgw) };
    const off = [ours, theirs].find((x) => x.securityGroupReferencingSupport === false);
    if (off) return { transitGateway: named(tgw), attachment: named(off) };
    if (side === "outbound") return { transitGateway: named(tgw), outboundRule: true };
  }
  return undefined;
}
