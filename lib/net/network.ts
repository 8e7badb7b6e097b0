// buildNetwork: compile a Topology once into indexed form (maps by id/IP, per-route-table LPM structures,
// compiled SG/NACL rules) so that each query only does hash probes on plain numbers. The Network it returns
// owns everything it holds, including the indexes few queries need, built on first use (network-indexes.ts).
// A network is assembled from layers: the VPC/subnet/ENI core (network-core.ts), then route tables, network
// ACLs, security groups, gateways, peerings, transit gateways and reference data (prefix lists, services,
// on-premises networks, gateway endpoints), each compiled from a few topology lists. Given a NetworkCache
// (network-cache.ts), a layer is reused for any topology whose lists hold the same objects: a question's
// variant that changes one route recompiles the routing layer only. Without one, everything is compiled.
import { type Cidr, parseCidr, toCidr } from "./cidr";
import {
  compileDefaultNetworkAcl,
  compileNetworkAcl,
  type CompiledNaclRule,
  type CompiledNetworkAcl,
} from "./network-acls";
import { compileRoutes, type CompiledRoute } from "./routing";
import { type CompiledSecurityGroup, compileSecurityGroup } from "./security-groups";
import type * as T from "./topology";
import { buildTransitGateways } from "./transit-gateway-index";
import { isVpnUp, propagatedVgwPrefixes } from "./vpn-links";
import { componentRef } from "./trace";
import { compileCore, type NetworkCore } from "./network-core";
import {
  type AclLayer,
  type BuildInputs,
  CoreLayers,
  type GatewayLayer,
  type NetworkCache,
  type PeeringLayer,
  type PieceCaches,
  type PropagationLayer,
  type ReferenceLayer,
  type RoutingContext,
  type RoutingLayer,
  type SecurityLayer,
} from "./network-cache";

export * from "./network-model";
import type {
  EniSecurity,
  Network,
  PeeringLink,
  RouteTarget,
  RouteTableInfo,
  ServiceInfo,
  SharedNames,
  VpcGateways,
  VpcInfo,
} from "./network-model";
import { peeringPairKey, routeTargetOf, serviceCidrs } from "./network-model";

export { primaryEniIdFor } from "./network-core";
export { NetworkCache } from "./network-cache";

const tryCidr = (text: string): Cidr | undefined => {
  const p = parseCidr(text);
  return p.ok ? p.value : undefined;
};

/** How a build reads CIDR text: parsed afresh, or remembered by the build's NetworkCache. */
type CidrParsers = {
  readonly toCidr: (text: string) => Cidr;
  readonly tryCidr: (text: string) => Cidr | undefined;
};

const PARSE: CidrParsers = { toCidr, tryCidr };

const LOCAL_TARGET: RouteTarget = Object.freeze({ kind: "local", id: "local" });

function localRoutes(vpc: T.Vpc, parse: CidrParsers): CompiledRoute<RouteTarget>[] {
  // aws-rules RT-02: every route table has a local route per VPC CIDR, IPv4 and IPv6.
  return [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].map((text) => ({
    cidr: parse.toCidr(text),
    origin: "local" as const,
    target: LOCAL_TARGET,
    description: `${text} -> local`,
  }));
}

/**
 * The compiled, indexed form of a topology. With a `cache`, parts compiled for an earlier topology of the same
 * cache are reused where this one holds the very same objects; the answer is the same either way.
 */
export function buildNetwork(topology: T.Topology, cache?: NetworkCache): Network {
  const t = topology;
  if (!cache) {
    const core = compileCore(t);
    const reference = compileReference(t);
    const context = compileRoutingContext(t, core, reference);
    return assemble(
      t,
      core,
      reference,
      compileGateways(t, core),
      compileRouting(t, core, reference, context, { context }, undefined, PARSE),
      compileAcls(t, core, undefined, PARSE),
      compileSecurity(t, core, undefined, PARSE),
      compilePeering(t, core),
      buildTransitGateways(t, core.vpcs, core.subnets),
    );
  }
  const known = cache.networkFor(t);
  if (known) return known;
  const layers = cache.cores.get(
    [t.region, t.accounts[0]?.id],
    [t.vpcs, t.subnets, t.instances, t.networkInterfaces, t.natGateways, t.interfaceEndpoints],
    () => new CoreLayers(compileCore(t)),
  );
  const core = layers.core;
  const pieces = cache.piecesFor(t);
  const inputs = buildInputs(t);
  // Each layer is first looked for among the last builds on this core with the very same lists (a copy-on-write
  // variant holds its base's lists but the one or two it changes), then in the layer's RecentCache. The first
  // is a few identity checks of fields read once; the second allocates its key arrays and walks every entry.
  const builds = layers.builds;
  let reference: ReferenceLayer | undefined;
  let gateways: GatewayLayer | undefined;
  let context: RoutingContext | undefined;
  let propagation: PropagationToken | undefined;
  let routing: RoutingLayer | undefined;
  let acls: AclLayer | undefined;
  let security: SecurityLayer | undefined;
  let peering: PeeringLayer | undefined;
  let tgw: Network["tgw"] | undefined;
  for (const b of builds) {
    const x = b.inputs;
    const sameReference =
      x.prefixLists === inputs.prefixLists &&
      x.services === inputs.services &&
      x.gatewayEndpoints === inputs.gatewayEndpoints;
    const samePropagation =
      x.vpnConnections === inputs.vpnConnections &&
      x.onPremisesNetworks === inputs.onPremisesNetworks &&
      x.directConnectGateways === inputs.directConnectGateways;
    if (sameReference) {
      if (reference === undefined && x.onPremisesNetworks === inputs.onPremisesNetworks)
        reference = b.reference;
      context ??= b.context;
      // The propagation token is keyed on its context: only one compiled under the context in use.
      if (
        propagation === undefined &&
        b.context === context &&
        samePropagation &&
        x.routeTables === inputs.routeTables
      )
        propagation = b.propagation;
    }
    if (routing === undefined && propagation !== undefined && b.propagation === propagation)
      if (x.routeTables === inputs.routeTables) routing = b.routing;
    if (
      gateways === undefined &&
      x.internetGateways === inputs.internetGateways &&
      x.egressOnlyInternetGateways === inputs.egressOnlyInternetGateways &&
      x.vpnGateways === inputs.vpnGateways
    )
      gateways = b.gateways;
    if (acls === undefined && x.networkAcls === inputs.networkAcls) acls = b.acls;
    if (security === undefined && x.securityGroups === inputs.securityGroups) security = b.security;
    if (peering === undefined && x.peeringConnections === inputs.peeringConnections) peering = b.peering;
    if (
      tgw === undefined &&
      x.transitGateways === inputs.transitGateways &&
      x.transitGatewayAttachments === inputs.transitGatewayAttachments &&
      x.transitGatewayRouteTables === inputs.transitGatewayRouteTables &&
      x.vpnConnections === inputs.vpnConnections &&
      x.onPremisesNetworks === inputs.onPremisesNetworks
    )
      tgw = b.tgw;
  }
  const ref = (reference ??= layers.reference.get(
    [],
    [t.prefixLists, t.services, t.onPremisesNetworks, t.gatewayEndpoints],
    () => compileReference(t),
  ));
  gateways ??= layers.gateways.get(
    [],
    [t.internetGateways, t.egressOnlyInternetGateways, t.vpnGateways],
    () => compileGateways(t, core),
  );
  // The routing context reads prefix lists, services and gateway endpoints only; VGW propagation (VPN-05) is
  // keyed on the values it reads (propagationInputs), so a variant that changes a VPN's tunnels without
  // changing what it propagates (the tunnel order, a second tunnel) reuses every compiled table.
  const ctx = (context ??= layers.routingContexts.get(
    [t.region],
    [t.prefixLists, t.services, t.gatewayEndpoints],
    () => compileRoutingContext(t, core, ref),
  ));
  const prop = (propagation ??= layers.propagation.get([ctx], [vgwPropagationInputs(t)], () => ({
    context: ctx,
  })));
  routing ??= layers.routing.get([ctx, prop], [t.routeTables], () =>
    compileRouting(t, core, ref, ctx, prop, pieces, cache),
  );
  acls ??= layers.acls.get([], [t.networkAcls], () => compileAcls(t, core, pieces, cache));
  security ??= layers.security.get([], [t.securityGroups], () => compileSecurity(t, core, pieces, cache));
  peering ??= layers.peering.get([], [t.peeringConnections], () => compilePeering(t, core));
  tgw ??= layers.transit.get(
    [],
    [t.transitGateways, t.transitGatewayAttachments, t.transitGatewayRouteTables, tgwPropagationInputs(t)],
    () => buildTransitGateways(t, core.vpcs, core.subnets),
  );
  layers.remember({
    inputs,
    reference: ref,
    gateways,
    context: ctx,
    propagation: prop,
    routing,
    acls,
    security,
    peering,
    tgw,
  });
  return cache.rememberNetwork(
    assemble(t, core, ref, gateways, routing, acls, security, peering, tgw, cache.sharedNames),
  );
}

/** The topology lists the layers are compiled from, read once (a topology's fields are read through many shapes). */
function buildInputs(t: T.Topology): BuildInputs {
  return {
    prefixLists: t.prefixLists,
    services: t.services,
    onPremisesNetworks: t.onPremisesNetworks,
    gatewayEndpoints: t.gatewayEndpoints,
    internetGateways: t.internetGateways,
    egressOnlyInternetGateways: t.egressOnlyInternetGateways,
    vpnGateways: t.vpnGateways,
    routeTables: t.routeTables,
    vpnConnections: t.vpnConnections,
    directConnectGateways: t.directConnectGateways,
    networkAcls: t.networkAcls,
    securityGroups: t.securityGroups,
    peeringConnections: t.peeringConnections,
    transitGateways: t.transitGateways,
    transitGatewayAttachments: t.transitGatewayAttachments,
    transitGatewayRouteTables: t.transitGatewayRouteTables,
  };
}

function assemble(
  topology: T.Topology,
  core: NetworkCore,
  reference: ReferenceLayer,
  gateways: GatewayLayer,
  routing: RoutingLayer,
  acls: AclLayer,
  security: SecurityLayer,
  peering: PeeringLayer,
  tgw: Network["tgw"],
  sharedNames?: SharedNames,
): Network {
  return {
    kind: "network",
    topology,
    vpcs: core.vpcs,
    subnets: core.subnets,
    routeTables: routing.routeTables,
    subnetRouteTables: routing.subnetRouteTables,
    routingMemo: routing.routingMemo,
    subnetNetworkAcls: acls.subnetNetworkAcls,
    vpcGateways: gateways.vpcGateways,
    securityGroups: security.securityGroups,
    defaultSecurityGroups: security.defaultSecurityGroups,
    enis: core.enis,
    enisByPrivateIp: core.enisByPrivateIp,
    byPublicIp: core.byPublicIp,
    instances: core.instances,
    instanceEnis: core.instanceEnis,
    natGateways: core.natGateways,
    peerings: peering.peerings,
    peeringsByPair: peering.peeringsByPair,
    peeringLinks: peering.peeringLinks,
    igws: gateways.igws,
    eigws: gateways.eigws,
    vgws: gateways.vgws,
    gatewayEndpoints: reference.gatewayEndpoints,
    interfaceEndpoints: core.interfaceEndpoints,
    prefixLists: reference.prefixLists,
    services: reference.services,
    onPrem: reference.onPrem,
    referenceMemo: reference.referenceMemo,
    tgw,
    coreNames: core.coreNames,
    memo: {},
    securityMemo: security.securityMemo,
    sharedNames,
  };
}

function compileReference(topology: T.Topology): ReferenceLayer {
  const prefixLists = new Map<string, readonly Cidr[]>();
  for (const pl of topology.prefixLists) prefixLists.set(pl.id, pl.cidrBlocks.map(toCidr));
  const services: ServiceInfo[] = topology.services.map((s) => {
    const cidrs = serviceCidrs(s, prefixLists);
    const dnsName = s.dnsName ?? `${s.service}.${s.region}.amazonaws.com`;
    return s.prefixListId !== undefined
      ? { service: s.service, region: s.region, cidrs, prefixListId: s.prefixListId, dnsName }
      : { service: s.service, region: s.region, cidrs, dnsName };
  });
  const gatewayEndpoints = new Map<string, T.GatewayEndpoint>();
  for (const e of topology.gatewayEndpoints) gatewayEndpoints.set(e.id, e);
  return {
    prefixLists,
    services,
    onPrem: topology.onPremisesNetworks.map((net) => ({
      net,
      cidrs: net.cidrBlocks.map(toCidr),
      siteIp: undefined,
    })),
    gatewayEndpoints,
    referenceMemo: {},
  };
}

function compileGateways(topology: T.Topology, core: NetworkCore): GatewayLayer {
  const vpcGateways = new Map<string, { -readonly [K in keyof VpcGateways]: VpcGateways[K] }>();
  const gatewaysFor = (vpcId: string) => {
    let entry = vpcGateways.get(vpcId);
    if (!entry) vpcGateways.set(vpcId, (entry = {}));
    return entry;
  };
  // A later gateway of the same kind on the same VPC wins, as it always has.
  const igws = new Map<string, T.InternetGateway>();
  for (const g of topology.internetGateways) {
    igws.set(g.id, g);
    if (g.vpcId !== undefined && core.vpcs.has(g.vpcId)) gatewaysFor(g.vpcId).igw = g;
  }
  const eigws = new Map<string, T.EgressOnlyInternetGateway>();
  for (const g of topology.egressOnlyInternetGateways) {
    eigws.set(g.id, g);
    if (core.vpcs.has(g.vpcId)) gatewaysFor(g.vpcId).eigw = g;
  }
  const vgws = new Map<string, T.VpnGateway>();
  for (const g of topology.vpnGateways) {
    vgws.set(g.id, g);
    if (g.vpcId !== undefined && core.vpcs.has(g.vpcId)) gatewaysFor(g.vpcId).vgw = g;
  }
  return { igws, eigws, vgws, vpcGateways };
}

/**
 * What a route table's compiled routes read besides the table itself and its VPC: gateway-endpoint routes per
 * table (GWE-02), prefix lists (for prefix-list destinations) and the topology for VGW propagation (VPN-05). One
 * context per set of those inputs (network-cache.ts, RoutingContext), so a compiled table is reused by any
 * variant with the same table object and the same context, even one that changes another table.
 */
function compileRoutingContext(
  topology: T.Topology,
  core: NetworkCore,
  reference: ReferenceLayer,
): RoutingContext {
  const { vpcs } = core;
  const extraRoutes = new Map<string, CompiledRoute<RouteTarget>[]>();
  for (const ep of topology.gatewayEndpoints) {
    const region = ep.region ?? vpcs.get(ep.vpcId)?.region ?? topology.region;
    const svc = reference.services.find((s) => s.service === ep.service && s.region === region);
    if (!svc) continue;
    for (const rtbId of ep.routeTableIds) {
      let list = extraRoutes.get(rtbId);
      if (!list) extraRoutes.set(rtbId, (list = []));
      for (const cidr of svc.cidrs) {
        list.push({
          cidr,
          origin: "prefix-list",
          target: { kind: "vpce", id: ep.id },
          description: `${svc.prefixListId ?? ep.service} (${cidr.text}) -> ${ep.id}`,
        });
      }
    }
  }
  return { extraRoutes };
}

function compileRouting(
  topology: T.Topology,
  core: NetworkCore,
  reference: ReferenceLayer,
  context: RoutingContext,
  propagation: PropagationToken,
  pieces: PieceCaches | undefined,
  parse: CidrParsers,
): RoutingLayer {
  const { vpcs } = core;
  // Route tables: explicit routes + implicit local routes + gateway-endpoint prefix-list routes
  // (GWE-02) + VGW-propagated routes (VPN-05).
  const routeTables = new Map<string, RouteTableInfo>();
  /** One frozen target object per target string (tens of thousands of routes share a few targets each). */
  const targets = new Map<string, RouteTarget>();
  const mainTables = new Map<string, RouteTableInfo>();
  for (const rt of topology.routeTables) {
    const vpc = vpcs.get(rt.vpcId);
    const dependsOn = routeTableInputs(rt, vpc, context, propagation);
    let info = pieces?.routeTables.get(rt, dependsOn);
    if (!info) {
      info = compileRouteTable(topology, rt, vpc, reference, context, targets, parse);
      pieces?.routeTables.set(rt, info, dependsOn);
    }
    routeTables.set(rt.id, info);
    if (rt.main && !mainTables.has(rt.vpcId)) mainTables.set(rt.vpcId, info);
  }
  const mainTableFor = (vpcId: string): RouteTableInfo => {
    let main = mainTables.get(vpcId);
    if (!main) {
      // RT-01: every VPC has a main route table; synthesise one with only the local routes.
      const vpc = vpcs.get(vpcId);
      const id = `rtb-main-${vpcId}`;
      main = {
        id,
        vpcId,
        lookup: compileRoutes(vpc ? localRoutes(vpc.vpc, parse) : []),
        componentRef: componentRef(id, "route-table"),
      };
      mainTables.set(vpcId, main);
    }
    return main;
  };
  const subnetRouteTables: RouteTableInfo[] = [];
  for (const { subnet: s, index } of core.subnets.values()) {
    subnetRouteTables[index] =
      (s.routeTableId !== undefined ? routeTables.get(s.routeTableId) : undefined) ?? mainTableFor(s.vpcId);
  }
  return { routeTables, subnetRouteTables, routingMemo: {} };
}

/**
 * What a compiled route table depends on besides the table object: its VPC object alone (local routes, RT-02)
 * for a table of its own routes; the routing context, which belongs to one core (so to one VPC object per id)
 * and stands for prefix lists and gateway endpoints, for a table that reads those; and the propagation token
 * (which holds its context) for a table that propagates routes from a gateway (VPN-05). A variant that changes
 * a gateway endpoint then recompiles only the tables that read the context, one that changes what a VPN
 * propagates only the propagating tables.
 */
function routeTableInputs(
  rt: T.RouteTable,
  vpc: VpcInfo | undefined,
  context: RoutingContext,
  propagation: PropagationToken,
): object {
  if (vpc === undefined) return propagation;
  if (rt.propagatingGatewayIds.length > 0) return propagation;
  return context.extraRoutes.has(rt.id) || rt.routes.some(hasPrefixListDestination) ? context : vpc.vpc;
}

/** One object per routing context and set of VGW propagation inputs (vgwPropagationInputs). */
type PropagationToken = PropagationLayer;

// Separators of the flattened inputs below: objects, so no string or id can be taken for one.
const VPN_INPUT = {};
const DX_INPUT = {};
const DX_NETWORKS = {};

/**
 * Everything propagatedVgwPrefixes (vpn-links.ts) reads, flattened, as the key of the routes a gateway
 * propagates: per VPN its gateway id and, while it is up (VPN-02), the texts of the prefixes it knows; per
 * Direct Connect gateway the gateways it is associated with and the on-premises blocks behind it. The same
 * inputs give the same propagated routes, for every gateway id. Empty when no table propagates.
 */
function vgwPropagationInputs(t: T.Topology): unknown[] {
  const out: unknown[] = [];
  if (!t.routeTables.some((rt) => rt.propagatingGatewayIds.length > 0)) return out;
  for (const vpn of t.vpnConnections) {
    out.push(VPN_INPUT, vpn.vpnGatewayId);
    if (isVpnUp(vpn)) pushVpnPrefixTexts(out, t, vpn);
  }
  for (const dx of t.directConnectGateways) {
    out.push(DX_INPUT);
    for (const a of dx.associations) out.push(a.gatewayId);
    out.push(DX_NETWORKS);
    for (const n of t.onPremisesNetworks)
      if (n.directConnectGatewayIds.includes(dx.id)) for (const c of n.cidrBlocks) out.push(c);
  }
  return out;
}

/**
 * What propagatedCidrs (transit-gateway-index.ts) reads from the VPN connections, Direct Connect gateways and
 * on-premises networks, flattened in attachment order: for a VPN attachment the prefixes its VPN propagates
 * while up, for a Direct Connect gateway attachment the on-premises blocks behind the gateway. The attachments
 * themselves are keyed as objects beside it.
 */
function tgwPropagationInputs(t: T.Topology): unknown[] {
  const out: unknown[] = [];
  for (const att of t.transitGatewayAttachments) {
    if (att.type === "vpn") {
      out.push(VPN_INPUT);
      const vpn = t.vpnConnections.find((v) => v.id === att.vpnConnectionId);
      if (vpn && isVpnUp(vpn)) pushVpnPrefixTexts(out, t, vpn);
    } else if (att.type === "direct-connect-gateway") {
      out.push(DX_INPUT);
      const dxId = att.directConnectGatewayId;
      if (dxId !== undefined)
        for (const n of t.onPremisesNetworks)
          if (n.directConnectGatewayIds.includes(dxId)) for (const c of n.cidrBlocks) out.push(c);
    }
  }
  return out;
}

/** The texts vpnPrefixes (vpn-links.ts) parses, in its order. */
function pushVpnPrefixTexts(out: unknown[], t: T.Topology, vpn: T.VpnConnection): void {
  if (vpn.routing === "static") {
    for (const r of vpn.staticRoutes) out.push(r);
    return;
  }
  for (const n of t.onPremisesNetworks)
    if (n.customerGatewayIds.includes(vpn.customerGatewayId)) for (const c of n.cidrBlocks) out.push(c);
}

const hasPrefixListDestination = (r: T.Route): boolean => r.destinationPrefixListId !== undefined;

function compileRouteTable(
  topology: T.Topology,
  rt: T.RouteTable,
  vpc: VpcInfo | undefined,
  reference: ReferenceLayer,
  context: RoutingContext,
  targets: Map<string, RouteTarget>,
  parse: CidrParsers,
): RouteTableInfo {
  const routes: CompiledRoute<RouteTarget>[] = vpc ? localRoutes(vpc.vpc, parse) : [];
  for (const r of rt.routes) {
    if (r.target === "local") continue; // implicit (RT-02)
    let target = targets.get(r.target);
    if (!target) targets.set(r.target, (target = Object.freeze(routeTargetOf(r.target))));
    if (r.destination !== undefined) {
      const cidr = parse.tryCidr(r.destination);
      if (cidr)
        routes.push({
          cidr,
          origin: r.origin,
          target,
          description: `${cidr.text} -> ${r.target}${r.blackholeCause === undefined ? "" : ` (${r.blackholeCause})`}${r.origin === "propagated" ? " (propagated)" : ""}`,
        });
    } else if (r.destinationPrefixListId !== undefined) {
      for (const cidr of reference.prefixLists.get(r.destinationPrefixListId) ?? []) {
        routes.push({
          cidr,
          origin: "prefix-list",
          target,
          description: `${r.destinationPrefixListId} (${cidr.text}) -> ${r.target}`,
        });
      }
    }
  }
  for (const gwId of rt.propagatingGatewayIds) {
    for (const cidr of propagatedVgwPrefixes(topology, gwId)) {
      routes.push({
        cidr,
        origin: "propagated",
        target: { kind: "vgw", id: gwId },
        description: `${cidr.text} -> ${gwId} (propagated)`,
      });
    }
  }
  for (const route of context.extraRoutes.get(rt.id) ?? []) routes.push(route);
  const lookup = compileRoutes(routes);
  const ref = componentRef(rt.id, "route-table", rt.name);
  // Two literals rather than a conditional spread (V8's slow path).
  return rt.name !== undefined
    ? { id: rt.id, name: rt.name, vpcId: rt.vpcId, lookup, componentRef: ref }
    : { id: rt.id, vpcId: rt.vpcId, lookup, componentRef: ref };
}

function compileAcls(
  topology: T.Topology,
  core: NetworkCore,
  pieces: PieceCaches | undefined,
  parse: CidrParsers,
): AclLayer {
  const nacls = new Map<string, CompiledNetworkAcl>();
  // Without a cache scope (a large or uncached build), rules are shared by content within this network.
  const ruleReuse = pieces?.naclRules ?? {
    by: "content" as const,
    rules: new Map<string, CompiledNaclRule>(),
  };
  const defaultNacls = new Map<string, CompiledNetworkAcl>();
  for (const acl of topology.networkAcls) {
    let compiled = pieces?.networkAcls.get(acl);
    if (!compiled) {
      compiled = compileNetworkAcl(acl, parse.toCidr, ruleReuse);
      pieces?.networkAcls.set(acl, compiled);
    }
    nacls.set(acl.id, compiled);
    if (acl.isDefault && !defaultNacls.has(acl.vpcId)) defaultNacls.set(acl.vpcId, compiled);
  }
  const defaultNaclFor = (vpcId: string): CompiledNetworkAcl => {
    let acl = defaultNacls.get(vpcId);
    if (!acl) {
      // ACL-05/ACL-06: a subnet without an explicit NACL uses the VPC's default NACL, which allows all.
      const withV6 = (core.vpcs.get(vpcId)?.cidrs6.length ?? 0) > 0;
      acl = compileDefaultNetworkAcl(`acl-default-${vpcId}`, vpcId, withV6, parse.toCidr);
      defaultNacls.set(vpcId, acl);
    }
    return acl;
  };
  const subnetNetworkAcls: CompiledNetworkAcl[] = [];
  for (const { subnet: s, index } of core.subnets.values()) {
    subnetNetworkAcls[index] =
      (s.networkAclId !== undefined ? nacls.get(s.networkAclId) : undefined) ?? defaultNaclFor(s.vpcId);
  }
  return { subnetNetworkAcls };
}

function compileSecurity(
  topology: T.Topology,
  core: NetworkCore,
  pieces: PieceCaches | undefined,
  parse: CidrParsers,
): SecurityLayer {
  const securityGroups = new Map<string, CompiledSecurityGroup>();
  for (const sg of topology.securityGroups) {
    let compiled = pieces?.securityGroups.get(sg);
    if (!compiled) {
      compiled = compileSecurityGroup(sg, parse.toCidr, pieces?.sgRules);
      pieces?.securityGroups.set(sg, compiled);
    }
    securityGroups.set(sg.id, compiled);
  }
  // SG-04 / IFE-02: an interface with no group listed gets its VPC's default group (a group named
  // "default" in the topology, else AWS's default: all inbound from itself, all outbound).
  const defaultSecurityGroups = new Map<string, string>();
  for (const vpcId of core.vpcsUsingDefaultGroup) {
    const named = topology.securityGroups.find((g) => g.vpcId === vpcId && g.name === "default");
    const id = named?.id ?? `sg-default-${vpcId}`;
    if (!named && !securityGroups.has(id)) {
      securityGroups.set(
        id,
        compileSecurityGroup(
          { id, name: "default", vpcId, inbound: [{ protocol: "all", securityGroupId: id }] },
          parse.toCidr,
        ),
      );
    }
    defaultSecurityGroups.set(vpcId, id);
  }
  // Filled with undefined up front: writing interface 4,000 into an empty array would turn it into a slow sparse one.
  return {
    securityGroups,
    defaultSecurityGroups,
    securityMemo: { byEni: new Array<EniSecurity | undefined>(core.enis.size).fill(undefined) },
  };
}

function compilePeering(topology: T.Topology, core: NetworkCore): PeeringLayer {
  const peerings = new Map<string, T.PeeringConnection>();
  const peeringsByPair = new Map<string, T.PeeringConnection>();
  const peeringLinks = new Map<string, PeeringLink>();
  for (const p of topology.peeringConnections) {
    peerings.set(p.id, p);
    // A later peering with the same id replaces an earlier one, in both maps.
    peeringLinks.set(p.id, {
      pcx: p,
      requester: core.vpcs.get(p.requesterVpcId),
      accepter: core.vpcs.get(p.accepterVpcId),
      componentRef: componentRef(p.id, "vpc-peering-connection", p.name),
    });
    const key = peeringPairKey(p.requesterVpcId, p.accepterVpcId);
    // PCX-04: one peering per pair; prefer an active one if the topology lists several.
    if (!peeringsByPair.has(key) || p.status === "active") peeringsByPair.set(key, p);
  }
  return { peerings, peeringsByPair, peeringLinks };
}
