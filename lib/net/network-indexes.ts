// Indexes of a Network that many analyses never need, built on first use and then kept with what they depend
// on (the network, its security-group layer or its core; see the memo fields of Network):
// names (only references by name read them), security group members (only SG-referencing rules), the
// stand-in internet addresses (only flows to or from the internet) and each interface's compiled groups
// (only interfaces that a flow actually crosses). Building them eagerly was a large share of every
// buildNetwork call, and the scenario generator builds several networks per question.
import { type Cidr, type IpAddress, ipKey, toCidr, toIp } from "./cidr";
import { pickInternetAddresses } from "./internet-addresses";
import type { EniInfo, EniSecurity, Network } from "./network-model";
import type { CompiledSecurityGroup } from "./security-groups";
import { componentRef } from "./trace";

/** name -> ids from flattened [name, id, name, id, …] pairs, in the order given (names need not be unique). */
function indexNames(pairs: readonly string[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (let i = 0; i < pairs.length; i += 2) {
    const name = pairs[i] as string;
    const id = pairs[i + 1] as string;
    const list = names.get(name);
    if (list) list.push(id);
    else names.set(name, [id]);
  }
  return names;
}

function samePairs(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Above this many listed objects a name is looked up in the full index (namesIndex) rather than by a scan. */
const NAME_SCAN_LIMIT = 400;

/** Push the ids of `list`'s objects named `name`, in list order. */
function pushNamed(
  out: string[] | undefined,
  list: readonly { readonly name?: string | undefined; readonly id: string }[],
  name: string,
): string[] | undefined {
  for (let i = 0; i < list.length; i += 1) {
    const x = list[i] as { readonly name?: string | undefined; readonly id: string };
    if (x.name === name) (out ??= []).push(x.id);
  }
  return out;
}

/**
 * The ids named `name`, in namesIndex's order, or undefined: namesIndex(net).get(name) without building the index.
 * A question's variants each resolve a reference or two on a network of their own, and building the index of
 * every name for that was most of the cost of resolving an on-premises network or a gateway by id. A network
 * with many objects (or one whose index is already built) uses the index.
 */
export function idsNamed(net: Network, name: string): readonly string[] | undefined {
  if (net.memo.names) return net.memo.names.get(name);
  const t = net.topology;
  const size =
    t.prefixLists.length +
    t.vpcs.length +
    t.internetGateways.length +
    t.egressOnlyInternetGateways.length +
    t.vpnGateways.length +
    t.routeTables.length +
    t.networkAcls.length +
    t.subnets.length +
    t.securityGroups.length +
    net.coreNames.list.length +
    t.peeringConnections.length +
    t.gatewayEndpoints.length +
    t.onPremisesNetworks.length +
    t.transitGateways.length +
    t.transitGatewayAttachments.length +
    t.transitGatewayRouteTables.length +
    t.customerGateways.length +
    t.vpnConnections.length +
    t.directConnectGateways.length;
  if (size > NAME_SCAN_LIMIT) return namesIndex(net).get(name);
  // The same lists in the same order as namesIndex.
  let out: string[] | undefined;
  out = pushNamed(out, t.prefixLists, name);
  out = pushNamed(out, t.vpcs, name);
  out = pushNamed(out, t.internetGateways, name);
  out = pushNamed(out, t.egressOnlyInternetGateways, name);
  out = pushNamed(out, t.vpnGateways, name);
  out = pushNamed(out, t.routeTables, name);
  out = pushNamed(out, t.networkAcls, name);
  for (const x of t.subnets) if (x.name === name && net.subnets.has(x.id)) (out ??= []).push(x.id);
  out = pushNamed(out, t.securityGroups, name);
  for (const [n, id] of net.coreNames.list) if (n === name) (out ??= []).push(id);
  out = pushNamed(out, t.peeringConnections, name);
  out = pushNamed(out, t.gatewayEndpoints, name);
  out = pushNamed(out, t.onPremisesNetworks, name);
  out = pushNamed(out, t.transitGateways, name);
  out = pushNamed(out, t.transitGatewayAttachments, name);
  out = pushNamed(out, t.transitGatewayRouteTables, name);
  out = pushNamed(out, t.customerGateways, name);
  out = pushNamed(out, t.vpnConnections, name);
  out = pushNamed(out, t.directConnectGateways, name);
  return out;
}

/** Name -> ids of every named resource. */
export function namesIndex(net: Network): ReadonlyMap<string, readonly string[]> {
  if (net.memo.names) return net.memo.names;
  const t = net.topology;
  const pairs: string[] = [];
  const named = (list: readonly { readonly name?: string | undefined; readonly id: string }[]): void => {
    for (const x of list) if (x.name !== undefined) pairs.push(x.name, x.id);
  };
  // The order decides which id comes first for a shared name: the order the index was always built in.
  named(t.prefixLists);
  named(t.vpcs);
  named(t.internetGateways);
  named(t.egressOnlyInternetGateways);
  named(t.vpnGateways);
  named(t.routeTables);
  named(t.networkAcls);
  named(t.subnets.filter((x) => net.subnets.has(x.id)));
  named(t.securityGroups);
  for (const [name, id] of net.coreNames.list) pairs.push(name, id);
  for (const list of [
    t.peeringConnections,
    t.gatewayEndpoints,
    t.onPremisesNetworks,
    t.transitGateways,
    t.transitGatewayAttachments,
    t.transitGatewayRouteTables,
    t.customerGateways,
    t.vpnConnections,
    t.directConnectGateways,
  ] as const) {
    named(list);
  }
  // The same pairs give the same index: reuse the one another network of this cache built (read-only).
  const shared = net.sharedNames;
  const last = shared?.last;
  if (last && samePairs(last.pairs, pairs)) return (net.memo.names = last.index);
  const index = indexNames(pairs);
  if (shared) shared.last = { pairs, index };
  return (net.memo.names = index);
}

/**
 * Name -> ids among instances, NAT gateways, interface endpoints and their interfaces only: the resources a
 * query names most. It is kept with the core (network-core.ts), so a question's variants resolve "web-1"
 * without each building the full `namesIndex`.
 */
export function coreNamesIndex(net: Network): ReadonlyMap<string, readonly string[]> {
  if (net.coreNames.index) return net.coreNames.index;
  const pairs: string[] = [];
  for (const [name, id] of net.coreNames.list) pairs.push(name, id);
  return (net.coreNames.index = indexNames(pairs));
}

/** The security group ids that apply to an interface: its own, or its VPC's default group (SG-04). */
function effectiveGroupIds(net: Network, eni: EniInfo): readonly string[] {
  if (eni.sgIds.length > 0 || eni.kind === "nat_gateway") return eni.sgIds;
  const id = net.defaultSecurityGroups.get(eni.vpc.id);
  return id !== undefined ? [id] : [];
}

/** Security group id -> ipKey of every address of every interface in the group (for SG-referencing rules, SG-05). */
export function securityGroupMembers(net: Network): ReadonlyMap<string, ReadonlySet<string | number>> {
  const entry = net.securityMemo;
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

/**
 * An interface's compiled security groups in this network (a variant may change a group's rules). Interfaces with
 * the same groups in the same order share one EniSecurity (it holds nothing of the interface itself): a query's
 * first check on an interface then finds its groups' flat rule lists already built by a neighbour, and the shared
 * lists stay in the CPU caches for all of them. Written with plain loops: this runs on the query path.
 */
export function eniSecurity(net: Network, eni: EniInfo): EniSecurity {
  const memo = net.securityMemo;
  const known = memo.byEni[eni.index];
  if (known) return known;
  const groups: CompiledSecurityGroup[] = [];
  for (const id of effectiveGroupIds(net, eni)) {
    const group = net.securityGroups.get(id);
    if (group) groups.push(group);
  }
  // "\n" cannot be confused with the "," of the component id; a hit is still checked group by group.
  let key = "";
  for (let i = 0; i < groups.length; i++)
    key =
      i === 0
        ? (groups[i] as CompiledSecurityGroup).id
        : `${key}\n${(groups[i] as CompiledSecurityGroup).id}`;
  const byGroups = (memo.byGroups ??= new Map());
  let security = byGroups.get(key);
  if (!security || !sameGroups(security.groups, groups)) {
    security = compileEniSecurity(groups);
    byGroups.set(key, security);
  }
  memo.byEni[eni.index] = security;
  return security;
}

function sameGroups(a: readonly CompiledSecurityGroup[], b: readonly CompiledSecurityGroup[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compileEniSecurity(groups: readonly CompiledSecurityGroup[]): EniSecurity {
  const inbound: CompiledSecurityGroup["inbound"][number][] = [];
  const outbound: CompiledSecurityGroup["outbound"][number][] = [];
  let ids = "";
  let names = "";
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as CompiledSecurityGroup;
    for (const r of g.inbound) inbound.push(r);
    for (const r of g.outbound) outbound.push(r);
    ids = i === 0 ? g.id : `${ids},${g.id}`;
    names = i === 0 ? (g.name ?? g.id) : `${names}, ${g.name ?? g.id}`;
  }
  return {
    groups,
    inbound,
    outbound,
    ref: componentRef(ids || "(none)", "security-group", names || undefined),
    rulesChecked: undefined, // set on a first refusal (filters.ts); declared here so it stays in the object
  };
}

/** Stand-ins for "a host on the internet" that this topology does not use (internet-addresses.ts). */
export function internetAddresses(net: Network): { readonly client: IpAddress; readonly server: IpAddress } {
  const entry = net.memo;
  if (entry.internet) return entry.internet;
  const t = net.topology;
  // The reference layer belongs to one core and one set of on-premises networks and services: a variant that
  // shares it (and lists the same customer gateways) gets the same addresses without picking them again.
  const shared = net.referenceMemo.internet;
  if (shared && sameItems(shared.customerGateways, t.customerGateways))
    return (entry.internet = shared.addresses);
  const used = new Set<string | number>();
  for (const key of net.enisByPrivateIp.keys()) used.add(key);
  for (const key of net.byPublicIp.keys()) used.add(key);
  for (const nat of t.natGateways) if (nat.publicIp !== undefined) used.add(ipKey(toIp(nat.publicIp)));
  for (const cgw of t.customerGateways) used.add(ipKey(toIp(cgw.ipAddress)));
  const ranges: Cidr[] = [];
  for (const v of net.vpcs.values()) ranges.push(...v.cidrs, ...v.cidrs6);
  for (const n of t.onPremisesNetworks) for (const c of n.cidrBlocks) ranges.push(toCidr(c));
  for (const s of net.services) ranges.push(...s.cidrs);
  const addresses = pickInternetAddresses({ used, ranges });
  net.referenceMemo.internet = { customerGateways: t.customerGateways, addresses };
  return (entry.internet = addresses);
}

function sameItems<X>(a: readonly X[], b: readonly X[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
