// The compiled, indexed network model that buildNetwork (network.ts) produces and the walk reads.
import { type Cidr, cidrContainsIp, type IpAddress } from "./cidr";
import type { ComponentRef } from "./trace";
import type { CompiledNetworkAcl } from "./network-acls";
import type { RouteLookup } from "./routing";
import type { CompiledSecurityGroup } from "./security-groups";
import type * as T from "./topology";
import type { TransitGatewayIndex } from "./transit-gateway";

export type RouteTargetKind = "local" | "igw" | "eigw" | "nat" | "pcx" | "vgw" | "tgw" | "vpce" | "eni" | "instance" | "blackhole" | "unknown";
export type RouteTarget = { readonly kind: RouteTargetKind; readonly id: string };

export function peeringPairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function routeTargetOf(target: string): RouteTarget {
  if (target === "local") return { kind: "local", id: "local" };
  if (target === "blackhole") return { kind: "blackhole", id: "blackhole" };
  const prefixes: [string, RouteTargetKind][] = [
    ["igw-", "igw"], ["eigw-", "eigw"], ["nat-", "nat"], ["pcx-", "pcx"], ["vgw-", "vgw"], ["tgw-", "tgw"],
    ["vpce-", "vpce"], ["eni-", "eni"], ["i-", "instance"],
  ];
  for (const [prefix, kind] of prefixes) if (target.startsWith(prefix)) return { kind, id: target };
  return { kind: "unknown", id: target };
}

export type EniKind = "interface" | "nat_gateway" | "vpc_endpoint" | "transit_gateway";

export type VpcInfo = {
  readonly vpc: T.Vpc;
  readonly id: string;
  readonly region: string;
  readonly accountId: string;
  readonly cidrs: readonly Cidr[];
  readonly cidrs6: readonly Cidr[];
  readonly subnets: SubnetInfo[];
  readonly enisByIp: Map<string | number, EniInfo>;
};

/** The gateways attached to one VPC (per network: a variant may attach or detach one without touching the VPC). */
export type VpcGateways = { readonly igw?: T.InternetGateway; readonly eigw?: T.EgressOnlyInternetGateway; readonly vgw?: T.VpnGateway };

/** Is the address inside one of the VPC's IPv4 or IPv6 CIDR blocks? (No allocation: it is on the query path.) */
export function vpcContainsIp(vpc: VpcInfo, ip: IpAddress): boolean {
  const blocks = ip.family === 4 ? vpc.cidrs : vpc.cidrs6;
  for (const c of blocks) if (cidrContainsIp(c, ip)) return true;
  return false;
}

export type RouteTableInfo = {
  readonly id: string; readonly name?: string; readonly vpcId: string; readonly lookup: RouteLookup<RouteTarget>;
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type SubnetInfo = {
  readonly subnet: T.Subnet;
  readonly id: string;
  readonly vpc: VpcInfo;
  readonly az: string;
  readonly cidr?: Cidr;
  readonly cidr6?: Cidr;
  /** Position in the core's subnets (0, 1, ...): per-network tables of subnets are arrays indexed by it (the query path). */
  readonly index: number;
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type EniInfo = {
  readonly id: string;
  readonly name?: string;
  readonly kind: EniKind;
  /** Instance, NAT gateway, interface endpoint or TGW attachment that owns the ENI. */
  readonly ownerId: string;
  readonly subnet: SubnetInfo;
  readonly vpc: VpcInfo;
  readonly privateIp: IpAddress;
  readonly addresses: readonly IpAddress[];
  readonly publicIp?: IpAddress;
  /**
   * Security group ids as the topology lists them; empty means the VPC's default group (SG-04), except on a
   * NAT gateway, which has none (NAT-05). The compiled groups are per network: `eniSecurity` in network-indexes.ts.
   */
  readonly sgIds: readonly string[];
  /** Position in the core's interfaces (0, 1, ...), for per-network tables of interfaces. */
  readonly index: number;
  /** Trace component of the interface itself, built once. */
  readonly componentRef: ComponentRef;
  readonly sourceDestCheck: boolean;
  readonly running: boolean;
};

export type ServiceInfo = { readonly service: string; readonly region: string; readonly cidrs: readonly Cidr[]; readonly prefixListId?: string; readonly dnsName: string };

export type Network = {
  readonly kind: "network";
  readonly topology: T.Topology;
  readonly vpcs: Map<string, VpcInfo>;
  readonly subnets: Map<string, SubnetInfo>;
  readonly routeTables: Map<string, RouteTableInfo>;
  /** By SubnetInfo.index: the route table that routes the subnet: its association, else its VPC's main table (RT-01). */
  readonly subnetRouteTables: readonly RouteTableInfo[];
  /** By SubnetInfo.index: the subnet's network ACL: its association, else its VPC's default NACL (ACL-05). */
  readonly subnetNetworkAcls: readonly CompiledNetworkAcl[];
  readonly vpcGateways: Map<string, VpcGateways>;
  /** Security groups by id, including synthesised default groups of VPCs that need one (SG-04). */
  readonly securityGroups: Map<string, CompiledSecurityGroup>;
  /** VPC id -> the id of its default security group, for the VPCs that have an interface without groups. */
  readonly defaultSecurityGroups: Map<string, string>;
  readonly enis: Map<string, EniInfo>;
  /** Private addresses (v4 and v6) -> ENIs; a list because peered-away VPCs may overlap. */
  readonly enisByPrivateIp: Map<string | number, EniInfo[]>;
  readonly byPublicIp: Map<string | number, { kind: "eni"; eni: EniInfo } | { kind: "nat"; nat: T.NatGateway; eni: EniInfo }>;
  readonly instances: Map<string, T.Instance>;
  readonly instanceEnis: Map<string, EniInfo[]>;
  readonly natGateways: Map<string, T.NatGateway>;
  readonly peerings: Map<string, T.PeeringConnection>;
  /** `${vpcA}|${vpcB}` (sorted) -> peering, for O(1) "are these VPCs peered?" checks. */
  readonly peeringsByPair: Map<string, T.PeeringConnection>;
  readonly igws: Map<string, T.InternetGateway>;
  readonly eigws: Map<string, T.EgressOnlyInternetGateway>;
  readonly vgws: Map<string, T.VpnGateway>;
  readonly gatewayEndpoints: Map<string, T.GatewayEndpoint>;
  readonly interfaceEndpoints: Map<string, T.InterfaceEndpoint>;
  readonly prefixLists: Map<string, readonly Cidr[]>;
  readonly services: readonly ServiceInfo[];
  readonly onPrem: readonly { net: T.OnPremisesNetwork; cidrs: readonly Cidr[] }[];
  readonly tgw: TransitGatewayIndex;
  /** Names of instances, NAT gateways, interface endpoints and their interfaces (see coreNamesIndex). */
  readonly coreNames: CoreNames;
  /** Indexes of this network built on first use (network-indexes.ts). */
  readonly memo: NetworkMemo;
  /** Indexes that depend only on the core and the security groups: shared by networks with the same groups. */
  readonly securityMemo: SecurityMemo;
};

export type CoreNames = {
  /** [name, id] in topology order. */
  readonly list: readonly (readonly [string, string])[];
  index?: ReadonlyMap<string, readonly string[]>;
};

export type NetworkMemo = { names?: ReadonlyMap<string, readonly string[]>; internet?: { readonly client: IpAddress; readonly server: IpAddress } };

export type EniSecurity = {
  readonly groups: readonly CompiledSecurityGroup[];
  /** The trace component for the interface's groups together. */
  readonly ref: ComponentRef;
};

/** `byEni` is indexed by EniInfo.index. */
export type SecurityMemo = { members?: ReadonlyMap<string, ReadonlySet<string | number>>; readonly byEni: (EniSecurity | undefined)[] };

const NO_GATEWAYS: VpcGateways = Object.freeze({});

export function gatewaysOf(net: Network, vpcId: string): VpcGateways {
  return net.vpcGateways.get(vpcId) ?? NO_GATEWAYS;
}

/** The route table that routes a subnet of this network. */
export function routeTableOf(net: Network, subnet: SubnetInfo): RouteTableInfo {
  const table = net.subnetRouteTables[subnet.index];
  if (!table) throw new Error(`subnet ${subnet.id} is not part of this network`);
  return table;
}

/** The network ACL of a subnet of this network. */
export function networkAclOf(net: Network, subnet: SubnetInfo): CompiledNetworkAcl {
  const acl = net.subnetNetworkAcls[subnet.index];
  if (!acl) throw new Error(`subnet ${subnet.id} is not part of this network`);
  return acl;
}

