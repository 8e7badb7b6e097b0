// Shared scenario pieces for topology families: VPCs with one app subnet and one instance each, wired by
// peering or a transit gateway, plus the one-fault edits that make nearby variants.
import {
  accountId,
  carveVpcCidrs,
  cidrText,
  distinctNames,
  INSTANCE_ROLES,
  region,
  REGIONS,
  VPC_NAMES,
  type RegionInfo,
} from "./names";
import type { Rng } from "./rng";
import { TopologyBuilder, type InstanceHandle, type SubnetHandle, type VpcHandle } from "./topology-builder";

export const SERVICE_PORTS: readonly (readonly [number, string])[] = [
  [22, "SSH"],
  [443, "HTTPS"],
  [3306, "MySQL"],
  [5432, "PostgreSQL"],
  [6379, "Redis"],
  // Not "HTTP 8080": every stem states the port beside the name ("an HTTP connection (TCP 8080)").
  [8080, "HTTP"],
];

const VPC_PREFIXES: readonly number[] = [16, 16, 18, 20, 22];

export type Site = {
  readonly vpc: VpcHandle;
  readonly subnet: SubnetHandle;
  readonly instance: InstanceHandle;
};

export type Estate = {
  readonly builder: TopologyBuilder;
  readonly sites: Site[];
  readonly port: number;
  readonly portName: string;
  readonly homeRegion: RegionInfo;
};

/**
 * `count` VPCs (distinct names and non-overlapping CIDRs of mixed sizes), one subnet and one instance each.
 * Every instance's SG allows the service port from every other VPC's CIDR (rule SG-05).
 * crossRegion/crossAccount put the last VPC in another Region / account (rule PCX-01).
 */
export function buildEstate(
  rng: Rng,
  count: number,
  opts: { crossRegion?: boolean; crossAccount?: boolean } = {},
): Estate {
  const homeRegion = region(rng);
  const otherRegion = rng.pick(REGIONS.filter((r) => r.code !== homeRegion.code));
  const owner = accountId(rng);
  const partner = accountId(rng);
  const builder = new TopologyBuilder(rng, homeRegion.code);
  // A loop over one constant list rather than Array.from with a closure and a fresh list per VPC (per question).
  const prefixes: number[] = [];
  for (let i = 0; i < count; i += 1) prefixes.push(rng.pick(VPC_PREFIXES));
  const cidrs = carveVpcCidrs(rng, prefixes);
  const names = distinctNames(rng, VPC_NAMES, count);
  const roles = distinctNames(rng, INSTANCE_ROLES, count);
  const [port, portName] = rng.pick(SERVICE_PORTS);
  const vpcs = cidrs.map((cidr, i) => {
    const last = i === count - 1;
    const r = last && opts.crossRegion === true ? otherRegion : homeRegion;
    return builder.vpc({
      name: names[i] as string,
      cidr,
      region: r.code,
      accountId: last && opts.crossAccount === true ? partner : owner,
      azs: r.azs,
    });
  });
  const sites = vpcs.map((vpc, i) => {
    const subnet = builder.subnet(vpc, { role: "app", prefix: Math.min(24, vpc.cidr.prefix + 4) });
    const inbound = vpcs
      .filter((other) => other !== vpc)
      .map((other) => ({
        protocol: "tcp" as const,
        fromPort: port,
        toPort: port,
        cidrBlock: cidrText(other.cidr),
      }));
    const instance = builder.instance(subnet, {
      name: `${roles[i] as string}-${i + 1}`,
      hostOffset: 10 + rng.int(0, 40),
      inbound,
    });
    return { vpc, subnet, instance };
  });
  return { builder, sites, port, portName, homeRegion };
}

/** Peers two sites with routes on both sides (rule PCX-08). */
export function peerSites(estate: Estate, a: Site, b: Site): string {
  const pcx = estate.builder.peering(a.vpc, b.vpc, "active");
  estate.builder.route(a.subnet.routeTableId, cidrText(b.vpc.cidr), pcx);
  estate.builder.route(b.subnet.routeTableId, cidrText(a.vpc.cidr), pcx);
  return pcx;
}

export type Hub = {
  readonly tgwId: string;
  readonly table: { readonly id: string; readonly name: string };
  readonly attachments: Map<Site, string>;
};

/** A transit gateway with every site attached, associated and propagated to one table, VPC routes to it. */
export function hubSites(estate: Estate, sites: readonly Site[]): Hub {
  const b = estate.builder;
  const tgwId = b.transitGateway(`${estate.homeRegion.code}-hub`, estate.homeRegion.code);
  const table = b.tgwRouteTable(tgwId, "hub-routes");
  const attachments = new Map<Site, string>();
  for (const site of sites) {
    const attachment = b.tgwVpcAttachment(tgwId, site.vpc, [site.subnet.id]);
    attachments.set(site, attachment);
    b.tgwAssociateAndPropagate(table.id, attachment);
    for (const other of sites)
      if (other !== site) b.route(site.subnet.routeTableId, cidrText(other.vpc.cidr), tgwId);
  }
  return { tgwId, table, attachments };
}

export function describeSite(site: Site): string {
  return `${site.instance.name} (${site.instance.ip}) in VPC ${site.vpc.name} ${cidrText(site.vpc.cidr)}`;
}
