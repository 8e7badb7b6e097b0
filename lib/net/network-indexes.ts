// Indexes of a Network that many analyses never need, built on first use and then kept with the network:
// names (only references by name read them), security group members (only SG-referencing rules), the
// stand-in internet addresses (only flows to or from the internet) and each interface's compiled groups
// (only interfaces that a flow actually crosses). Building them eagerly was a large share of every
// buildNetwork call, and the scenario generator builds several networks per question.
import { type Cidr, type IpAddress, ipKey, toCidr, toIp } from "./cidr";
import { pickInternetAddresses } from "./internet-addresses";
import type { EniInfo, Network } from "./network-model";
import type { CompiledSecurityGroup } from "./security-groups";
import { type ComponentRef, componentRef } from "./trace";

type Lazy = {
  names?: Map<string, string[]>;
  internet?: { client: IpAddress; server: IpAddress };
};

const memo = new WeakMap<Network, Lazy>();

function lazy(net: Network): Lazy {
  let entry = memo.get(net);
  if (!entry) memo.set(net, (entry = {}));
  return entry;
}

// Group membership and each interface's groups depend only on the core and the security-group layer, so they
// are kept with that layer's map (shared by every variant that did not change a group), not per network.
type SecurityLazy = { members?: Map<string, Set<string | number>>; byEni: Map<EniInfo, EniSecurity> };
const securityMemo = new WeakMap<Network["securityGroups"], SecurityLazy>();

function securityLazy(net: Network): SecurityLazy {
  let entry = securityMemo.get(net.securityGroups);
  if (!entry) securityMemo.set(net.securityGroups, (entry = { byEni: new Map() }));
  return entry;
}

/** Name -> ids of every named resource (names need not be unique). */
export function namesIndex(net: Network): ReadonlyMap<string, readonly string[]> {
  const entry = lazy(net);
  if (entry.names) return entry.names;
  const names = new Map<string, string[]>();
  const t = net.topology;
  const add = (name: string | undefined, id: string): void => {
    if (name === undefined) return;
    const list = names.get(name);
    if (list) list.push(id);
    else names.set(name, [id]);
  };
  // The order decides which id comes first for a shared name: the order the index was always built in.
  for (const x of t.prefixLists) add(x.name, x.id);
  for (const x of t.vpcs) add(x.name, x.id);
  for (const x of t.internetGateways) add(x.name, x.id);
  for (const x of t.egressOnlyInternetGateways) add(x.name, x.id);
  for (const x of t.vpnGateways) add(x.name, x.id);
  for (const x of t.routeTables) add(x.name, x.id);
  for (const x of t.networkAcls) add(x.name, x.id);
  for (const x of t.subnets) if (net.subnets.has(x.id)) add(x.name, x.id);
  for (const x of t.securityGroups) add(x.name, x.id);
  for (const [name, id] of net.coreNames) add(name, id);
  for (const x of t.peeringConnections) add(x.name, x.id);
  for (const x of t.gatewayEndpoints) add(x.name, x.id);
  for (const x of t.onPremisesNetworks) add(x.name, x.id);
  for (const list of [t.transitGateways, t.transitGatewayAttachments, t.transitGatewayRouteTables, t.customerGateways, t.vpnConnections, t.directConnectGateways] as const) {
    for (const x of list) add(x.name, x.id);
  }
  return (entry.names = names);
}

const coreIndexes = new WeakMap<Network["coreNames"], ReadonlyMap<string, readonly string[]>>();

/**
 * Name -> ids among instances, NAT gateways, interface endpoints and their interfaces only: the resources a
 * query names most. It is shared by every network built on the same core (network-core.ts), so a question's
 * variants resolve "web-1" without each building the full `namesIndex`.
 */
export function coreNamesIndex(net: Network): ReadonlyMap<string, readonly string[]> {
  let index = coreIndexes.get(net.coreNames);
  if (!index) {
    const names = new Map<string, string[]>();
    for (const [name, id] of net.coreNames) {
      const list = names.get(name);
      if (list) list.push(id);
      else names.set(name, [id]);
    }
    coreIndexes.set(net.coreNames, (index = names));
  }
  return index;
}

/** The security group ids that apply to an interface: its own, or its VPC's default group (SG-04). */
function effectiveGroupIds(net: Network, eni: EniInfo): readonly string[] {
  if (eni.sgIds.length > 0 || eni.kind === "nat_gateway") return eni.sgIds;
  const id = net.defaultSecurityGroups.get(eni.vpc.id);
  return id !== undefined ? [id] : [];
}

/** Security group id -> ipKey of every address of every interface in the group (for SG-referencing rules, SG-05). */
export function securityGroupMembers(net: Network): ReadonlyMap<string, ReadonlySet<string | number>> {
  const entry = securityLazy(net);
  if (entry.members) return entry.members;
  const members = new Map<string, Set<string | number>>();
  for (const eni of net.enis.values()) {
    for (const sgId of effectiveGroupIds(net, eni)) {
      let set = members.get(sgId);
      if (!set) members.set(sgId, (set = new Set()));
      for (const ip of eni.addresses) set.add(ipKey(ip));
    }
  }
  return (entry.members = members);
}

export type EniSecurity = {
  readonly groups: readonly CompiledSecurityGroup[];
  /** The trace component for the interface's groups together. */
  readonly ref: ComponentRef;
};

/** An interface's compiled security groups in this network (a variant may change a group's rules). */
export function eniSecurity(net: Network, eni: EniInfo): EniSecurity {
  const cache = securityLazy(net).byEni;
  let security = cache.get(eni);
  if (security) return security;
  const groups: CompiledSecurityGroup[] = [];
  for (const id of effectiveGroupIds(net, eni)) {
    const group = net.securityGroups.get(id);
    if (group) groups.push(group);
  }
  const ids = groups.map((g) => g.id).join(",");
  const names = groups.map((g) => g.name ?? g.id).join(", ");
  security = { groups, ref: componentRef(ids || "(none)", "security-group", names || undefined) };
  cache.set(eni, security);
  return security;
}

/** Stand-ins for "a host on the internet" that this topology does not use (internet-addresses.ts). */
export function internetAddresses(net: Network): { readonly client: IpAddress; readonly server: IpAddress } {
  const entry = lazy(net);
  if (entry.internet) return entry.internet;
  const t = net.topology;
  const used = new Set<string | number>();
  for (const key of net.enisByPrivateIp.keys()) used.add(key);
  for (const key of net.byPublicIp.keys()) used.add(key);
  for (const nat of t.natGateways) if (nat.publicIp !== undefined) used.add(ipKey(toIp(nat.publicIp)));
  for (const cgw of t.customerGateways) used.add(ipKey(toIp(cgw.ipAddress)));
  const ranges: Cidr[] = [];
  for (const v of net.vpcs.values()) ranges.push(...v.cidrs, ...v.cidrs6);
  for (const n of t.onPremisesNetworks) for (const c of n.cidrBlocks) ranges.push(toCidr(c));
  for (const s of net.services) ranges.push(...s.cidrs);
  return (entry.internet = pickInternetAddresses({ used, ranges }));
}
