// The compiled, indexed network model that buildNetwork (network.ts) produces and the walk reads.
import type { Cidr, IpAddress } from "./cidr";
import type { ComponentRef } from "./trace";
import type { CompiledNetworkAcl } from "./network-acls";
import type { CompiledSecurityGroup, CompiledSgRule } from "./security-groups";
import type * as T from "./topology";
import type { TransitGatewayIndex } from "./transit-gateway-index";
import {
  type EniInfo,
  peeringPairKey,
  type RouteTableInfo,
  type ServiceInfo,
  type SubnetInfo,
  type VpcGateways,
  type VpcInfo,
} from "./network-pieces";

export * from "./network-pieces";

/** An on-premises network with its parsed blocks; `siteIp` is its stand-in host address, set on first use (resolve.ts). */
export type OnPremEntry = {
  readonly net: T.OnPremisesNetwork;
  readonly cidrs: readonly Cidr[];
  siteIp: IpAddress | undefined;
};

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
  readonly byPublicIp: Map<
    string | number,
    { kind: "eni"; eni: EniInfo } | { kind: "nat"; nat: T.NatGateway; eni: EniInfo }
  >;
  readonly instances: Map<string, T.Instance>;
  readonly instanceEnis: Map<string, EniInfo[]>;
  readonly natGateways: Map<string, T.NatGateway>;
  readonly peerings: Map<string, T.PeeringConnection>;
  /** `${vpcA}|${vpcB}` (sorted) -> peering, for O(1) "are these VPCs peered?" checks. */
  readonly peeringsByPair: Map<string, T.PeeringConnection>;
  /** Peering id -> the peering with its two VPCs and its trace component: what a packet crossing it reads. */
  readonly peeringLinks: ReadonlyMap<string, PeeringLink>;
  readonly igws: Map<string, T.InternetGateway>;
  readonly eigws: Map<string, T.EgressOnlyInternetGateway>;
  readonly vgws: Map<string, T.VpnGateway>;
  readonly gatewayEndpoints: Map<string, T.GatewayEndpoint>;
  readonly interfaceEndpoints: Map<string, T.InterfaceEndpoint>;
  readonly prefixLists: Map<string, readonly Cidr[]>;
  readonly services: readonly ServiceInfo[];
  readonly onPrem: readonly OnPremEntry[];
  /** Indexes that depend only on the routing layer (network-cache.ts): shared by variants with the same route tables. */
  readonly routingMemo: RoutingMemo;
  /** Indexes that depend only on the core and the reference layer (network-cache.ts): shared by a question's variants. */
  readonly referenceMemo: ReferenceMemo;
  readonly tgw: TransitGatewayIndex;
  /** Names of instances, NAT gateways, interface endpoints and their interfaces (see coreNamesIndex). */
  readonly coreNames: CoreNames;
  /** Indexes of this network built on first use (network-indexes.ts). */
  readonly memo: NetworkMemo;
  /**
   * Where networks of one NetworkCache share a names index with the same contents (network-indexes.ts);
   * undefined without a cache. Always present, so every Network has one shape for the walk's property reads.
   */
  readonly sharedNames: SharedNames | undefined;
  /** Indexes that depend only on the core and the security groups: shared by networks with the same groups. */
  readonly securityMemo: SecurityMemo;
};

/**
 * A peering as the walk crosses it: one map probe gives the peering and the VPC on either side (undefined for a VPC
 * that is not in the network), so a crossing does not look the peer VPC up by id.
 */
export type PeeringLink = {
  readonly pcx: T.PeeringConnection;
  readonly requester: VpcInfo | undefined;
  readonly accepter: VpcInfo | undefined;
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type CoreNames = {
  /** [name, id] in topology order. */
  readonly list: readonly (readonly [string, string])[];
  index?: ReadonlyMap<string, readonly string[]>;
  /**
   * Query references that are an unambiguous core name whose first id is an interface or instance, with that
   * interface (resolve.ts, coreEni). It depends on the core alone, so a question's variants, which share their
   * base's core, resolve "web-1" once instead of once per variant network.
   */
  enis?: Map<string, EniInfo>;
};

/**
 * The names index last built by a network of one NetworkCache, with the (name, id) pairs it was built from
 * flattened: a question's variants change rules and routes, rarely a name, so most of them find the same pairs.
 */
export type SharedNames = {
  last?: { readonly pairs: readonly string[]; readonly index: ReadonlyMap<string, readonly string[]> };
};

export type NetworkMemo = {
  names?: ReadonlyMap<string, readonly string[]>;
  internet?: { readonly client: IpAddress; readonly server: IpAddress };
  /** On-premises sites assumed behind a gateway by analyses of this network, by id (on-premises.ts). */
  assumedSites?: Map<string, T.OnPremisesNetwork>;
  /** Query references (names or ids) already resolved to an interface, as a source and as a destination (resolve.ts). */
  sourceEnis?: Map<string, EniInfo>;
  destinationEnis?: Map<string, EniInfo>;
};

export type RoutingMemo = {
  /** Gateway id -> the id of the route table with its edge association, first in topology order (ingress-routing.ts). */
  edgeTables?: ReadonlyMap<string, string>;
};

export type ReferenceMemo = {
  /**
   * The internet stand-in addresses (internetAddresses in network-indexes.ts) and the customer gateways they
   * were picked around: everything else they read (interfaces, NAT gateways, VPC, on-premises and service
   * ranges) is the core's or the reference layer's.
   */
  internet?: {
    readonly customerGateways: readonly T.CustomerGateway[];
    readonly addresses: { readonly client: IpAddress; readonly server: IpAddress };
  };
};

export type EniSecurity = {
  readonly groups: readonly CompiledSecurityGroup[];
  /** Every rule of the groups per side, in group order: what a check walks (one list, not a list per group). */
  readonly inbound: readonly CompiledSgRule[];
  readonly outbound: readonly CompiledSgRule[];
  /** The trace component for the interface's groups together. */
  readonly ref: ComponentRef;
  /** Per side, every rule of the groups as a refusal lists them: built on the first refusal (filters.ts). */
  rulesChecked?:
    { inbound?: readonly string[] | undefined; outbound?: readonly string[] | undefined } | undefined;
};

/** `byEni` is indexed by EniInfo.index. */
export type SecurityMemo = {
  members?: ReadonlyMap<string, ReadonlySet<string | number>>;
  readonly byEni: (EniSecurity | undefined)[];
  /** The same EniSecurity for every interface with the same groups, by their ids in order (eniSecurity). */
  byGroups?: Map<string, EniSecurity>;
};

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

/** The peering between two VPCs, if any (PCX-04: at most one per pair counts). */
export function findPeering(net: Network, vpcA: string, vpcB: string): T.PeeringConnection | undefined {
  return net.peeringsByPair.get(peeringPairKey(vpcA, vpcB));
}
