// Why a security group rule that names the sender's group still matched nothing: the referenced group is in
// another VPC and the peering between them is not active (or missing, or across Regions), so the reference is
// inert (PCX-11, SG-06); or the packet was routed through a middlebox, after which no reference to the sender's
// group matches (SG-07). Computed only when a security group has refused a packet, to word the blocker.
import { type IpAddress, ipKey } from "./cidr";
import { named } from "./explanations";
import { findPeering, type Network, type VpcInfo } from "./network-model";
import { securityGroupMembers } from "./network-indexes";
import { effectivePeeringStatus, isPeeringActive } from "./peering-status";
import { describePorts, matchesCompiled, packetProtocolNumber } from "./rule-match";
import type { CompiledSecurityGroup } from "./security-groups";
import type { Protocol } from "./query";
import type { InertReference, NamedRef } from "./trace";
import type { PeeringConnection } from "./topology";
import type { Link } from "./walk-state";

/** Rules of `side` that allow the traffic and name a group `remote` belongs to, but across an unusable link. */
export function inertReferences(
  net: Network,
  vpc: VpcInfo,
  groups: readonly CompiledSecurityGroup[],
  side: "inbound" | "outbound",
  traffic: { readonly remote: IpAddress; readonly protocol: Protocol; readonly port?: number | undefined },
  now: number,
  middlebox?: NamedRef,
  /** The link the packet crosses between the VPCs (filters.ts SgContext), when the step knows it. */
  via?: Link,
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
      const rr = rule.rule;
      out.push({
        rule: `${group.name ?? group.id}: ${side} ${describePorts(rr.protocol, rr.fromPort, rr.toPort)} ${raw}`,
        group: named(referenced),
        vpc: referenced.vpcId,
        ...(middlebox
          ? { problem: "through-middlebox" as const, middlebox }
          : other && other.region !== vpc.region
            ? { problem: "other-region" as const }
            : other && via !== undefined
              ? byPath(net, vpc.id, other.id, side, via, pcx, now)
              : pcx
                ? notActive(pcx, now)
                : tgwProblem(other && sharedTransitGateway(net, vpc.id, other.id, side))),
      });
    }
  }
  return out;
}

type Problem = Omit<InertReference, "rule" | "group" | "vpc">;

const notActive = (pcx: PeeringConnection, now: number): Problem => ({
  problem: "peering-not-active",
  peering: named(pcx),
  state: effectivePeeringStatus(pcx, now),
});

const tgwProblem = (tgw: ReturnType<typeof sharedTransitGateway>): Problem =>
  tgw ? { problem: "tgw-referencing-off", ...tgw } : { problem: "no-peering" };

/**
 * SG-06, PCX-11, TGW-13: why a reference did not match the traffic on the path it took (`via`: the link it arrived
 * by, or for an outbound rule the route it leaves by). Over a transit gateway: the option that is off (and
 * `notVia`, an active peering between the VPCs that the routes do not use); over anything else beside an active
 * peering: `not-over-peering`.
 */
function byPath(
  net: Network,
  here: string,
  there: string,
  side: "inbound" | "outbound",
  via: Link,
  pcx: PeeringConnection | undefined,
  now: number,
): Problem {
  const active = pcx !== undefined && isPeeringActive(pcx, now);
  const notVia = active && !(via.kind === "pcx" && via.id === pcx.id) ? { notVia: named(pcx) } : {};
  if (via.kind === "tgw") {
    // Inbound: the attachment the packet arrived by; outbound: the transit gateway the route names.
    const tgwId = net.tgw.attachments.get(via.id)?.transitGatewayId ?? via.id;
    const tgw = sharedTransitGateway(net, here, there, side, tgwId);
    if (tgw) return { problem: "tgw-referencing-off", ...tgw, ...notVia };
  }
  if (pcx === undefined) return tgwProblem(sharedTransitGateway(net, here, there, side));
  if (!active) return notActive(pcx, now);
  return { problem: "not-over-peering", peering: named(pcx) };
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
  only?: string,
): Pick<InertReference, "transitGateway" | "attachment" | "outboundRule"> | undefined {
  const t = net.topology;
  for (const tgw of t.transitGateways) {
    if (tgw.state !== "available" || (only !== undefined && tgw.id !== only)) continue;
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

/**
 * Rules of `side` that would allow the traffic's protocol and port but name a group (of this account: no
 * "account/" prefix) the topology does not have, as "<group>: <side> <ports> <referenced id>" with that id: a
 * stale rule (its group deleted) has no members and matches nothing. Only an input validate refused has one.
 */
export function missingGroupReferences(
  net: Network,
  groups: readonly CompiledSecurityGroup[],
  side: "inbound" | "outbound",
  traffic: { readonly remote: IpAddress; readonly protocol: Protocol; readonly port?: number | undefined },
): { rule: string; group: string }[] {
  const out: { rule: string; group: string }[] = [];
  const proto = packetProtocolNumber(traffic.protocol, traffic.remote.family);
  for (const group of groups)
    for (const rule of group[side]) {
      const raw = rule.securityGroupId;
      if (raw === undefined || raw.includes("/") || net.securityGroups.has(raw)) continue;
      if (!matchesCompiled(rule, proto, traffic.protocol, traffic.port)) continue;
      const rr = rule.rule;
      out.push({
        rule: `${group.name ?? group.id}: ${side} ${describePorts(rr.protocol, rr.fromPort, rr.toPort)} ${raw}`,
        group: raw,
      });
    }
  return out;
}
