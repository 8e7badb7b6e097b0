// The state of one walk along a path (request or reply) and how steps record what they see: hops, blockers
// (rendered from their detail by explanations.ts) and flow-log events. Every step module builds on this one.
import type { IpAddress } from "./cidr";
import { type DetailFor, named, renderBlocker } from "./explanations";
import {
  type EniInfo,
  type Network,
  routeTableOf,
  type ServiceInfo,
  type SubnetInfo,
  type VpcInfo,
} from "./network-model";
import type { Protocol } from "./query";
import type {
  Blocker,
  Detail,
  BlockerCode,
  Direction,
  ComponentRef,
  Hop,
  HopDetail,
  MatchedKind,
  NamedRef,
  PacketHeader,
  RouteFact,
  RouteTargetType,
} from "./trace";

export type Pkt = {
  readonly src: IpAddress;
  readonly dst: IpAddress;
  readonly protocol: Protocol;
  readonly srcPort?: number;
  readonly dstPort?: number;
  /** The trace header of this packet, built once and shared by every hop that shows it (see `header`). */
  hdr?: PacketHeader;
};

export type LinkKind =
  | "local"
  | "igw"
  | "eigw"
  | "pcx"
  | "vgw"
  | "dx"
  | "tgw"
  | "vpce"
  | "nat"
  | "appliance"
  | "internet"
  | "onprem";
export type Link = { readonly kind: LinkKind; readonly id: string };

export type Delivered =
  | { kind: "eni"; eni: EniInfo; pkt: Pkt; via: Link }
  | { kind: "internet"; pkt: Pkt; via: Link }
  | { kind: "onprem"; id: string; pkt: Pkt; via: Link }
  /** A host assumed in a peer VPC the snapshot knows only by its CIDRs (peering.ts), over peering `via`. */
  | { kind: "peer-host"; vpcId: string; pkt: Pkt; via: Link }
  | {
      kind: "service";
      name: string;
      service?: ServiceInfo;
      endpointEni?: EniInfo;
      pkt: Pkt;
      via: Link;
      backend?: EndpointBackend;
    };

/**
 * Behind an endpoint service (privatelink.ts): the target the Network Load Balancer chose, the node that
 * sent to it and the packet as the target saw it (from the node's address). `nodeFlows`: the node's ENI
 * id is known, so its flow-log records are written.
 */
export type EndpointBackend = {
  readonly eni: EniInfo;
  readonly node: EniInfo;
  readonly pkt: Pkt;
  readonly serviceId: string;
  readonly nodeFlows: boolean;
};

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
  /**
   * NAT gateway id -> original source, so replies can be translated back (NAT-03). Created by the first
   * translation (natSession / rememberNatSession): most flows cross no NAT, and a Map per query was garbage.
   */
  natSessions: Map<string, IpAddress> | undefined;
  /** Where steps hand the packet on (walk.ts): passed in rather than imported, so no step imports the router. */
  readonly router: Router;
  /**
   * The reply of a connection started from the internet: the internet gateway the request came in
   * through (its 1:1 NAT must translate the reply back, IGW-08). Unset for every other walk.
   */
  internetGateway?: string;
  /** What this walk assumed about on-premises networks, in order (on-premises.ts). */
  assumptions?: Detail[];
  /**
   * Where this walk's first blocker dropped the packet: the number of hops before it and the ids it names. A hop
   * for one of those ids added right after is the dropping hop; every later hop is marked not reached.
   */
  firstBlock?: { readonly at: number; readonly ids: readonly string[] };
  /**
   * TGW-11: transit gateway VPC attachment id -> the Availability Zone the request entered it through. The
   * return walk is given the forward walk's map, so a reply can keep (appliance mode) or be compared with
   * (no appliance mode) the request's zone (appliance-mode.ts).
   */
  applianceZones?: Map<string, string>;
  /**
   * SG-07: the first middlebox (an appliance interface, a Gateway Load Balancer endpoint) this walk's packet was
   * routed through. After it, a security group rule that references the sender's group no longer matches.
   */
  middlebox?: NamedRef;
  /**
   * TGW-11: the reply entered an inspection VPC through another zone than its request, without appliance mode, and
   * that zone's route sends it to an appliance: the blocker, raised where that appliance (which never saw the
   * request) takes the reply (appliance.ts, gateway-load-balancer.ts).
   */
  asymmetricReply?: AsymmetricReply | undefined;
};

/** What appliance-mode.ts found when the reply landed; `vpcId`: the inspection VPC. */
export type AsymmetricReply = {
  readonly vpcId: string;
  readonly attachment: NamedRef & { readonly type: "transit-gateway-attachment" };
  readonly availabilityZone: string;
  readonly requestAvailabilityZone: string;
};

/** The two ways a step hands a packet back to the VPC: leave a subnet through its route table, or arrive in a VPC. */
export type Router = {
  sendFromSubnet(
    w: Walk,
    subnet: SubnetInfo,
    p: Pkt,
    link: Link,
    origin?: { eni: EniInfo; before: boolean },
  ): Delivered | undefined;
  deliverInVpc(w: Walk, vpc: VpcInfo, p: Pkt, link: Link, fromSubnet?: SubnetInfo): Delivered | undefined;
};

export function makeWalk(
  net: Network,
  direction: "forward" | "return",
  now: number,
  router: Router,
  natSessions?: Map<string, IpAddress>,
): Walk {
  return {
    net,
    direction,
    now,
    hops: [],
    blockers: [],
    flows: [],
    dropped: false,
    steps: 0,
    natSessions,
    router,
  };
}

/** The original source a NAT at `id` translated, if this walk (or the request's) translated one (NAT-03). */
export function natSession(w: Walk, id: string): IpAddress | undefined {
  return w.natSessions?.get(id);
}

/** Remember that the NAT at `id` translated `source` (the reply walk is given the request's sessions). */
export function rememberNatSession(w: Walk, id: string, source: IpAddress): void {
  (w.natSessions ??= new Map()).set(id, source);
}

/** Packets are immutable, so the header is built once per packet (frozen: hops share it). */
export function header(p: Pkt): PacketHeader {
  if (p.hdr) return p.hdr;
  const h: { -readonly [K in keyof PacketHeader]: PacketHeader[K] } = {
    srcIp: p.src.text,
    dstIp: p.dst.text,
    protocol: p.protocol,
  };
  if (p.srcPort !== undefined) h.srcPort = p.srcPort;
  if (p.dstPort !== undefined) h.dstPort = p.dstPort;
  return (p.hdr = Object.freeze(h));
}

export function ref(id: string, type: string, name?: string): ComponentRef {
  return name !== undefined ? { id, type, name } : { id, type };
}

type HopOptions = { matched?: { kind: MatchedKind; description: string }; inbound?: Pkt; outbound?: Pkt };

/** Hop details that carry no per-hop fact, shared by every trace. */
export const HOP = Object.freeze({
  sendInterface: Object.freeze({ kind: "send", at: "interface" }),
  sendInternet: Object.freeze({ kind: "send", at: "internet" }),
  sendService: Object.freeze({ kind: "send", at: "service" }),
  sendOnPremises: Object.freeze({ kind: "send", at: "on-premises" }),
  deliverInterface: Object.freeze({ kind: "deliver", at: "interface" }),
  deliverEndpoint: Object.freeze({ kind: "deliver", at: "endpoint" }),
  deliverInternet: Object.freeze({ kind: "deliver", at: "internet" }),
  deliverService: Object.freeze({ kind: "deliver", at: "service" }),
  deliverOnPremises: Object.freeze({ kind: "deliver", at: "on-premises" }),
  sendPeerVpc: Object.freeze({ kind: "send", at: "peer-vpc" }),
  deliverPeerVpc: Object.freeze({ kind: "deliver", at: "peer-vpc" }),
} satisfies Record<string, HopDetail>);

/** A hop through a gateway, peering, attachment, VPN or Direct Connect gateway. */
export function gatewayHop(id: string): HopDetail {
  return { kind: "gateway", gateway: id };
}

export function addHop(
  w: Walk,
  component: ComponentRef,
  action: string,
  detail: HopDetail,
  opts?: HopOptions,
): void {
  const hop: Hop = opts
    ? hopWith(component, action, w.direction, detail, opts)
    : { component, action, direction: w.direction, detail };
  // Only after a drop: the extra field on a built literal is the slow path, and most hops never take it.
  if (w.dropped) {
    const first = w.firstBlock;
    if (first && w.hops.length === first.at && first.ids.includes(component.id)) hop.action = "drop";
    else hop.reached = false;
  }
  w.hops.push(hop);
}

/**
 * A hop with its optional fields, each combination written as one literal in the order the fields were always
 * added (component, action, direction, detail, matched, inbound, outbound: JSON shows that order). A field
 * added after a literal is built goes to a separately allocated property store; twenty hops per query paid that.
 */
function hopWith(
  component: ComponentRef,
  action: string,
  direction: Direction,
  detail: HopDetail,
  opts: HopOptions,
): Hop {
  const matched = opts.matched;
  const inbound = opts.inbound ? header(opts.inbound) : undefined;
  const outbound = opts.outbound ? header(opts.outbound) : undefined;
  if (matched) {
    if (inbound)
      return outbound
        ? { component, action, direction, detail, matched, inbound, outbound }
        : { component, action, direction, detail, matched, inbound };
    return outbound
      ? { component, action, direction, detail, matched, outbound }
      : { component, action, direction, detail, matched };
  }
  if (inbound)
    return outbound
      ? { component, action, direction, detail, inbound, outbound }
      : { component, action, direction, detail, inbound };
  return outbound
    ? { component, action, direction, detail, outbound }
    : { component, action, direction, detail };
}

/**
 * The ids a blocker names: its component, and for an interface or gateway blocker that interface or gateway (a
 * security group blocker's interface is not it: the group's deny hop is the dropping hop).
 */
function blockerIds(component: string, detail: BlockerDetailInput): string[] {
  if (detail.kind === "interface" && detail.eni) return [component, detail.eni.id];
  if (detail.kind === "gateway" && detail.appliance) return [component, detail.appliance.id];
  if (detail.kind === "gateway" && detail.gateway) return [component, detail.gateway.id];
  return [component];
}

type BlockerDetailInput = {
  kind: string;
  eni?: { id: string };
  gateway?: { id: string };
  appliance?: { id: string };
};

/** The component a step passed just before it found the first blocker is where the packet is dropped. */
const PASSING = new Set(["forward", "deliver", "allow", "translate"]);

/** A blocker's detail as a step supplies it: the walk adds the direction. */
export type BlockDetail<C extends BlockerCode> =
  DetailFor<C> extends infer D ? (D extends unknown ? Omit<D, "direction"> : never) : never;

export function block<C extends BlockerCode>(
  w: Walk,
  code: C,
  component: string,
  detail: BlockDetail<C>,
): void {
  // Each call site passes a fresh object literal, so it is completed in place rather than copied.
  const full = detail as unknown as { direction: Direction };
  full.direction = w.direction;
  const b: Blocker = renderBlocker(code, component, full as unknown as DetailFor<C>);
  if (w.dropped) b.reached = false;
  else {
    const ids = blockerIds(component, detail as unknown as BlockerDetailInput);
    w.firstBlock = { at: w.hops.length, ids };
    const last = w.hops.at(-1);
    if (last && PASSING.has(last.action) && ids.includes(last.component.id)) last.action = "drop";
  }
  w.blockers.push(b);
  w.dropped = true;
}

/** ORD-08: the interface's instance is not running, so it sends, forwards or answers nothing. */
export function blockNotRunning(
  w: Walk,
  eni: EniInfo,
  role: "source" | "destination" | "forwarder",
  address?: string,
): void {
  const instance = w.net.instances.get(eni.ownerId);
  block(w, "BAD_STATE", eni.ownerId, {
    kind: "interface",
    eni: named(eni),
    owner: eni.ownerId,
    role,
    ...(address !== undefined ? { address } : {}),
    problem: "not-running",
    ...(instance ? { state: instance.state, instance: named(instance) } : {}),
  });
}

/** A route that leads nowhere: the blocker every step raises for a target it cannot use (RT-08). */
export function blackholeRoute(
  w: Walk,
  subnet: SubnetInfo,
  p: Pkt,
  targetType: RouteTargetType,
  target: string,
  route?: RouteFact,
): void {
  const table = routeTableOf(w.net, subnet);
  // Two literals rather than a conditional spread (V8's generic path); the keys in the same order.
  block(
    w,
    "BAD_STATE_ROUTE",
    table.id,
    route
      ? {
          kind: "route-table",
          table: named(table),
          subnet: named(subnet.subnet),
          vpc: named(subnet.vpc.vpc),
          destination: p.dst.text,
          problem: "blackhole",
          targetType,
          target,
          route,
        }
      : {
          kind: "route-table",
          table: named(table),
          subnet: named(subnet.subnet),
          vpc: named(subnet.vpc.vpc),
          destination: p.dst.text,
          problem: "blackhole",
          targetType,
          target,
        },
  );
}

/** A copy with a new source or destination address (never the cached header of the original). */
function pktWith(p: Pkt, change: { src?: IpAddress; dst?: IpAddress }): Pkt {
  const out: { -readonly [K in keyof Pkt]: Pkt[K] } = {
    src: change.src ?? p.src,
    dst: change.dst ?? p.dst,
    protocol: p.protocol,
  };
  if (p.srcPort !== undefined) out.srcPort = p.srcPort;
  if (p.dstPort !== undefined) out.dstPort = p.dstPort;
  return out;
}
export { pktWith };
export function recordFlow(w: Walk, eni: EniInfo, p: Pkt, accepted: boolean, outgoing: boolean): void {
  w.flows.push({ eni, pkt: p, action: accepted ? "ACCEPT" : "REJECT", outgoing });
}
