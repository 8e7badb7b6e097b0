// The compiled parts of a network that every layer shares: VPCs, subnets and interfaces with their addresses,
// route tables and their targets, AWS services. network-model.ts assembles them into a Network.
import { type Cidr, cidrContainsIp, type IpAddress, toCidr } from "./cidr";
import type { RouteLookup } from "./routing";
import type * as T from "./topology";
import type { ComponentRef } from "./trace";

export type RouteTargetKind =
  | "local"
  | "igw"
  | "eigw"
  | "nat"
  | "pcx"
  | "vgw"
  | "tgw"
  | "vpce"
  | "eni"
  | "instance"
  | "blackhole"
  | "unknown";
export type RouteTarget = { readonly kind: RouteTargetKind; readonly id: string };

export function peeringPairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function routeTargetOf(target: string): RouteTarget {
  if (target === "local") return { kind: "local", id: "local" };
  if (target === "blackhole") return { kind: "blackhole", id: "blackhole" };
  const prefixes: [string, RouteTargetKind][] = [
    ["igw-", "igw"],
    ["eigw-", "eigw"],
    ["nat-", "nat"],
    ["pcx-", "pcx"],
    ["vgw-", "vgw"],
    ["tgw-", "tgw"],
    ["vpce-", "vpce"],
    ["eni-", "eni"],
    ["i-", "instance"],
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
export type VpcGateways = {
  readonly igw?: T.InternetGateway;
  readonly eigw?: T.EgressOnlyInternetGateway;
  readonly vgw?: T.VpnGateway;
};

/** Is the address inside one of the VPC's IPv4 or IPv6 CIDR blocks? (No allocation: it is on the query path.) */
export function vpcContainsIp(vpc: VpcInfo, ip: IpAddress): boolean {
  const blocks = ip.family === 4 ? vpc.cidrs : vpc.cidrs6;
  for (const c of blocks) if (cidrContainsIp(c, ip)) return true;
  return false;
}

export type RouteTableInfo = {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly lookup: RouteLookup<RouteTarget>;
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type SubnetInfo = {
  readonly subnet: T.Subnet;
  readonly id: string;
  readonly vpc: VpcInfo;
  readonly az: string;
  readonly cidr?: Cidr | undefined;
  readonly cidr6?: Cidr | undefined;
  /** Position in the core's subnets (0, 1, ...): per-network tables of subnets are arrays indexed by it (the query path). */
  readonly index: number;
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type EniInfo = {
  /** The key of this interface in the network (a NAT gateway's is `eni-<NAT gateway id>`, whatever AWS printed). */
  readonly id: string;
  /** The id AWS prints where it differs from `id` (a NAT gateway's interface): flow-log records show it. */
  readonly awsId?: string;
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

export type ServiceInfo = {
  readonly service: string;
  readonly region: string;
  readonly cidrs: readonly Cidr[];
  readonly prefixListId?: string;
  readonly dnsName: string;
};

/** An AWS service's address ranges: its prefix list's CIDRs, then its own. */
export function serviceCidrs(s: T.AwsService, prefixLists: ReadonlyMap<string, readonly Cidr[]>): Cidr[] {
  const fromList = s.prefixListId !== undefined ? (prefixLists.get(s.prefixListId) ?? []) : [];
  return [...fromList, ...s.cidrBlocks.map(toCidr)];
}
