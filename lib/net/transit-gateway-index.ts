// Transit gateways compiled for the query path (aws-rules §5.3): attachments with their subnets per AZ, route
// tables with associations and propagations (TGW-03..07), and the lookups the steps in transit-gateway.ts use.
import { type Cidr, toCidr } from "./cidr";
import type { SubnetInfo, VpcInfo } from "./network-pieces";
import { compileRoutes, type CompiledRoute, type RouteLookup } from "./routing";
import type { Topology, TransitGatewayAttachment } from "./topology";
import { type ComponentRef, componentRef } from "./trace";
import { isVpnUp, vpnPrefixes } from "./vpn-links";

export type TgwTarget =
  { kind: "attachment"; id: string; compiled?: CompiledAttachment } | { kind: "blackhole"; id: string };

/**
 * Everything the query path needs about one attachment in one object (fewer lookups in large maps at
 * 10,000 VPCs): its subnets per AZ (TGW-09), associated route table (TGW-04), TGW and peer (TGW-12).
 */
export type CompiledAttachment = {
  readonly att: TransitGatewayAttachment;
  readonly ref: ComponentRef;
  readonly all: readonly SubnetInfo[];
  readonly byAz: ReadonlyMap<string, SubnetInfo>;
  readonly tgw: Topology["transitGateways"][number] | undefined;
  readonly tgwRef: ComponentRef | undefined;
  table: TgwRouteTableInfo | undefined;
  peer: CompiledAttachment | undefined;
};
export type TgwRouteTableInfo = {
  id: string;
  name?: string;
  transitGatewayId: string;
  lookup: RouteLookup<TgwTarget>;
  componentRef: ComponentRef;
};

export type TransitGatewayIndex = {
  attachments: Map<string, TransitGatewayAttachment>;
  transitGateways: Map<string, Topology["transitGateways"][number]>;

  /** `${tgwId}|${vpcId}` -> VPC attachment (TGW-17: one per VPC per TGW). */
  vpcAttachment: Map<string, TransitGatewayAttachment>;
  /** vpcId -> tgwId -> VPC attachment: the query path's form (no key string built per packet). */
  vpcAttachmentByVpc: Map<string, Map<string, CompiledAttachment>>;
  /**
   * By SubnetInfo.index: the subnet's VPC's entry of vpcAttachmentByVpc. A packet leaving a subnet for a transit
   * gateway reads one array slot instead of probing a map of every VPC (one per 1,000 VPCs in the benchmark).
   */
  vpcAttachmentsBySubnet: readonly (ReadonlyMap<string, CompiledAttachment> | undefined)[];
  compiled: Map<string, CompiledAttachment>;
  vpnAttachment: Map<string, TransitGatewayAttachment>;
  /** `${tgwId}|${dxgwId}` -> DX gateway attachment. */
  dxAttachment: Map<string, TransitGatewayAttachment>;
  associatedTable: Map<string, TgwRouteTableInfo>;
  tables: Map<string, TgwRouteTableInfo>;
};

export function propagatedCidrs(
  topology: Topology,
  att: TransitGatewayAttachment,
  vpcs: ReadonlyMap<string, VpcInfo>,
): { cidrs: Cidr[]; origin: CompiledRoute<TgwTarget>["origin"] } {
  if (att.type === "vpc") {
    const vpc = att.vpcId !== undefined ? vpcs.get(att.vpcId) : undefined;
    // TGW-05: with IPv6 support disabled only the VPC's IPv4 CIDRs propagate.
    const cidrs = vpc ? (att.ipv6Support === false ? [...vpc.cidrs] : [...vpc.cidrs, ...vpc.cidrs6]) : [];
    return { cidrs, origin: "propagated" };
  }
  if (att.type === "vpn") {
    const vpn = topology.vpnConnections.find((v) => v.id === att.vpnConnectionId);
    return { cidrs: vpn && isVpnUp(vpn) ? vpnPrefixes(topology, vpn) : [], origin: "propagated-vpn" };
  }
  if (att.type === "direct-connect-gateway") {
    const nets = topology.onPremisesNetworks.filter(
      (n) =>
        att.directConnectGatewayId !== undefined &&
        n.directConnectGatewayIds.includes(att.directConnectGatewayId),
    );
    return { cidrs: nets.flatMap((n) => n.cidrBlocks.map(toCidr)), origin: "propagated-dx" };
  }
  return { cidrs: [], origin: "propagated" }; // TGW-12: peering attachments take static routes only
}

function emptyIndex(): TransitGatewayIndex {
  return {
    attachments: new Map(),
    transitGateways: new Map(),
    compiled: new Map(),
    vpcAttachment: new Map(),
    vpcAttachmentByVpc: new Map(),
    vpcAttachmentsBySubnet: [],
    vpnAttachment: new Map(),
    dxAttachment: new Map(),
    associatedTable: new Map(),
    tables: new Map(),
  };
}

/** Shared by every network without transit gateways (most questions): nothing writes to an index after it is built. */
const NO_TRANSIT_GATEWAYS = emptyIndex();

export function buildTransitGateways(
  topology: Topology,
  vpcs: ReadonlyMap<string, VpcInfo>,
  subnets: ReadonlyMap<string, SubnetInfo>,
): TransitGatewayIndex {
  if (
    topology.transitGateways.length === 0 &&
    topology.transitGatewayAttachments.length === 0 &&
    topology.transitGatewayRouteTables.length === 0
  ) {
    return NO_TRANSIT_GATEWAYS;
  }
  const attachments = new Map(topology.transitGatewayAttachments.map((a) => [a.id, a]));
  const transitGateways = new Map(topology.transitGateways.map((g) => [g.id, g]));
  const tgwRefs = new Map(
    topology.transitGateways.map((g) => [g.id, componentRef(g.id, "transit-gateway", g.name)]),
  );
  const compiled = new Map<string, CompiledAttachment>();
  for (const a of topology.transitGatewayAttachments) {
    const all: SubnetInfo[] = [];
    const byAz = new Map<string, SubnetInfo>();
    for (const id of a.subnetIds) {
      const s = subnets.get(id);
      if (!s) continue;
      all.push(s);
      if (!byAz.has(s.az)) byAz.set(s.az, s);
    }
    compiled.set(a.id, {
      att: a,
      ref: componentRef(a.id, "transit-gateway-attachment", a.name),
      all,
      byAz,
      tgw: transitGateways.get(a.transitGatewayId),
      tgwRef: tgwRefs.get(a.transitGatewayId),
      table: undefined,
      peer: undefined,
    });
  }
  for (const egress of compiled.values()) {
    if (egress.att.type !== "peering") continue;
    const peer = topology.transitGatewayAttachments.find(
      (a) =>
        a.type === "peering" &&
        a.id !== egress.att.id &&
        (a.id === egress.att.peerAttachmentId || a.peerAttachmentId === egress.att.id),
    );
    if (peer) egress.peer = compiled.get(peer.id);
  }
  const vpcAttachment = new Map<string, TransitGatewayAttachment>();
  const vpcAttachmentByVpc = new Map<string, Map<string, CompiledAttachment>>();
  const vpnAttachment = new Map<string, TransitGatewayAttachment>();
  const dxAttachment = new Map<string, TransitGatewayAttachment>();
  for (const a of topology.transitGatewayAttachments) {
    if (a.type === "vpc" && a.vpcId !== undefined) {
      vpcAttachment.set(`${a.transitGatewayId}|${a.vpcId}`, a);
      let perVpc = vpcAttachmentByVpc.get(a.vpcId);
      if (!perVpc) vpcAttachmentByVpc.set(a.vpcId, (perVpc = new Map<string, CompiledAttachment>()));
      const c = compiled.get(a.id);
      if (c) perVpc.set(a.transitGatewayId, c);
    }
    if (a.type === "vpn" && a.vpnConnectionId !== undefined) vpnAttachment.set(a.vpnConnectionId, a);
    if (a.type === "direct-connect-gateway" && a.directConnectGatewayId !== undefined)
      dxAttachment.set(`${a.transitGatewayId}|${a.directConnectGatewayId}`, a);
  }
  // Filled up front: a sparse array would be a slow dictionary (as for the per-subnet tables of network.ts).
  const vpcAttachmentsBySubnet = new Array<ReadonlyMap<string, CompiledAttachment> | undefined>(
    subnets.size,
  ).fill(undefined);
  for (const s of subnets.values()) vpcAttachmentsBySubnet[s.index] = vpcAttachmentByVpc.get(s.vpc.id);
  const attachmentTarget = (id: string): TgwTarget => {
    const c = compiled.get(id);
    return c ? { kind: "attachment", id, compiled: c } : { kind: "attachment", id };
  };
  const tables = new Map<string, TgwRouteTableInfo>();
  const associatedTable = new Map<string, TgwRouteTableInfo>();
  // TGW-03: attachments not explicitly associated / propagating use the TGW's default route table.
  const explicitlyAssociated = new Set<string>();
  const explicitlyPropagating = new Set<string>();
  for (const t of topology.transitGatewayRouteTables) {
    for (const id of t.associations) explicitlyAssociated.add(id);
    for (const id of t.propagations) explicitlyPropagating.add(id);
  }
  const defaults = (
    t: Topology["transitGatewayRouteTables"][number],
  ): { associations: readonly string[]; propagations: readonly string[] } => {
    const tgw = topology.transitGateways.find((g) => g.id === t.transitGatewayId);
    if (!tgw || tgw.defaultRouteTableId !== t.id)
      return { associations: t.associations, propagations: t.propagations };
    const mine = topology.transitGatewayAttachments
      .filter((a) => a.transitGatewayId === tgw.id && a.type !== "peering")
      .map((a) => a.id);
    return {
      associations: [
        ...t.associations,
        ...(tgw.defaultRouteTableAssociation !== false
          ? mine.filter((id) => !explicitlyAssociated.has(id))
          : []),
      ],
      propagations: [
        ...t.propagations,
        ...(tgw.defaultRouteTablePropagation !== false
          ? mine.filter((id) => !explicitlyPropagating.has(id))
          : []),
      ],
    };
  };
  for (const t of topology.transitGatewayRouteTables) {
    const { associations, propagations } = defaults(t);
    const routes: CompiledRoute<TgwTarget>[] = [];
    for (const r of t.routes) {
      const cidr = toCidr(r.destination);
      const target: TgwTarget =
        r.blackhole || r.attachmentId === undefined
          ? { kind: "blackhole", id: "blackhole" }
          : attachmentTarget(r.attachmentId);
      routes.push({
        cidr,
        origin: "static",
        target,
        description: `${cidr.text} -> ${target.kind === "blackhole" ? "blackhole" : target.id} (static)`,
      });
    }
    for (const attId of propagations) {
      const att = attachments.get(attId);
      if (!att || att.state !== "available") continue;
      const { cidrs, origin } = propagatedCidrs(topology, att, vpcs);
      const target = attachmentTarget(attId);
      for (const cidr of cidrs)
        routes.push({ cidr, origin, target, description: `${cidr.text} -> ${attId} (propagated)` });
    }
    const lookup = compileRoutes(routes, "tgw-route");
    const ref = componentRef(t.id, "transit-gateway-route-table", t.name);
    const info: TgwRouteTableInfo =
      t.name !== undefined
        ? { id: t.id, name: t.name, transitGatewayId: t.transitGatewayId, lookup, componentRef: ref }
        : { id: t.id, transitGatewayId: t.transitGatewayId, lookup, componentRef: ref };
    tables.set(t.id, info);
    for (const attId of associations) if (!associatedTable.has(attId)) associatedTable.set(attId, info);
  }
  for (const [attId, table] of associatedTable) {
    const c = compiled.get(attId);
    if (c) c.table = table;
  }
  return {
    attachments,
    transitGateways,
    compiled,
    vpcAttachment,
    vpcAttachmentByVpc,
    vpcAttachmentsBySubnet,
    vpnAttachment,
    dxAttachment,
    associatedTable,
    tables,
  };
}
