// Which address a name resolves to decides the path: instance public hostnames resolve
// to the private IP inside the VPC (and from a peer with the PCX-13 option), otherwise to the public
// IP; a service name resolves to an interface endpoint's ENI when private DNS is on (IFE-03).
import { addressInCidr, type IpAddress, ipKey, parseIp } from "./cidr";
import { type EniInfo, findPeering, type Network, type ServiceInfo, type VpcInfo } from "./network-model";
import { isPeeringActive } from "./peering-status";
import type { InterfaceEndpoint, OnPremisesNetwork } from "./topology";

export type DnsAnswer =
  | { kind: "eni"; eni: EniInfo; ip: IpAddress; explanation: string; rules: string[] }
  | {
      kind: "service";
      name: string;
      service?: ServiceInfo;
      ip: IpAddress;
      endpointEni?: EniInfo;
      explanation: string;
      rules: string[];
    };

/** ec2-203-0-113-5.compute-1.amazonaws.com (us-east-1) or ec2-….<region>.compute.amazonaws.com. */
export function publicDnsName(publicIp: IpAddress, region: string): string {
  const dashed = publicIp.text.replaceAll(".", "-");
  return region === "us-east-1"
    ? `ec2-${dashed}.compute-1.amazonaws.com`
    : `ec2-${dashed}.${region}.compute.amazonaws.com`;
}

export function privateDnsName(privateIp: IpAddress, region: string): string {
  const dashed = privateIp.text.replaceAll(".", "-");
  return region === "us-east-1" ? `ip-${dashed}.ec2.internal` : `ip-${dashed}.${region}.compute.internal`;
}

const hasDns = (v: VpcInfo): boolean => v.vpc.enableDnsSupport && v.vpc.enableDnsHostnames;

/** IFE-03/IFE-08: the endpoint's private DNS answers queries from inside its VPC (not only the inbound Resolver's). */
const inVpcPrivateDns = (e: InterfaceEndpoint): boolean =>
  e.privateDnsEnabled && e.privateDnsOnlyForInboundResolverEndpoint !== true;

/**
 * IFE-08: an interface endpoint with private DNS only for the Route 53 Resolver inbound endpoint answers the service
 * name for on-premises clients (through that inbound endpoint): one in a VPC the on-premises network is linked to
 * (its virtual private gateway's VPC, or a VPC attached to the same transit gateway as its VPN or Direct Connect).
 */
function inboundResolverEndpointFor(
  net: Network,
  fullServiceName: string,
  site: OnPremisesNetwork,
): InterfaceEndpoint | undefined {
  const t = net.topology;
  const vpcs = new Set<string>();
  const tgws = new Set<string>();
  for (const v of t.vpnConnections) {
    if (!site.customerGatewayIds.includes(v.customerGatewayId)) continue;
    const vpc = v.vpnGatewayId !== undefined ? net.vgws.get(v.vpnGatewayId)?.vpcId : undefined;
    if (vpc !== undefined) vpcs.add(vpc);
    if (v.transitGatewayId !== undefined) tgws.add(v.transitGatewayId);
  }
  for (const dx of t.directConnectGateways) {
    if (!site.directConnectGatewayIds.includes(dx.id)) continue;
    for (const a of dx.associations) {
      if (a.gatewayId.startsWith("tgw-")) tgws.add(a.gatewayId);
      const vpc = net.vgws.get(a.gatewayId)?.vpcId;
      if (vpc !== undefined) vpcs.add(vpc);
    }
  }
  for (const a of t.transitGatewayAttachments)
    if (a.type === "vpc" && a.vpcId !== undefined && tgws.has(a.transitGatewayId)) vpcs.add(a.vpcId);
  return [...net.interfaceEndpoints.values()].find(
    (e) =>
      vpcs.has(e.vpcId) &&
      e.serviceName === fullServiceName &&
      e.privateDnsEnabled &&
      e.privateDnsOnlyForInboundResolverEndpoint === true &&
      e.networkInterfaces.length > 0,
  );
}

/**
 * Which DNS attributes are off in which of the peered VPCs, naming each VPC's side of the peering and whether the
 * value was assumed by the import (no describe-vpc-attribute output), e.g. "enableDnsHostnames is off in vpc-1 (the
 * requester; assumed, no describe-vpc-attribute output)".
 */
function dnsAttributesOff(net: Network, pcx: { requesterVpcId: string }, vpcs: readonly VpcInfo[]): string {
  const parts: string[] = [];
  for (const v of vpcs) {
    const off = [
      ...(v.vpc.enableDnsSupport ? [] : ["enableDnsSupport"]),
      ...(v.vpc.enableDnsHostnames ? [] : ["enableDnsHostnames"]),
    ];
    if (off.length === 0) continue;
    const side = v.vpc.id === pcx.requesterVpcId ? "the requester" : "the accepter";
    const assumed = (net.topology.assumptions ?? []).some(
      (a) => a.includes(v.vpc.id) && a.includes("no describe-vpc-attribute output"),
    );
    parts.push(
      `${off.join(" and ")} ${off.length > 1 ? "are" : "is"} off in ${v.vpc.id} (${side}${assumed ? "; assumed, no describe-vpc-attribute output" : ""})`,
    );
  }
  return parts.join(", and ");
}

/**
 * Why an interface endpoint of the source's VPC with private DNS enabled does not answer for the service: one of
 * the VPC's DNS attributes is off (IFE-03), so the name resolves to the public service. Undefined when there is
 * no such endpoint, so the caller says nothing it cannot show.
 */
export function inertPrivateDnsClause(
  net: Network,
  fullServiceName: string,
  from: EniInfo | undefined,
): string | undefined {
  if (from === undefined) return undefined;
  const inboundOnly = [...net.interfaceEndpoints.values()].find(
    (e) =>
      e.vpcId === from.vpc.id &&
      e.serviceName === fullServiceName &&
      e.privateDnsEnabled &&
      e.privateDnsOnlyForInboundResolverEndpoint === true,
  );
  if (inboundOnly !== undefined)
    return `interface endpoint ${inboundOnly.id} has private DNS only for the Route 53 Resolver inbound endpoint (PrivateDnsOnlyForInboundResolverEndpoint), so inside the VPC the name keeps its public address, which a gateway endpoint routes (IFE-08)`;
  if (hasDns(from.vpc)) return undefined;
  const ep = [...net.interfaceEndpoints.values()].find(
    (e) => e.vpcId === from.vpc.id && e.serviceName === fullServiceName && inVpcPrivateDns(e),
  );
  if (ep === undefined) return undefined;
  const off = !from.vpc.vpc.enableDnsSupport ? "enableDnsSupport" : "enableDnsHostnames";
  return `interface endpoint ${ep.id} has private DNS enabled, but ${off} is off in ${from.vpc.id}, so its private DNS does not answer (IFE-03)`;
}

/**
 * IFE-11: the address of an endpoint interface that a name of the endpoint gives this source. The name has A
 * records, AAAA records or both (DnsRecordIpType; service-defined gives the private name A records only and the
 * endpoint-specific names both); an IPv6-only source uses the AAAA record, any other the A record while there is one.
 */
export function endpointAddress(
  ep: InterfaceEndpoint,
  eni: EniInfo,
  from: EniInfo | undefined,
  privateName: boolean,
): { ip: IpAddress; aaaa: boolean } {
  const type = ep.dnsRecordIpType ?? "ipv4";
  const v6 = eni.addresses.find((a) => a.family === 6);
  const hasA = type !== "ipv6";
  const hasAaaa =
    v6 !== undefined &&
    (type === "dualstack" || type === "ipv6" || (type === "service-defined" && !privateName));
  return hasAaaa && (!hasA || from?.privateIp.family === 6)
    ? { ip: v6, aaaa: true }
    : { ip: eni.privateIp, aaaa: false };
}

/** "(10.0.1.5)", or "(2600:…::5, its AAAA record: DnsRecordIpType dualstack)" for an IPv6 answer (IFE-11). */
function answered(ep: InterfaceEndpoint, a: { ip: IpAddress; aaaa: boolean }): string {
  return a.aaaa
    ? `(${a.ip.text}, its AAAA record: DnsRecordIpType ${ep.dnsRecordIpType ?? "ipv4"})`
    : `(${a.ip.text})`;
}

/** Parses "s3", "com.amazonaws.us-east-1.s3" or "s3.us-east-1.amazonaws.com" into service + region. */
export function parseServiceName(
  name: string,
  defaultRegion: string,
): { service: string; region: string } | undefined {
  const lower = name.toLowerCase();
  let m = /^com\.amazonaws\.([a-z0-9-]+)\.([a-z0-9.-]+)$/.exec(lower);
  if (m?.[1] !== undefined && m[2] !== undefined) return { region: m[1], service: m[2] };
  m = /^([a-z0-9-]+)\.([a-z]{2}-[a-z]+-\d)\.amazonaws\.com$/.exec(lower);
  if (m?.[1] !== undefined && m[2] !== undefined) return { service: m[1], region: m[2] };
  if (/^[a-z][a-z0-9-]*$/.test(lower) && !lower.includes("-"))
    return { service: lower, region: defaultRegion };
  return undefined;
}

export function resolveService(
  net: Network,
  service: string,
  region: string,
  from: EniInfo | undefined,
  site?: OnPremisesNetwork,
): DnsAnswer | undefined {
  const fullName = `com.amazonaws.${region}.${service}`;
  if (!from && site) {
    const ep = inboundResolverEndpointFor(net, fullName, site);
    const eni = ep?.networkInterfaces.flatMap((n) => net.enis.get(n.id) ?? [])[0];
    if (ep && eni) {
      const a = endpointAddress(ep, eni, undefined, true);
      return {
        kind: "service",
        name: service,
        endpointEni: eni,
        ip: a.ip,
        explanation: `${service}.${region}.amazonaws.com resolves on premises to interface endpoint ${ep.id} ${answered(ep, a)}, whose private DNS answers through the Route 53 Resolver inbound endpoint (PrivateDnsOnlyForInboundResolverEndpoint); assumed: the on-premises DNS forwards the name to that inbound endpoint, which AWS output does not show`,
        rules: a.aaaa ? ["IFE-08", "IFE-11"] : ["IFE-08"],
      };
    }
  }
  if (from) {
    const ep = [...net.interfaceEndpoints.values()].find(
      (e) => e.vpcId === from.vpc.id && e.serviceName === fullName && inVpcPrivateDns(e),
    );
    if (ep && hasDns(from.vpc)) {
      const enis = ep.networkInterfaces.flatMap((n) => net.enis.get(n.id) ?? []);
      const eni = enis.find((e) => e.subnet.az === from.subnet.az) ?? enis[0];
      if (eni) {
        const a = endpointAddress(ep, eni, from, true);
        return {
          kind: "service",
          name: service,
          endpointEni: eni,
          ip: a.ip,
          explanation: `${service}.${region}.amazonaws.com resolves to interface endpoint ${ep.id} ${answered(ep, a)} because private DNS is enabled`,
          rules: a.aaaa ? ["IFE-03", "IFE-11"] : ["IFE-03"],
        };
      }
    }
  }
  const info = net.services.find((s) => s.service === service && s.region === region);
  const cidr = info?.cidrs.find((c) => c.family === 4) ?? info?.cidrs[0];
  if (!info || !cidr) return undefined;
  const ip = addressInCidr(cidr, 10);
  const inert = inertPrivateDnsClause(net, fullName, from);
  return {
    kind: "service",
    name: service,
    service: info,
    ip,
    explanation: `${info.dnsName} resolves to the public address ${ip.text}${inert === undefined ? "" : `: ${inert}`}`,
    rules: inert === undefined ? [] : ["IFE-03"],
  };
}

export function resolveDnsName(
  net: Network,
  name: string,
  from: EniInfo | undefined,
  now = 0,
  site?: OnPremisesNetwork,
): DnsAnswer | undefined {
  const lower = name.toLowerCase();
  const pub = /^ec2-(\d+-\d+-\d+-\d+)\.(?:compute-1|[a-z0-9-]+\.compute)\.amazonaws\.com$/.exec(lower);
  if (pub?.[1] !== undefined) {
    const ip = parseIp(pub[1].replaceAll("-", "."));
    if (!ip.ok) return undefined;
    const owner = net.byPublicIp.get(ipKey(ip.value));
    if (!owner || owner.kind !== "eni") return undefined;
    const eni = owner.eni;
    if (from && from.vpc === eni.vpc && hasDns(eni.vpc)) {
      return {
        kind: "eni",
        eni,
        ip: eni.privateIp,
        explanation: `${name} resolves to the private address ${eni.privateIp.text} inside its own VPC`,
        rules: [],
      };
    }
    if (from && from.vpc !== eni.vpc) {
      const pcx = findPeering(net, from.vpc.id, eni.vpc.id);
      const optionOn =
        pcx &&
        (pcx.requesterVpcId === eni.vpc.id
          ? pcx.requesterAllowDnsResolutionFromRemoteVpc
          : pcx.accepterAllowDnsResolutionFromRemoteVpc);
      if (pcx && optionOn && isPeeringActive(pcx, now) && hasDns(eni.vpc) && hasDns(from.vpc)) {
        return {
          kind: "eni",
          eni,
          ip: eni.privateIp,
          explanation: `${name} resolves to the private address ${eni.privateIp.text} because peering ${pcx.id} allows DNS resolution from the remote VPC`,
          rules: ["PCX-13"],
        };
      }
      const why = !pcx
        ? ""
        : !optionOn
          ? ` (peering ${pcx.id} does not allow DNS resolution from the remote VPC)`
          : !isPeeringActive(pcx, now)
            ? ` (peering ${pcx.id} allows DNS resolution from the remote VPC, but it is not active)`
            : ` (peering ${pcx.id} allows DNS resolution from the remote VPC, but ${dnsAttributesOff(net, pcx, [from.vpc, eni.vpc])}; both VPCs need DNS hostnames and DNS resolution on)`;
      return {
        kind: "eni",
        eni,
        ip: ip.value,
        explanation: `${name} resolves to the public address ${ip.value.text}${why}`,
        rules: pcx ? ["PCX-13"] : [],
      };
    }
    return {
      kind: "eni",
      eni,
      ip: ip.value,
      explanation: `${name} resolves to the public address ${ip.value.text}`,
      rules: [],
    };
  }
  const priv = /^ip-(\d+-\d+-\d+-\d+)\.(?:ec2|[a-z0-9-]+\.compute)\.internal$/.exec(lower);
  if (priv?.[1] !== undefined) {
    const ip = parseIp(priv[1].replaceAll("-", "."));
    if (!ip.ok) return undefined;
    const candidates = net.enisByPrivateIp.get(ipKey(ip.value)) ?? [];
    const eni = candidates.find((e) => e.vpc === from?.vpc) ?? candidates[0];
    return eni
      ? {
          kind: "eni",
          eni,
          ip: eni.privateIp,
          explanation: `${name} resolves to ${eni.privateIp.text}`,
          rules: [],
        }
      : undefined;
  }
  const specific = endpointSpecificName(net, lower, from);
  if (specific) return specific;
  const svc = parseServiceName(lower, from?.vpc.region ?? net.topology.region);
  if (svc && (lower.includes(".") || net.services.some((s) => s.service === svc.service)))
    return resolveService(net, svc.service, svc.region, from, site);
  return undefined;
}

/**
 * IFE-03: an interface endpoint's own Regional or zonal DNS name (from DnsEntries), which AWS publishes so that it
 * resolves to the endpoint's addresses from any network, whatever private DNS says: the interface in the zone a
 * zonal name names, else the one in the source's zone, else the first.
 */
function endpointSpecificName(net: Network, lower: string, from: EniInfo | undefined): DnsAnswer | undefined {
  for (const ep of net.interfaceEndpoints.values()) {
    if (!ep.dnsNames?.some((n) => n.toLowerCase() === lower)) continue;
    const enis = ep.networkInterfaces.flatMap((n) => net.enis.get(n.id) ?? []);
    const label = lower.slice(0, lower.indexOf("."));
    const eni =
      enis.find((e) => label.endsWith(`-${e.subnet.az}`)) ??
      enis.find((e) => e.subnet.az === from?.subnet.az) ??
      enis[0];
    if (!eni) return undefined;
    const a = endpointAddress(ep, eni, from, false);
    return {
      kind: "service",
      name: ep.serviceName,
      endpointEni: eni,
      ip: a.ip,
      explanation: `${lower} is the endpoint-specific DNS name of interface endpoint ${ep.id} and resolves to ${answered(ep, a).slice(1, -1)} from any network`,
      rules: a.aaaa ? ["IFE-03", "IFE-11"] : ["IFE-03"],
    };
  }
  return undefined;
}
