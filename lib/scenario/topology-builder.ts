// A small builder for generated topologies, so families describe a scenario in a few calls instead of
// huge literals. It fills every defaulted field of the lib/net schema (Topology is the parsed form, so no
// zod parse is needed; tests/scenario/topology-valid.test.ts parses the questions' topologies once to prove
// it) and draws AWS-style ids from the rng, so the same seed builds the same topology.
// Copy-on-write: the builder never changes an object after creating it; a change replaces the object in its
// list. So build() only copies the lists (snapshots share unchanged objects with each other and with
// nearby variants made by topology-edits.ts) instead of deep-cloning the whole topology per snapshot.
import type * as T from "../net/index";
import { DEFAULTED_TOPOLOGY_LISTS } from "../net/index";
import { cidrSize, cidrText, hostIp, resourceId, subnetCidr, type Cidr } from "./names";
import type { Rng } from "./rng";

export type VpcHandle = {
  readonly id: string;
  readonly name: string;
  readonly cidr: Cidr;
  readonly region: string;
  readonly accountId: string;
  /** The VPC's main route table (explicit, so that diagrams and fixes can name it). */
  readonly routeTableId: string;
  readonly azs: readonly string[];
};

export type SubnetHandle = {
  readonly id: string;
  readonly name: string;
  readonly vpc: VpcHandle;
  readonly cidr: Cidr;
  readonly routeTableId: string;
};
export type InstanceHandle = {
  readonly id: string;
  readonly name: string;
  readonly ip: string;
  readonly subnet: SubnetHandle;
  readonly sgId: string;
};

export type SgRuleSpec = {
  protocol?: T.RuleProtocol;
  fromPort?: number;
  toPort?: number;
  cidrBlock?: string;
  securityGroupId?: string;
};

export class TopologyBuilder {
  private readonly t: T.TopologyDraft;
  private subnetCount = new Map<string, number>();
  /** Per VPC: the offset (in addresses) after the last carved subnet. */
  private nextFree = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    region: string,
  ) {
    this.t = {
      region,
      regions: [],
      accounts: [],
      vpcs: [],
      subnets: [],
      routeTables: [],
      networkAcls: [],
      securityGroups: [],
      instances: [],
      networkInterfaces: [],
      internetGateways: [],
      egressOnlyInternetGateways: [],
      natGateways: [],
      peeringConnections: [],
      transitGateways: [],
      transitGatewayAttachments: [],
      transitGatewayRouteTables: [],
      vpnGateways: [],
      customerGateways: [],
      vpnConnections: [],
      directConnectGateways: [],
      gatewayEndpoints: [],
      interfaceEndpoints: [],
      endpointServices: [],
      prefixLists: [],
      services: [],
      onPremisesNetworks: [],
    };
  }

  id(prefix: string): string {
    return resourceId(this.rng, prefix);
  }

  vpc(spec: {
    name: string;
    cidr: Cidr;
    region: string;
    accountId: string;
    azs: readonly string[];
    ipv6Cidr?: string;
  }): VpcHandle {
    const id = this.id("vpc");
    this.t.vpcs.push({
      id,
      name: spec.name,
      region: spec.region,
      accountId: spec.accountId,
      cidrBlocks: [cidrText(spec.cidr)],
      ipv6CidrBlocks: spec.ipv6Cidr !== undefined ? [spec.ipv6Cidr] : [],
      enableDnsSupport: true,
      enableDnsHostnames: true,
    });
    if (!this.t.regions.includes(spec.region)) this.t.regions.push(spec.region);
    if (!this.t.accounts.some((a) => a.id === spec.accountId)) this.t.accounts.push({ id: spec.accountId });
    const routeTableId = this.routeTable({ id, name: spec.name } as VpcHandle, `${spec.name}-main`, true);
    return {
      id,
      name: spec.name,
      cidr: spec.cidr,
      region: spec.region,
      accountId: spec.accountId,
      routeTableId,
      azs: spec.azs,
    };
  }

  routeTable(vpc: Pick<VpcHandle, "id">, name: string, main = false): string {
    const id = this.id("rtb");
    this.t.routeTables.push({ id, name, vpcId: vpc.id, main, routes: [], propagatingGatewayIds: [] });
    return id;
  }

  route(routeTableId: string, destination: string, target: string): void {
    this.replace("routeTables", routeTableId, (rt) =>
      routeTableWith(rt, {
        routes: [...rt.routes, { destination, target, origin: "static" as const }],
      }),
    );
  }

  table(routeTableId: string): T.RouteTable {
    return this.find("routeTables", routeTableId);
  }

  /** Adds a secondary IPv4 CIDR block to a VPC (rule VPC-01). */
  addVpcCidr(vpcId: string, cidr: string): void {
    this.replace("vpcs", vpcId, (v) => ({ ...v, cidrBlocks: [...v.cidrBlocks, cidr] }));
  }

  setSubnet(subnetId: string, patch: Partial<Pick<T.Subnet, "networkAclId" | "ipv6CidrBlock">>): void {
    this.replace("subnets", subnetId, (s) => subnetWith(s, patch));
  }

  setInstancePublicIp(instanceId: string, publicIp: string): void {
    this.replace("instances", instanceId, (i) => withField(i, { publicIp }));
  }

  /** Associates an attachment with a TGW route table and propagates its routes into it (rules TGW-04, TGW-05). */
  tgwAssociateAndPropagate(tableId: string, attachmentId: string): void {
    this.replace("transitGatewayRouteTables", tableId, (rtb) =>
      tgwRouteTableWith(rtb, {
        associations: [...rtb.associations, attachmentId],
        propagations: [...rtb.propagations, attachmentId],
      }),
    );
  }

  /**
   * Subnets are carved in order, each from the first free block of its size after the previous subnets, so
   * subnets of different sizes never overlap (rule VPC-02).
   */
  subnet(
    vpc: VpcHandle,
    spec: {
      role: string;
      prefix: number;
      routeTableId?: string;
      azIndex?: number;
      networkAclId?: string | undefined;
    },
  ): SubnetHandle {
    const index = this.subnetCount.get(vpc.id) ?? 0;
    this.subnetCount.set(vpc.id, index + 1);
    const prefix = Math.max(spec.prefix, vpc.cidr.prefix);
    const size = cidrSize(prefix);
    const free = this.nextFree.get(vpc.id) ?? 0;
    const offset = Math.ceil(free / size) * size;
    this.nextFree.set(vpc.id, offset + size);
    const cidr = subnetCidr(vpc.cidr, prefix, offset / size);
    const id = this.id("subnet");
    const name = `${vpc.name}-${spec.role}`;
    const az = vpc.azs[(spec.azIndex ?? index) % vpc.azs.length] as string;
    const routeTableId = spec.routeTableId ?? vpc.routeTableId;
    // Optional keys by assignment, in key order (see sgRule).
    const subnet = newSubnet(id, name, vpc.id, az, cidrText(cidr));
    if (spec.routeTableId !== undefined) subnet.routeTableId = spec.routeTableId;
    if (spec.networkAclId !== undefined) subnet.networkAclId = spec.networkAclId;
    this.t.subnets.push(subnet);
    return { id, name, vpc, cidr, routeTableId };
  }

  securityGroup(
    vpc: Pick<VpcHandle, "id">,
    name: string,
    inbound: readonly SgRuleSpec[],
    outbound?: readonly SgRuleSpec[],
  ): string {
    const id = this.id("sg");
    const group: Draft<T.SecurityGroup> = { id, name, vpcId: vpc.id, inbound: inbound.map(sgRule) };
    if (outbound !== undefined) group.outbound = outbound.map(sgRule);
    this.t.securityGroups.push(group);
    return id;
  }

  securityGroupById(id: string): T.SecurityGroup {
    const sg = this.t.securityGroups.find((g) => g.id === id);
    if (!sg) throw new Error(`no security group ${id}`);
    return sg;
  }

  /** An instance whose SG allows `inbound` (default: nothing) and all outbound (rule SG-03). */
  instance(
    subnet: SubnetHandle,
    spec: {
      name: string;
      hostOffset?: number;
      inbound?: readonly SgRuleSpec[];
      outbound?: readonly SgRuleSpec[];
      publicIp?: string | undefined;
      ipv6?: string;
    },
  ): InstanceHandle {
    const sgId = this.securityGroup(subnet.vpc, `${spec.name}-sg`, spec.inbound ?? [], spec.outbound);
    const id = this.id("i");
    const ip = hostIp(subnet.cidr, spec.hostOffset ?? 10);
    // Keys in order, publicIp between privateIp and ipv6Addresses when there is one (see sgRule).
    const instance = {
      id,
      name: spec.name,
      state: "running",
      subnetId: subnet.id,
      privateIp: ip,
    } as Draft<T.Instance>;
    if (spec.publicIp !== undefined) instance.publicIp = spec.publicIp;
    instance.ipv6Addresses = spec.ipv6 !== undefined ? [spec.ipv6] : [];
    instance.securityGroupIds = [sgId];
    instance.sourceDestCheck = true;
    instance.networkInterfaceIds = [];
    this.t.instances.push(instance);
    return { id, name: spec.name, ip, subnet, sgId };
  }

  networkAcl(
    vpc: Pick<VpcHandle, "id">,
    name: string,
    inbound: T.NaclRule[],
    outbound: T.NaclRule[],
  ): string {
    const id = this.id("acl");
    this.t.networkAcls.push({ id, name, vpcId: vpc.id, isDefault: false, inbound, outbound });
    return id;
  }

  internetGateway(vpc: Pick<VpcHandle, "id" | "name">): string {
    const id = this.id("igw");
    this.t.internetGateways.push({ id, name: `${vpc.name}-igw`, vpcId: vpc.id });
    return id;
  }

  egressOnlyInternetGateway(vpc: Pick<VpcHandle, "id" | "name">): string {
    const id = this.id("eigw");
    this.t.egressOnlyInternetGateways.push({ id, name: `${vpc.name}-eigw`, vpcId: vpc.id });
    return id;
  }

  natGateway(subnet: SubnetHandle, publicIp: string, connectivity: "public" | "private" = "public"): string {
    const id = this.id("nat");
    // Keys in order, publicIp before state when public (see sgRule).
    const nat = {
      id,
      name: `${subnet.vpc.name}-nat`,
      subnetId: subnet.id,
      connectivity,
      privateIp: hostIp(subnet.cidr, 5),
    } as Draft<T.NatGateway>;
    if (connectivity === "public") nat.publicIp = publicIp;
    nat.state = "available";
    this.t.natGateways.push(nat);
    return id;
  }

  peering(
    requester: VpcHandle,
    accepter: VpcHandle,
    status: T.PeeringStatus = "active",
    createdAt?: number,
  ): string {
    const id = this.id("pcx");
    // Keys in order, createdAt after status when given (see sgRule).
    const peering = {
      id,
      name: `${requester.name}-to-${accepter.name}`,
      requesterVpcId: requester.id,
      accepterVpcId: accepter.id,
      status,
    } as Draft<T.PeeringConnection>;
    if (createdAt !== undefined) peering.createdAt = createdAt;
    peering.requesterAllowDnsResolutionFromRemoteVpc = false;
    peering.accepterAllowDnsResolutionFromRemoteVpc = false;
    this.t.peeringConnections.push(peering);
    return id;
  }

  transitGateway(name: string, region: string): string {
    const id = this.id("tgw");
    this.t.transitGateways.push({ id, name, region, asn: 64512, state: "available" });
    return id;
  }

  tgwVpcAttachment(tgwId: string, vpc: VpcHandle, subnetIds: string[]): string {
    const id = this.id("tgw-attach");
    this.t.transitGatewayAttachments.push({
      id,
      name: `${vpc.name}-attachment`,
      transitGatewayId: tgwId,
      type: "vpc",
      vpcId: vpc.id,
      subnetIds,
      applianceMode: false,
      state: "available",
    });
    return id;
  }

  /** A Site-to-Site VPN attached to a transit gateway instead of a VGW (rules TGW-01, VPN-08). */
  tgwVpnAttachment(tgwId: string, vpnConnectionId: string, name: string): string {
    const id = this.id("tgw-attach");
    this.t.transitGatewayAttachments.push({
      id,
      name,
      transitGatewayId: tgwId,
      type: "vpn",
      vpnConnectionId,
      subnetIds: [],
      applianceMode: false,
      state: "available",
    });
    return id;
  }

  /**
   * The attachment AWS creates when a Direct Connect gateway is associated with a transit gateway (rules DX-04,
   * TGW-01): on premises reaches it over a transit VIF, and it is associated and propagates like any attachment.
   */
  tgwDxAttachment(tgwId: string, directConnectGatewayId: string, name: string): string {
    const id = this.id("tgw-attach");
    this.t.transitGatewayAttachments.push({
      id,
      name,
      transitGatewayId: tgwId,
      type: "direct-connect-gateway",
      directConnectGatewayId,
      subnetIds: [],
      applianceMode: false,
      state: "available",
    });
    return id;
  }

  /** A static route in a TGW route table (rule TGW-07); static routes beat propagated ones. */
  tgwRoute(tableId: string, destination: string, attachmentId: string): void {
    this.replace("transitGatewayRouteTables", tableId, (rtb) =>
      tgwRouteTableWith(rtb, {
        routes: [...rtb.routes, { destination, attachmentId, blackhole: false }],
      }),
    );
  }

  tgwRouteTable(tgwId: string, name: string): { readonly id: string; readonly name: string } {
    const id = this.id("tgw-rtb");
    this.t.transitGatewayRouteTables.push({
      id,
      name,
      transitGatewayId: tgwId,
      associations: [],
      propagations: [],
      routes: [],
    });
    return { id, name };
  }

  /** The topology so far, read-only (change it through the builder's methods). */
  get topology(): T.Topology {
    return this.t;
  }

  /** A snapshot: later builder calls do not change it (they replace objects, never mutate them). */
  build(description: string): T.Topology {
    const t = this.t;
    // Written out rather than `{ ...t, description }`: adding a key after a spread is slow in Node 20's V8
    // (about 1 µs per added key), and build() runs several times per question. Key order = the old output.
    return {
      region: t.region,
      regions: [...t.regions],
      accounts: [...t.accounts],
      vpcs: [...t.vpcs],
      subnets: [...t.subnets],
      routeTables: [...t.routeTables],
      networkAcls: [...t.networkAcls],
      securityGroups: [...t.securityGroups],
      instances: [...t.instances],
      networkInterfaces: [...t.networkInterfaces],
      internetGateways: [...t.internetGateways],
      egressOnlyInternetGateways: [...t.egressOnlyInternetGateways],
      natGateways: [...t.natGateways],
      peeringConnections: [...t.peeringConnections],
      transitGateways: [...t.transitGateways],
      transitGatewayAttachments: [...t.transitGatewayAttachments],
      transitGatewayRouteTables: [...t.transitGatewayRouteTables],
      vpnGateways: [...t.vpnGateways],
      customerGateways: [...t.customerGateways],
      vpnConnections: [...t.vpnConnections],
      directConnectGateways: [...t.directConnectGateways],
      gatewayEndpoints: [...t.gatewayEndpoints],
      interfaceEndpoints: [...t.interfaceEndpoints],
      endpointServices: [...t.endpointServices],
      prefixLists: [...t.prefixLists],
      services: [...t.services],
      onPremisesNetworks: [...t.onPremisesNetworks],
      description,
    };
  }

  private find<K extends ListKey>(key: K, id: string): ItemOf<K> {
    const item = (this.t[key] as readonly ItemOf<K>[]).find((x) => x.id === id);
    if (!item) throw new Error(`no ${key} item ${id}`);
    return item;
  }

  private replace<K extends ListKey>(key: K, id: string, change: (item: ItemOf<K>) => ItemOf<K>): void {
    const list = this.t[key] as ItemOf<K>[];
    const index = list.findIndex((x) => x.id === id);
    if (index < 0) throw new Error(`no ${key} item ${id}`);
    list[index] = change(list[index] as ItemOf<K>);
  }
}

/**
 * `{ ...item, ...fields }` where `fields` may add keys the item lacks. Object.assign keeps the same key order
 * as the spread but avoids V8's slow path for keys added after a spread (~1 µs each in Node 20).
 */
export function withField<O extends object, F extends object>(item: O, fields: F): O & F {
  return Object.assign({}, item, fields);
}

/**
 * The keys of every topology build() makes, in its order. topologyWith copies a topology with exactly these
 * keys through one literal; any other topology (parsed, hand-written) is spread as before.
 */
const BUILT_KEYS: readonly string[] = ["region", ...DEFAULTED_TOPOLOGY_LISTS, "description"];

function hasBuiltKeys(t: T.Topology): boolean {
  let k = 0;
  for (const key in t) {
    if (BUILT_KEYS[k] !== key) return false;
    k += 1;
  }
  return k === BUILT_KEYS.length;
}

/**
 * `{ ...t, ...patch }` (same keys in the same order) for a topology build() made, rebuilt through one literal
 * so that every variant of every question shares build()'s V8 hidden class: spread copies at the edit sites
 * made a map per site and source shape (74 maps for 7,381 topologies of four families over 300 questions), so
 * lib/net's reads of a topology's lists were megamorphic.
 */
export function topologyWith(t: T.Topology, patch: Partial<T.Topology>): T.Topology {
  if (!hasBuiltKeys(t)) return { ...t, ...patch };
  const out = copyBuilt(t) as Record<string, unknown>;
  const fields = patch as Readonly<Record<string, unknown>>;
  for (const key in fields) out[key] = fields[key];
  return out as T.Topology;
}

/** topologyWith for changes held in a map (key -> new value), in the map's order. */
export function topologyWithMap(t: T.Topology, changes: ReadonlyMap<string, unknown>): T.Topology {
  const out = (hasBuiltKeys(t) ? copyBuilt(t) : { ...t }) as Record<string, unknown>;
  for (const [key, value] of changes) out[key] = value;
  return out as T.Topology;
}

function copyBuilt(t: T.Topology): T.Topology {
  return {
    region: t.region,
    regions: t.regions,
    accounts: t.accounts,
    vpcs: t.vpcs,
    subnets: t.subnets,
    routeTables: t.routeTables,
    networkAcls: t.networkAcls,
    securityGroups: t.securityGroups,
    instances: t.instances,
    networkInterfaces: t.networkInterfaces,
    internetGateways: t.internetGateways,
    egressOnlyInternetGateways: t.egressOnlyInternetGateways,
    natGateways: t.natGateways,
    peeringConnections: t.peeringConnections,
    transitGateways: t.transitGateways,
    transitGatewayAttachments: t.transitGatewayAttachments,
    transitGatewayRouteTables: t.transitGatewayRouteTables,
    vpnGateways: t.vpnGateways,
    customerGateways: t.customerGateways,
    vpnConnections: t.vpnConnections,
    directConnectGateways: t.directConnectGateways,
    gatewayEndpoints: t.gatewayEndpoints,
    interfaceEndpoints: t.interfaceEndpoints,
    endpointServices: t.endpointServices,
    prefixLists: t.prefixLists,
    services: t.services,
    onPremisesNetworks: t.onPremisesNetworks,
    description: t.description,
  };
}

/**
 * `{ ...item, ...patch }` (same keys in the same order) for an item whose first keys are `keys`, in order: built
 * from `base` (a literal of those keys, one per kind), then the item's other keys, then the patch's. Objects of a
 * kind with the same keys then share one V8 hidden class instead of one per spread site and source shape. Any
 * other item is spread as before.
 */
function rebuilt<O extends object>(
  item: O,
  patch: Partial<O>,
  keys: readonly string[],
  base: (o: O) => O,
): O {
  let k = 0;
  for (const key in item) {
    if (k === keys.length) break;
    if (keys[k] !== key) return { ...item, ...patch };
    k += 1;
  }
  if (k < keys.length) return { ...item, ...patch };
  const out = base(item) as Record<string, unknown>;
  const from = item as Readonly<Record<string, unknown>>;
  const fields = patch as Readonly<Record<string, unknown>>;
  for (const key in from) if (!(key in out)) out[key] = from[key];
  for (const key in fields) out[key] = fields[key];
  return out as O;
}

const ROUTE_TABLE_KEYS = ["id", "name", "vpcId", "main", "routes", "propagatingGatewayIds"];
function newRouteTable(rt: T.RouteTable): T.RouteTable {
  return {
    id: rt.id,
    name: rt.name,
    vpcId: rt.vpcId,
    main: rt.main,
    routes: rt.routes,
    propagatingGatewayIds: rt.propagatingGatewayIds,
  };
}
/** `{ ...rt, ...patch }` through one literal (see rebuilt). */
export function routeTableWith(rt: T.RouteTable, patch: Partial<T.RouteTable>): T.RouteTable {
  return rebuilt(rt, patch, ROUTE_TABLE_KEYS, newRouteTable);
}

const SECURITY_GROUP_KEYS = ["id", "name", "vpcId", "inbound"];
function newSecurityGroup(sg: T.SecurityGroup): T.SecurityGroup {
  return { id: sg.id, name: sg.name, vpcId: sg.vpcId, inbound: sg.inbound };
}
/** `{ ...sg, ...patch }` through one literal (see rebuilt). */
export function securityGroupWith(sg: T.SecurityGroup, patch: Partial<T.SecurityGroup>): T.SecurityGroup {
  return rebuilt(sg, patch, SECURITY_GROUP_KEYS, newSecurityGroup);
}

const TGW_ROUTE_TABLE_KEYS = ["id", "name", "transitGatewayId", "associations", "propagations", "routes"];
function newTgwRouteTable(rtb: T.TransitGatewayRouteTable): T.TransitGatewayRouteTable {
  return {
    id: rtb.id,
    name: rtb.name,
    transitGatewayId: rtb.transitGatewayId,
    associations: rtb.associations,
    propagations: rtb.propagations,
    routes: rtb.routes,
  };
}
/** `{ ...rtb, ...patch }` through one literal (see rebuilt). */
export function tgwRouteTableWith(
  rtb: T.TransitGatewayRouteTable,
  patch: Partial<T.TransitGatewayRouteTable>,
): T.TransitGatewayRouteTable {
  return rebuilt(rtb, patch, TGW_ROUTE_TABLE_KEYS, newTgwRouteTable);
}

const NETWORK_ACL_KEYS = ["id", "name", "vpcId", "isDefault", "inbound", "outbound"];
function newNetworkAcl(acl: T.NetworkAcl): T.NetworkAcl {
  return {
    id: acl.id,
    name: acl.name,
    vpcId: acl.vpcId,
    isDefault: acl.isDefault,
    inbound: acl.inbound,
    outbound: acl.outbound,
  };
}
/** `{ ...acl, ...patch }` through one literal (see rebuilt). */
export function networkAclWith(acl: T.NetworkAcl, patch: Partial<T.NetworkAcl>): T.NetworkAcl {
  return rebuilt(acl, patch, NETWORK_ACL_KEYS, newNetworkAcl);
}

// A VPN connection ends at a VGW or at a TGW: one literal for each (the order the families write them in).
const VGW_VPN_KEYS = [
  "id",
  "name",
  "customerGatewayId",
  "vpnGatewayId",
  "routing",
  "staticRoutes",
  "tunnels",
  "state",
];
const TGW_VPN_KEYS = [
  "id",
  "name",
  "customerGatewayId",
  "transitGatewayId",
  "routing",
  "staticRoutes",
  "tunnels",
  "state",
];
function newVgwVpn(v: T.VpnConnection): T.VpnConnection {
  return {
    id: v.id,
    name: v.name,
    customerGatewayId: v.customerGatewayId,
    vpnGatewayId: v.vpnGatewayId,
    routing: v.routing,
    staticRoutes: v.staticRoutes,
    tunnels: v.tunnels,
    state: v.state,
  };
}
function newTgwVpn(v: T.VpnConnection): T.VpnConnection {
  return {
    id: v.id,
    name: v.name,
    customerGatewayId: v.customerGatewayId,
    transitGatewayId: v.transitGatewayId,
    routing: v.routing,
    staticRoutes: v.staticRoutes,
    tunnels: v.tunnels,
    state: v.state,
  };
}
/** `{ ...v, ...patch }` through one literal (see rebuilt). */
export function vpnConnectionWith(v: T.VpnConnection, patch: Partial<T.VpnConnection>): T.VpnConnection {
  return v.vpnGatewayId !== undefined
    ? rebuilt(v, patch, VGW_VPN_KEYS, newVgwVpn)
    : rebuilt(v, patch, TGW_VPN_KEYS, newTgwVpn);
}

/**
 * Every generated subnet starts as this literal (the builder makes them all), and its optional keys are added
 * one by one: so subnets with the same keys in the same order share one V8 hidden class. A spread copy of a
 * subnet (`{ ...s, networkAclId }`) made a map of its own per copy site and source shape (1,126 maps for 2,634
 * subnets over 300 questions of four families), which made lib/net's reads of subnets megamorphic.
 */
function newSubnet(
  id: string,
  name: string | undefined,
  vpcId: string,
  availabilityZone: string,
  cidrBlock: string | undefined,
): Draft<T.Subnet> {
  return { id, name, vpcId, availabilityZone, cidrBlock };
}

/**
 * `{ ...s, ...patch }` (same keys in the same order: the subnet's, then the patch's new ones) rebuilt through
 * newSubnet, for a subnet the builder made (its first keys are newSubnet's five, all set).
 */
export function subnetWith(
  s: T.Subnet,
  patch: Partial<Pick<T.Subnet, "routeTableId" | "networkAclId" | "ipv6CidrBlock">>,
): T.Subnet {
  const out = newSubnet(s.id, s.name, s.vpcId, s.availabilityZone, s.cidrBlock) as Record<string, unknown>;
  const from = s as Readonly<Record<string, unknown>>;
  const fields = patch as Readonly<Record<string, unknown>>;
  for (const key in from) if (!(key in out)) out[key] = key in fields ? fields[key] : from[key];
  for (const key in fields) if (!(key in out)) out[key] = fields[key];
  return out as T.Subnet;
}

type ListKey =
  "vpcs" | "subnets" | "routeTables" | "instances" | "securityGroups" | "transitGatewayRouteTables";
type ItemOf<K extends ListKey> = T.Topology[K][number];

// Optional keys are assigned in key order rather than spread in as `...(x !== undefined ? { x } : {})`: each
// such spread makes a temporary object and takes V8's slow path for the keys after it, once per rule or item
// of every generated topology.
function sgRule(spec: SgRuleSpec): T.SgRule {
  const rule: Draft<T.SgRule> = { protocol: spec.protocol ?? "all" };
  if (spec.fromPort !== undefined) rule.fromPort = spec.fromPort;
  if (spec.toPort !== undefined) rule.toPort = spec.toPort;
  if (spec.cidrBlock !== undefined) rule.cidrBlock = spec.cidrBlock;
  if (spec.securityGroupId !== undefined) rule.securityGroupId = spec.securityGroupId;
  return rule;
}

/** An object being filled in key order: every key writable until it is returned. */
type Draft<T> = { -readonly [K in keyof T]: T[K] };
