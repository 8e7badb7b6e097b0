// Query references -> concrete endpoints: resource ids and names, IP addresses, "internet",
// services, on-premises networks and DNS names (query.ts).
import { addressInCidr, type Cidr, cidrContainsIp, type IpAddress, ipKey, parseIp } from "./cidr";
import { inertPrivateDnsClause, parseServiceName, resolveDnsName, resolveService } from "./dns";
import { type EniInfo, type Network, type ServiceInfo, vpcContainsIp } from "./network-model";
import type { OnPremisesNetwork } from "./topology";
import { coreNamesIndex, idsNamed, internetAddresses } from "./network-indexes";
import { label, unknownReference } from "./explanations";
import {
  DEFAULT_INTERNET_CLIENT_IP,
  DEFAULT_INTERNET_SERVER_IP,
  INTERNET_SERVER_IPV6,
} from "./internet-addresses";
import { cidrOnlyVpcContaining } from "./peer-hosts";
import { publicServiceFor } from "./public-services";

/**
 * Documentation addresses (RFC 5737) standing in for "some host on the internet" – the first choice;
 * a network whose topology uses one of them gets another free one (`internetAddresses` in network-indexes.ts).
 */
export const INTERNET_CLIENT_IP = DEFAULT_INTERNET_CLIENT_IP;
export const INTERNET_SERVER_IP = DEFAULT_INTERNET_SERVER_IP;

export type Source =
  | { kind: "eni"; eni: EniInfo }
  | { kind: "internet"; ip: IpAddress }
  | { kind: "onprem"; site: OnPremisesNetwork; ip: IpAddress }
  /** An address in a peer VPC known only by its CIDRs (another account's): its traffic arrives over the peering. */
  | { kind: "peer-host"; vpcId: string; ip: IpAddress };

export type Destination =
  | {
      kind: "eni";
      eni: EniInfo;
      ip?: IpAddress;
      /**
       * An address asked for that interfaces in several VPCs hold (overlapping CIDRs): the destination is the one
       * the routes deliver it to, not `eni` (the first candidate); `shared` lists them all.
       */
      shared?: readonly EniInfo[];
    }
  | { kind: "internet"; ip: IpAddress }
  | { kind: "onprem"; site: OnPremisesNetwork; ip: IpAddress }
  | { kind: "service"; name: string; ip: IpAddress; service?: ServiceInfo; endpointEni?: EniInfo };

export type Resolved<T> =
  { ok: true; value: T; note?: { explanation: string; rules: string[] } } | { ok: false; message: string };

function idsFor(net: Network, ref: string): readonly string[] {
  return idsNamed(net, ref) ?? [ref];
}

function eniForId(net: Network, id: string): EniInfo | undefined {
  return net.enis.get(id) ?? net.instanceEnis.get(id)?.[0];
}

function siteFor(net: Network, id: string): OnPremisesNetwork | undefined {
  return net.onPrem.find((o) => o.net.id === id)?.net;
}

const NO_BLOCK: Cidr = { family: 4, network: 0, prefix: 32, text: "0.0.0.0/32" };

/** The stand-in address of a host on the site: remembered in the reference layer, which a question's variants share. */
function siteIp(net: Network, site: OnPremisesNetwork): IpAddress {
  const entry = net.onPrem.find((o) => o.net === site);
  if (!entry) return addressInCidr(NO_BLOCK, 10);
  return (entry.siteIp ??= addressInCidr(entry.cidrs[0] ?? NO_BLOCK, 10));
}

/**
 * The first of these ids that is an interface, instance, on-premises network or interface endpoint. When it is
 * an interface, resolveSource / resolveDestination remember it in the network's memo by reference: a network
 * does not change, and four lookups in maps of every name and interface per reference cost more than one. Callers try
 * the core names first (coreNamesIndex) and then all names: in namesIndex's order the core's ids come before
 * every on-premises network, and nothing listed before them (VPCs, subnets, tables, groups) resolves here, so
 * the first match is the same either way.
 */
function sourceById(net: Network, ids: readonly string[] | undefined): Resolved<Source> | undefined {
  for (const id of ids ?? []) {
    const eni = eniForId(net, id);
    if (eni) return { ok: true, value: { kind: "eni", eni } };
    const site = siteFor(net, id);
    if (site) return { ok: true, value: { kind: "onprem", site, ip: siteIp(net, site) } };
    // An interface endpoint named as the source stands for its first ENI (analyze then applies IFE-05).
    const endpointEni = net.interfaceEndpoints
      .get(id)
      ?.networkInterfaces.flatMap((n) => net.enis.get(n.id) ?? [])[0];
    if (endpointEni) return { ok: true, value: { kind: "eni", eni: endpointEni } };
  }
  return undefined;
}

/**
 * A name (tags need not be unique) that stands for several instances, interfaces, NAT gateways or endpoints:
 * the one-line refusal naming their ids. An instance and its own interfaces count once (by owner).
 */
function ambiguousName(net: Network, ref: string): string | undefined {
  const ids = coreNamesIndex(net).get(ref);
  if (ids === undefined || ids.length < 2) return undefined;
  const owners = new Set<string>();
  for (const id of ids) {
    const eni = eniForId(net, id);
    if (eni) owners.add(eni.ownerId);
    else if (net.interfaceEndpoints.has(id) || net.natGateways.has(id)) owners.add(id);
  }
  return owners.size > 1
    ? `"${ref}" is the name of several resources (${[...owners].join(", ")}): use an id`
    : undefined;
}

/**
 * The interface a core name resolves to when its first id is an interface or an instance with one: then
 * sourceById and destinationById return it at once, whatever else the network holds, and the ambiguity check
 * reads only the core too. So the answer is kept with the core (CoreNames.enis), which a question's variants
 * share, rather than in each network's memo. Undefined otherwise (the caller goes the long way).
 */
function coreEni(net: Network, ref: string): EniInfo | undefined {
  const names = net.coreNames;
  const known = names.enis?.get(ref);
  if (known) return known;
  const first = coreNamesIndex(net).get(ref)?.[0];
  const eni = first === undefined ? undefined : eniForId(net, first);
  if (!eni || ambiguousName(net, ref) !== undefined) return undefined;
  (names.enis ??= new Map()).set(ref, eni);
  return eni;
}

export function resolveSource(net: Network, ref: string): Resolved<Source> {
  if (ref === "internet") return { ok: true, value: { kind: "internet", ip: internetAddresses(net).client } };
  const known = coreEni(net, ref) ?? net.memo.sourceEnis?.get(ref);
  if (known) return { ok: true, value: { kind: "eni", eni: known } };
  const ambiguous = ambiguousName(net, ref);
  if (ambiguous !== undefined) return { ok: false, message: ambiguous };
  const named = sourceById(net, coreNamesIndex(net).get(ref)) ?? sourceById(net, idsFor(net, ref));
  if (named) {
    if (named.ok && named.value.kind === "eni") (net.memo.sourceEnis ??= new Map()).set(ref, named.value.eni);
    return named;
  }
  const ip = parseIp(ref);
  if (ip.ok) {
    const holders = net.enisByPrivateIp.get(ipKey(ip.value));
    // Several VPCs may hold one address (overlapping CIDRs): nothing says which of them sends, so ask.
    if (holders !== undefined && holders.length > 1)
      return {
        ok: false,
        message: `${ref} is the address of several interfaces (${holders.map((e) => holderText(net, e)).join(", ")}): name the instance or interface instead`,
      };
    const eni = holders?.[0];
    if (eni) return { ok: true, value: { kind: "eni", eni } };
    const site = net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, ip.value)))?.net;
    if (site) return { ok: true, value: { kind: "onprem", site, ip: ip.value } };
    const peer = cidrOnlyVpcContaining(net, ip.value);
    if (peer) return { ok: true, value: { kind: "peer-host", vpcId: peer.id, ip: ip.value } };
    // Inside a VPC the snapshot describes, an address no interface has is nobody: not the internet.
    const vpc = [...net.vpcs.values()].find((v) => v.subnets.length > 0 && vpcContainsIp(v, ip.value));
    if (vpc)
      return {
        ok: false,
        message: `${ref} is inside VPC ${vpc.id}, but no network interface in the topology has that address`,
      };
    return { ok: true, value: { kind: "internet", ip: ip.value } };
  }
  return { ok: false, message: instanceWithoutInterface(net, ref) ?? unknownReference("source", ref) };
}

/** "eni-0b… of hB (i-0a…) in B (vpc-0c…)": one of several interfaces holding an address. */
export function holderText(net: Network, eni: EniInfo): string {
  const instance = eni.kind === "interface" ? net.instances.get(eni.ownerId) : undefined;
  const owner = instance && instance.name !== undefined ? ` of ${label(instance)}` : "";
  return `${eni.id}${owner} in ${label(eni.vpc.vpc)}`;
}

/** An IPv6-only interface (its primary address is IPv6), or an IPv6 address: it can only send to IPv6 addresses. */
function sendsIpv6Only(source: Source): boolean {
  return source.kind === "eni" ? source.eni.privateIp.family === 6 : source.ip.family === 6;
}

/** A destination interface: the address it is reached at depends on where the source is. */
function eniDestination(eni: EniInfo, source: Source): Resolved<Destination> {
  // From outside AWS only the public address is reachable (IGW-04); inside, RA uses the private one.
  // The address family follows what the source can send: an IPv6-only source gets the IPv6 address.
  if (source.kind === "internet") {
    const v6 = eni.addresses.find((a) => a.family === 6);
    const reachableIp = source.ip.family === 6 ? (v6 ?? eni.publicIp) : (eni.publicIp ?? v6);
    return {
      ok: true,
      value: reachableIp ? { kind: "eni", eni, ip: reachableIp } : { kind: "eni", eni },
    };
  }
  const family = sendsIpv6Only(source) ? 6 : source.kind === "eni" ? undefined : 4;
  const ip =
    family === undefined ? eni.privateIp : (eni.addresses.find((a) => a.family === family) ?? eni.privateIp);
  return { ok: true, value: { kind: "eni", eni, ip } };
}

/**
 * A NAT gateway as a destination (aws-rules NAT-01): its interface, at its Elastic IP from the internet, so
 * the walk can show that it accepts no connection it did not start, instead of refusing the question.
 */
function natDestination(net: Network, id: string, source: Source): Resolved<Destination> | undefined {
  const nat = net.natGateways.get(id);
  const eni = nat === undefined ? undefined : net.enis.get(`eni-${nat.id}`);
  if (!nat || !eni) return undefined;
  const ip = source.kind === "internet" && nat.publicIp !== undefined ? parseIp(nat.publicIp) : undefined;
  return { ok: true, value: { kind: "eni", eni, ip: ip?.ok === true ? ip.value : eni.privateIp } };
}

/** An instance the topology lists without an interface: terminated (AWS deletes its interfaces), or described without one. */
function instanceWithoutInterface(net: Network, ref: string): string | undefined {
  for (const id of idsFor(net, ref)) {
    const instance = net.instances.get(id);
    if (instance && !net.instanceEnis.has(id))
      return instance.state === "terminated"
        ? `instance ${label(instance)} is terminated and has no network interface (AWS deletes it with the instance)`
        : `instance ${label(instance)} has no network interface in the topology`;
  }
  return undefined;
}

/** Like sourceById, for a destination (same order argument). */
function destinationById(
  net: Network,
  ids: readonly string[] | undefined,
  source: Source,
): Resolved<Destination> | undefined {
  const fromEni = source.kind === "eni" ? source.eni : undefined;
  for (const id of ids ?? []) {
    const eni = eniForId(net, id);
    if (eni?.kind === "nat_gateway") return natDestination(net, eni.ownerId, source);
    if (eni) return eniDestination(eni, source);
    const site = siteFor(net, id);
    if (site) return { ok: true, value: { kind: "onprem", site, ip: siteIp(net, site) } };
    const nat = natDestination(net, id, source);
    if (nat) return nat;
    const iface = net.interfaceEndpoints.get(id);
    if (iface) {
      const enis = iface.networkInterfaces.flatMap((n) => net.enis.get(n.id) ?? []);
      const e = enis.find((x) => x.subnet.az === fromEni?.subnet.az) ?? enis[0];
      // IFE-11: an IPv6-only source reaches a dual-stack endpoint at its interface's IPv6 address.
      const ip =
        (sendsIpv6Only(source) ? e?.addresses.find((a) => a.family === 6) : undefined) ?? e?.privateIp;
      if (e && ip)
        return {
          ok: true,
          value: { kind: "service", name: iface.serviceName, ip, endpointEni: e },
        };
    }
  }
  return undefined;
}

export function resolveDestination(
  net: Network,
  ref: string,
  source: Source,
  now: number,
): Resolved<Destination> {
  const fromEni = source.kind === "eni" ? source.eni : undefined;
  const fromSite = source.kind === "onprem" ? source.site : undefined;
  if (ref === "internet")
    return {
      ok: true,
      value: {
        kind: "internet",
        // An IPv6-only source reaches the IPv6 internet (IGW-01, EIGW-01); an IPv4 host only by a name (NAT-04).
        ip: sendsIpv6Only(source) ? INTERNET_SERVER_IPV6 : internetAddresses(net).server,
      },
    };
  const fromCore = coreEni(net, ref);
  // A NAT gateway's interface is answered by natDestination, below.
  const known =
    fromCore?.kind === "nat_gateway" ? undefined : (fromCore ?? net.memo.destinationEnis?.get(ref));
  if (known) return eniDestination(known, source);
  const ambiguous = ambiguousName(net, ref);
  if (ambiguous !== undefined) return { ok: false, message: ambiguous };
  const named =
    destinationById(net, coreNamesIndex(net).get(ref), source) ??
    destinationById(net, idsFor(net, ref), source);
  if (named) {
    // Which id a reference resolves to does not depend on the source (only the address does): remembered.
    if (named.ok && named.value.kind === "eni" && named.value.eni.kind !== "nat_gateway")
      (net.memo.destinationEnis ??= new Map()).set(ref, named.value.eni);
    return named;
  }
  const ip = parseIp(ref);
  if (ip.ok) {
    const candidates = net.enisByPrivateIp.get(ipKey(ip.value)) ?? [];
    const own = candidates.find((e) => e.vpc === fromEni?.vpc) ?? candidates[0];
    // Held in several VPCs and not in the source's own: the routes decide which copy the packet reaches.
    if (own && candidates.length > 1 && own.vpc !== fromEni?.vpc)
      return { ok: true, value: { kind: "eni", eni: own, ip: ip.value, shared: candidates } };
    if (own) return { ok: true, value: { kind: "eni", eni: own, ip: ip.value } };
    const pub = net.byPublicIp.get(ipKey(ip.value));
    // A NAT gateway's Elastic IP is in the topology too: the walk says it accepts no new connections (NAT-01).
    if (pub !== undefined) return { ok: true, value: { kind: "eni", eni: pub.eni, ip: ip.value } };
    const site = net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, ip.value)))?.net;
    if (site) return { ok: true, value: { kind: "onprem", site, ip: ip.value } };
    const service = net.services.find((s) => s.cidrs.some((c) => cidrContainsIp(c, ip.value)));
    if (service)
      return { ok: true, value: { kind: "service", name: service.service, service, ip: ip.value } };
    return { ok: true, value: { kind: "internet", ip: ip.value } };
  }
  const svc = parseServiceName(ref, fromEni?.vpc.region ?? net.topology.region);
  const dns =
    svc && !ref.includes(".")
      ? resolveService(net, svc.service, svc.region, fromEni, fromSite)
      : resolveDnsName(net, ref, fromEni, now, fromSite);
  if (dns) {
    const note = { explanation: dns.explanation, rules: dns.rules };
    if (dns.kind === "eni") return { ok: true, value: { kind: "eni", eni: dns.eni, ip: dns.ip }, note };
    return {
      ok: true,
      value: {
        kind: "service",
        name: dns.name,
        ip: dns.ip,
        ...(dns.service ? { service: dns.service } : {}),
        ...(dns.endpointEni ? { endpointEni: dns.endpointEni } : {}),
      },
      note,
    };
  }
  // A full AWS service name the topology does not list is that service's public endpoint; so is a short
  // name (sqs) of a service the topology has an endpoint or prefix list for in that Region, whichever VPC
  // the query starts in (a short name never known here stays an unknown reference: likely a typo).
  // The short names the docs promise (s3, dynamodb: docs/cli.md) always work, in the source's Region.
  const documented = svc !== undefined && !ref.includes(".") && DOCUMENTED_SHORT_NAMES.has(svc.service);
  const regions = net.topology.regions.length > 0 ? net.topology.regions : [net.topology.region];
  if (documented && fromEni === undefined && regions.length > 1)
    return {
      ok: false,
      message: `"${ref}" is in one Region, and this topology has several (${regions.join(", ")}): give the full name, e.g. com.amazonaws.${regions[0] ?? "us-east-1"}.${svc.service}`,
    };
  const full =
    svc && !ref.includes(".") && (documented || serviceInTopology(net, svc))
      ? `com.amazonaws.${svc.region}.${svc.service}`
      : ref;
  const pub = publicServiceFor(net, full, fromEni?.vpc.region ?? net.topology.region);
  if (pub) {
    const parsed = parseServiceName(full, fromEni?.vpc.region ?? net.topology.region);
    const inert =
      parsed === undefined
        ? undefined
        : inertPrivateDnsClause(net, `com.amazonaws.${parsed.region}.${parsed.service}`, fromEni);
    return {
      ok: true,
      value: { kind: "service", name: pub.name, ip: pub.ip },
      note:
        inert === undefined
          ? { explanation: pub.explanation, rules: [] }
          : { explanation: `${pub.explanation}; ${inert}`, rules: ["IFE-03"] },
    };
  }
  return { ok: false, message: instanceWithoutInterface(net, ref) ?? unknownReference("destination", ref) };
}

/**
 * A NAT gateway AWS lists without an address (failed, deleted) named as a destination by id or Name tag: it exists,
 * so it is not an unknown reference, but there is nothing to deliver to (the analysis blocks at it).
 */
export function unavailableNatGateway(
  net: Network,
  ref: string,
): { readonly id: string; readonly name?: string | undefined; readonly state: string } | undefined {
  return net.topology.unavailableNatGateways?.find((n) => n.id === ref || n.name === ref);
}

/** Short service names documented as --to values (docs/cli.md), known without an endpoint or prefix list. */
const DOCUMENTED_SHORT_NAMES: ReadonlySet<string> = new Set(["s3", "dynamodb"]);

/** Whether an interface or gateway endpoint, or a service prefix list, of the topology is for this service. */
function serviceInTopology(net: Network, svc: { service: string; region: string }): boolean {
  const full = `com.amazonaws.${svc.region}.${svc.service}`;
  const t = net.topology;
  return (
    t.interfaceEndpoints.some((e) => e.serviceName === full) ||
    t.gatewayEndpoints.some((e) => e.service === svc.service && e.region === svc.region) ||
    t.services.some((s) => s.service === svc.service && s.region === svc.region)
  );
}
