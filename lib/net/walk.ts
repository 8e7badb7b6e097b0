// The hop pipeline (aws-rules ORD-01/ORD-02): a packet walks from component to component and each
// step appends a Hop; a failed check appends a Blocker and the walk goes on wherever the intended
// path is still known (RA "blocked path" semantics, aws-rules §3.2). Non-transitivity is
// structural (§4.4 takeaway 4): traffic arriving over a peering, IGW, VGW or gateway endpoint only
// ever reaches `deliverInVpc`, never a route-table lookup in that VPC.
import { type Cidr, cidrContainsIp, type IpAddress, ipKey } from "./cidr";
import { describeTraffic, label, makeBlocker } from "./explanations";
import { type EniInfo, type Network, networkAclOf, routeTableOf, type ServiceInfo, type SubnetInfo, type VpcInfo, vpcContainsIp } from "./network";
import { eniSecurity, securityGroupMembers } from "./network-indexes";
import { evaluateNetworkAcl } from "./network-acls";
import type { Protocol } from "./query";
import { lookupRoute, matchingRoutes, routeMatched } from "./routing";
import { evaluateSecurityGroups, type SgPeerContext, sgRuleMatched } from "./security-groups";
import type { ComponentRef, Hop, MatchedKind, PacketHeader } from "./trace";
import type { Blocker } from "./trace";
import { sendToEgressOnlyGateway, sendToInternetGateway, sendToNatGateway, reverseNat } from "./gateways";
import { findPeering, sendOverPeering, isPeeringActive } from "./peering";
import { sendToVpnGateway } from "./vpn";
import { sendToTransitGateway } from "./transit-gateway";
import { sendToGatewayEndpoint } from "./endpoints";

export type Pkt = {
  readonly src: IpAddress; readonly dst: IpAddress; readonly protocol: Protocol; readonly srcPort?: number; readonly dstPort?: number;
  /** The trace header of this packet, built once and shared by every hop that shows it (see `header`). */
  hdr?: PacketHeader;
};

export type LinkKind = "local" | "igw" | "eigw" | "pcx" | "vgw" | "dx" | "tgw" | "vpce" | "nat" | "appliance" | "internet" | "onprem";
export type Link = { readonly kind: LinkKind; readonly id: string };

export type Delivered =
  | { kind: "eni"; eni: EniInfo; pkt: Pkt; via: Link }
  | { kind: "internet"; pkt: Pkt; via: Link }
  | { kind: "onprem"; id: string; pkt: Pkt; via: Link }
  | { kind: "service"; name: string; service?: ServiceInfo; endpointEni?: EniInfo; pkt: Pkt; via: Link };

/** `outgoing`: the ENI sends the packet (it may be forwarding someone else's, as a NAT gateway does). */
export type FlowEvent = { eni: EniInfo; pkt: Pkt; action: "ACCEPT" | "REJECT"; outgoing: boolean };

export type Walk = {
  readonly net: Network;
  readonly direction: "forward" | "return";
  readonly now: number;
  readonly hops: Hop[];
  readonly blockers: Blocker[];
  readonly flows: FlowEvent[];
  /** Set once a blocker really drops the packet; later flow-log records are suppressed (ORD-04). */
  dropped: boolean;
  steps: number;
  /** NAT gateway id -> original source, so replies can be translated back (NAT-03). */
  readonly natSessions: Map<string, IpAddress>;
};

export function newWalk(net: Network, direction: "forward" | "return", now: number, natSessions = new Map<string, IpAddress>()): Walk {
  return { net, direction, now, hops: [], blockers: [], flows: [], dropped: false, steps: 0, natSessions };
}

/** Packets are immutable, so the header is built once per packet (frozen: hops share it). */
export function header(p: Pkt): PacketHeader {
  if (p.hdr) return p.hdr;
  const h: { -readonly [K in keyof PacketHeader]: PacketHeader[K] } = { srcIp: p.src.text, dstIp: p.dst.text, protocol: p.protocol };
  if (p.srcPort !== undefined) h.srcPort = p.srcPort;
  if (p.dstPort !== undefined) h.dstPort = p.dstPort;
  return (p.hdr = Object.freeze(h));
}

export function ref(id: string, type: string, name?: string): ComponentRef {
  return name !== undefined ? { id, type, name } : { id, type };
}

type HopOptions = { matched?: { kind: MatchedKind; description: string }; inbound?: Pkt; outbound?: Pkt };

export function addHop(w: Walk, component: ComponentRef, action: string, opts?: HopOptions): void {
  const hop: Hop = { component, action, direction: w.direction };
  if (opts) {
    if (opts.matched) hop.matched = opts.matched;
    if (opts.inbound) hop.inbound = header(opts.inbound);
    if (opts.outbound) hop.outbound = header(opts.outbound);
  }
  w.hops.push(hop);
}

export function block(w: Walk, code: string, component: string, message: string, extraRules: readonly string[] = []): void {
  const b = makeBlocker(code, component, message, extraRules);
  b.direction = w.direction;
  w.blockers.push(b);
  w.dropped = true;
}

/** A copy with a new source or destination address (never the cached header of the original). */
function pktWith(p: Pkt, change: { src?: IpAddress; dst?: IpAddress }): Pkt {
  const out: { -readonly [K in keyof Pkt]: Pkt[K] } = { src: change.src ?? p.src, dst: change.dst ?? p.dst, protocol: p.protocol };
  if (p.srcPort !== undefined) out.srcPort = p.srcPort;
  if (p.dstPort !== undefined) out.dstPort = p.dstPort;
  return out;
}
export { pktWith };

/**
 * SG peer context for one ENI's VPC. A class rather than an object of closures: it is created on
 * every SG check, and methods on the prototype cost no per-call function allocation.
 */
class SgContext implements SgPeerContext {
  constructor(private readonly net: Network, private readonly vpc: VpcInfo, private readonly now: number) {}

  prefixListCidrs(id: string): readonly Cidr[] | undefined {
    return this.net.prefixLists.get(id);
  }

  isMemberOfReferencedGroup(rawId: string, remote: IpAddress): boolean {
    const slash = rawId.indexOf("/");
    const id = slash === -1 ? rawId : rawId.slice(slash + 1);
    const group = this.net.securityGroups.get(id);
    if (!group || !securityGroupMembers(this.net).get(id)?.has(ipKey(remote))) return false;
    if (group.vpcId === this.vpc.id) return true;
    // SG-06 / PCX-11: a peer VPC's group may be referenced over an active, same-Region peering.
    const other = this.net.vpcs.get(group.vpcId);
    if (!other || other.region !== this.vpc.region) return false;
    const pcx = findPeering(this.net, this.vpc.id, other.id);
    return !!pcx && isPeeringActive(pcx, this.now);
  }
}

const STATEFUL_REPLY = Object.freeze({ kind: "sg-rule" as const, description: "reply allowed by connection tracking (stateful)" });

/** SG check on an ENI. Returns true if allowed. On the return path SGs are stateful (SG-02, ORD-03). */
export function checkSecurityGroups(w: Walk, eni: EniInfo, direction: "inbound" | "outbound", p: Pkt): boolean {
  const { groups, ref: sgRef } = eniSecurity(w.net, eni);
  if (w.direction === "return") {
    addHop(w, sgRef, "allow", { inbound: p, matched: STATEFUL_REPLY });
    return true;
  }
  const remote = direction === "inbound" ? p.src : p.dst;
  const verdict = evaluateSecurityGroups(groups, direction, { remote, protocol: p.protocol, port: p.dstPort }, new SgContext(w.net, eni.vpc, w.now));
  if (verdict.allowed) {
    addHop(w, sgRef, "allow", { inbound: p, matched: sgRuleMatched(verdict.rule) });
    return true;
  }
  addHop(w, sgRef, "deny", { inbound: p, matched: { kind: "sg-rule", description: `no ${direction} rule matches` } });
  const groupNames = groups.map((g) => label(g)).join(", ") || "no security group";
  const what = describeTraffic(p.protocol, p.dstPort);
  const code = verdict.noRules ? "SG_HAS_NO_RULES" : "ENI_SG_RULES_MISMATCH";
  const message = direction === "inbound"
    ? `Security group ${groupNames} on ${label(eni)} has no inbound rule allowing ${what} from ${remote.text}.`
    : `Security group ${groupNames} on ${label(eni)} has no outbound rule allowing ${what} to ${remote.text}.`;
  block(w, code, groups[0]?.id ?? eni.id, message);
  return false;
}

/** NACL check at a subnet boundary (ACL-01), stateless (ACL-02). */
export function checkNetworkAcl(w: Walk, subnet: SubnetInfo, direction: "inbound" | "outbound", p: Pkt): boolean {
  const remote = direction === "inbound" ? p.src : p.dst;
  const acl = networkAclOf(w.net, subnet);
  const verdict = evaluateNetworkAcl(acl, direction, { remote, protocol: p.protocol, port: p.dstPort });
  addHop(w, acl.componentRef, verdict.allowed ? "allow" : "deny", { inbound: p, matched: verdict.matched });
  if (verdict.allowed) return true;
  const what = describeTraffic(p.protocol, p.dstPort);
  const isReply = w.direction === "return";
  const ruleText = verdict.ruleNumber === "*" ? "its final * deny rule" : `rule ${verdict.ruleNumber}`;
  const message = `Network ACL ${label(acl)} of subnet ${label(subnet.subnet)} blocks ${direction} ${isReply ? "reply " : ""}${what} ${direction === "inbound" ? "from" : "to"} ${remote.text} (${ruleText}).${isReply ? " NACLs are stateless: replies to ephemeral ports need their own rule." : ""}`;
  block(w, "SUBNET_ACL_RESTRICTION", acl.id, message, isReply ? ["ACL-02", "ACL-08"] : []);
  return false;
}

export function recordFlow(w: Walk, eni: EniInfo, p: Pkt, accepted: boolean, outgoing: boolean): void {
  w.flows.push({ eni, pkt: p, action: accepted ? "ACCEPT" : "REJECT", outgoing });
}

/** Source ENI: ENI hop, SG egress, then out of the subnet (ORD-01). */
export function sendFromEni(w: Walk, eni: EniInfo, p: Pkt): Delivered | undefined {
  addHop(w, eni.componentRef, "send", { outbound: p });
  const before = w.dropped;
  if (!eni.running) block(w, "BAD_STATE", eni.ownerId, `${label(eni)} is not running, so it sends no traffic.`);
  checkSecurityGroups(w, eni, "outbound", p);
  return sendFromSubnet(w, eni.subnet, p, { kind: "local", id: eni.vpc.id }, { eni, before });
}

function findEniInSubnet(subnet: SubnetInfo, ip: IpAddress): EniInfo | undefined {
  const inSubnet = (subnet.cidr && cidrContainsIp(subnet.cidr, ip)) || (subnet.cidr6 && cidrContainsIp(subnet.cidr6, ip));
  if (!inSubnet) return undefined;
  const eni = subnet.vpc.enisByIp.get(ipKey(ip));
  return eni && eni.subnet === subnet ? eni : undefined;
}

const SAME_SUBNET = Object.freeze({ kind: "route" as const, description: "same subnet: no route table or network ACL applies" });

/** Leave a subnet: same-subnet delivery skips NACL and routing (RT-10, ACL-01), else NACL out + LPM. */
export function sendFromSubnet(w: Walk, subnet: SubnetInfo, p: Pkt, link: Link, origin?: { eni: EniInfo; before: boolean }): Delivered | undefined {
  if (++w.steps > 64) {
    block(w, "RCH_ROUTING_LOOP", subnet.id, `The packet to ${p.dst.text} loops between route tables without reaching a destination.`);
    return undefined;
  }
  const local = findEniInSubnet(subnet, p.dst);
  if (local) {
    if (origin && !origin.before) recordFlow(w, origin.eni, p, !w.dropped, true);
    addHop(w, subnet.componentRef, "deliver-in-subnet", { matched: SAME_SUBNET });
    return arriveAtEni(w, local, p, link, true, w.dropped);
  }
  checkNetworkAcl(w, subnet, "outbound", p);
  if (origin && !origin.before) recordFlow(w, origin.eni, p, !w.dropped, true);
  const table = routeTableOf(w.net, subnet);
  let route = lookupRoute(table.lookup, p.dst);
  // RT-05: the local route beats even more specific propagated routes that overlap it.
  if (route && route.origin.startsWith("propagated")) {
    const localRoute = matchingRoutes(table.lookup, p.dst).find((r) => r.origin === "local");
    if (localRoute) route = localRoute;
  }
  const rtRef = table.componentRef;
  if (!route) {
    addHop(w, rtRef, "drop", { matched: { kind: "route", description: `no route matches ${p.dst.text}` } });
    block(w, "NO_ROUTE_TO_DESTINATION", table.id, `Route table ${label(table)} of subnet ${label(subnet.subnet)} has no route that matches ${p.dst.text}.`);
    return undefined;
  }
  addHop(w, rtRef, "forward", { matched: routeMatched(table.lookup, route) });
  const target = route.target;
  switch (target.kind) {
    case "local":
      return deliverInVpc(w, subnet.vpc, p, link, subnet);
    case "igw":
      return sendToInternetGateway(w, subnet, target.id, p);
    case "eigw":
      return sendToEgressOnlyGateway(w, subnet, target.id, p);
    case "nat":
      return sendToNatGateway(w, subnet, target.id, p);
    case "pcx":
      return sendOverPeering(w, subnet, target.id, p, route.description);
    case "vgw":
      return sendToVpnGateway(w, subnet, target.id, p);
    case "tgw":
      return sendToTransitGateway(w, subnet, target.id, p);
    case "vpce":
      return sendToGatewayEndpoint(w, subnet, target.id, p);
    case "eni":
    case "instance":
      return sendToAppliance(w, subnet, target.id, p);
    default:
      block(w, "BAD_STATE_ROUTE", table.id, `The route ${route.description} in ${label(table)} is a blackhole: its target does not exist.`);
      return undefined;
  }
}

/** Delivery to an address of this VPC through the local route (or from a gateway/peering edge). */
export function deliverInVpc(w: Walk, vpc: VpcInfo, p: Pkt, link: Link, fromSubnet?: SubnetInfo): Delivered | undefined {
  const eni = vpc.enisByIp.get(ipKey(p.dst));
  if (!eni) {
    const inVpc = vpcContainsIp(vpc, p.dst);
    if (inVpc) block(w, "NO_POSSIBLE_DESTINATION", vpc.id, `No network interface in VPC ${label(vpc.vpc)} has the address ${p.dst.text}.`);
    else block(w, "VPC_LOCAL_ROUTE_CIDR_RESTRICTION", vpc.id, `${p.dst.text} is not inside VPC ${label(vpc.vpc)}, so it cannot be delivered there.`);
    return undefined;
  }
  const before = w.dropped;
  if (fromSubnet !== eni.subnet) checkNetworkAcl(w, eni.subnet, "inbound", p);
  return arriveAtEni(w, eni, p, link, true, before);
}

/** The packet reaches an ENI whose address it carries: NAT reply translation, endpoint, or host. */
export function arriveAtEni(w: Walk, eni: EniInfo, p: Pkt, link: Link, _naclOk: boolean, droppedBefore: boolean): Delivered | undefined {
  if (eni.kind === "nat_gateway") {
    if (!droppedBefore) recordFlow(w, eni, p, !w.dropped, false);
    return reverseNat(w, eni, p);
  }
  checkSecurityGroups(w, eni, "inbound", p);
  if (!droppedBefore) recordFlow(w, eni, p, !w.dropped, false);
  if (eni.kind === "vpc_endpoint") {
    const ep = w.net.interfaceEndpoints.get(eni.ownerId);
    addHop(w, eni.componentRef, "deliver", { inbound: p });
    if (ep && ep.state !== "available") block(w, "BAD_STATE", ep.id, `Interface endpoint ${label(ep)} is ${ep.state}, not available, so it passes no traffic.`, ["EPS-02"]);
    addHop(w, ref(eni.ownerId, "vpc-endpoint", ep?.name), "deliver", { inbound: p });
    return { kind: "service", name: ep?.serviceName ?? eni.ownerId, endpointEni: eni, pkt: p, via: link };
  }
  if (!eni.running) block(w, "BAD_STATE", eni.ownerId, `${label(eni)} is not running, so nothing answers at ${p.dst.text}.`);
  addHop(w, eni.componentRef, "deliver", { inbound: p });
  return { kind: "eni", eni, pkt: p, via: link };
}

/** Route target is an ENI or instance (middlebox): it must accept traffic not addressed to it. */
function sendToAppliance(w: Walk, subnet: SubnetInfo, targetId: string, p: Pkt): Delivered | undefined {
  const eni = w.net.enis.get(targetId) ?? w.net.instanceEnis.get(targetId)?.[0];
  if (!eni || eni.vpc !== subnet.vpc) {
    block(w, "BAD_STATE_ROUTE", routeTableOf(w.net, subnet).id, `The route to ${targetId} in ${label(routeTableOf(w.net, subnet))} is a blackhole: no such interface in this VPC.`);
    return undefined;
  }
  if (eni.subnet !== subnet) checkNetworkAcl(w, eni.subnet, "inbound", p);
  checkSecurityGroups(w, eni, "inbound", p);
  addHop(w, eni.componentRef, "forward", { inbound: p, outbound: p });
  const own = eni.addresses.some((a) => a.family === p.dst.family && a.value === p.dst.value);
  if (!own && eni.sourceDestCheck) {
    block(w, "ENI_SOURCE_DEST_CHECK_RESTRICTION", eni.id, `${label(eni)} has source/destination check enabled, so it drops traffic for ${p.dst.text} that is not addressed to it.`);
  }
  if (!eni.running) block(w, "BAD_STATE", eni.ownerId, `${label(eni)} is not running, so it forwards nothing.`);
  checkSecurityGroups(w, eni, "outbound", p);
  return sendFromSubnet(w, eni.subnet, p, { kind: "appliance", id: eni.id });
}
