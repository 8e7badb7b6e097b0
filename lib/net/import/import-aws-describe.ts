import { parseTopology, type Issue } from "../parse";
import { DEFAULTED_TOPOLOGY_LISTS, type Topology, type TopologyInput } from "../topology";
import type { AwsNetworkInterface } from "./aws-shapes-edge";
import {
  parseAwsDescribeFiles,
  type AwsDescribeInput,
  type AwsDescribeRegionData,
  type UnreadFile,
} from "./parse-aws-describe";
import {
  applyAddresses,
  applyVpcAttributes,
  dnsAssumptions,
  importDirectConnect,
  importEndpointServices,
  importServicePrefixLists,
  importTgwPeeringAttachments,
  mergePrefixLists,
} from "./import-more-resources";
import { deriveOnPremises } from "./import-on-premises";
import { importLoadBalancers } from "./import-load-balancers";
import { locateInAws } from "./provenance";
import {
  importNetworkAcls,
  importRouteTables,
  importSecurityGroups,
  importSubnets,
  importVpcs,
  type RegionContext,
} from "./import-vpc-resources";
import {
  importEgressOnlyInternetGateways,
  importEndpoints,
  importInstances,
  importInternetGateways,
  importNatGateways,
  importUnavailableNatGateways,
  importNetworkInterfaces,
  importRegionalNatGateways,
  importPeeringConnections,
  importPrefixLists,
} from "./import-edge-resources";
import {
  importCustomerGateways,
  importTransitGatewayAttachments,
  importTransitGatewayRouteTables,
  importTransitGateways,
  importVpnConnections,
  importVpnGateways,
} from "./import-transit-resources";
import {
  addAttachmentSides,
  linkPeeringSides,
  peeringAccepters,
  peeringPeerIds,
  renameSidesInTables,
} from "./tgw-peering-sides";

export type ImportAwsDescribeResult =
  /** `unread`: files not read, with a "did you mean"; `topology.assumptions`: what the import assumed. */
  { ok: true; topology: Topology; warnings: Issue[]; unread: UnreadFile[] } | { ok: false; issues: Issue[] };

export type ImportAwsDescribeOptions = {
  defaultRegion?: string;
  /**
   * A folder collected as docs/collect.md says (the CLI): a Region with VPCs but no describe-route-tables output
   * is an error. Otherwise (a partial upload, a test) that is stated as the first assumption.
   */
  requireRouteTables?: boolean;
};

type Lists = {
  [K in keyof TopologyInput]-?: NonNullable<TopologyInput[K]> extends readonly (infer T)[] ? T[] : never;
};
type ListKey = { [K in keyof Lists]: Lists[K] extends never ? never : K }[keyof Lists];

/** Ids that the describe output itself defines, so a blackhole route can tell "target gone" from "target down". */
function collectIds(regions: readonly AwsDescribeRegionData[]): Set<string> {
  const ids = new Set<string>();
  for (const { data } of regions) {
    for (const x of data["describe-internet-gateways"]?.InternetGateways ?? []) ids.add(x.InternetGatewayId);
    for (const x of data["describe-egress-only-internet-gateways"]?.EgressOnlyInternetGateways ?? [])
      ids.add(x.EgressOnlyInternetGatewayId);
    for (const x of data["describe-nat-gateways"]?.NatGateways ?? []) ids.add(x.NatGatewayId);
    for (const x of data["describe-vpc-peering-connections"]?.VpcPeeringConnections ?? [])
      ids.add(x.VpcPeeringConnectionId);
    for (const x of data["describe-transit-gateways"]?.TransitGateways ?? []) ids.add(x.TransitGatewayId);
    for (const x of data["describe-vpn-gateways"]?.VpnGateways ?? []) ids.add(x.VpnGatewayId);
    for (const x of data["describe-network-interfaces"]?.NetworkInterfaces ?? [])
      ids.add(x.NetworkInterfaceId);
    for (const r of data["describe-instances"]?.Reservations ?? [])
      for (const i of r.Instances ?? []) ids.add(i.InstanceId);
  }
  return ids;
}

/**
 * aws-rules RT-01: every VPC has a main route table, so describe-route-tables output for a Region with VPCs is
 * never empty. Without the file the model would route through an invented main table: an error naming the
 * file (and the unread file that may be it under another name) instead of a confident wrong answer. A listing that
 * holds route tables of some VPCs only is `partial`: the import states the assumption for the others.
 */
function missingRouteTables(
  regions: readonly AwsDescribeRegionData[],
  unread: readonly UnreadFile[],
): { missing: Issue[]; partial: Issue[] } {
  const out: Issue[] = [];
  const partial: Issue[] = [];
  for (const { region, data } of regions) {
    const vpcs = data["describe-vpcs"]?.Vpcs ?? [];
    if (vpcs.length === 0) continue;
    const file = regions.length > 1 ? `${region}/describe-route-tables.json` : "describe-route-tables.json";
    const tables = data["describe-route-tables"]?.RouteTables;
    if (tables !== undefined) {
      // An empty or partial listing (a --filters, --max-items or hand edit) is the same gap for those VPCs.
      const listed = new Set(tables.map((t) => t.VpcId));
      const without = vpcs.map((v) => v.VpcId).filter((id) => !listed.has(id));
      // A listing that holds other VPCs' tables (filtered to the VPCs of interest) is stated as an assumption
      // for the rest: refusing the whole folder would also refuse queries that never enter those VPCs.
      if (without.length > 0)
        (tables.length > 0 ? partial : out).push({
          path: file,
          message: `incomplete: it lists no route table for ${without.join(", ")}, and every VPC has a main route table, so its routes cannot be known`,
        });
      continue;
    }
    const guess = unread.find((u) => /route-?table/i.test(u.file));
    out.push({
      path: file,
      message: `missing: describe-vpcs lists VPCs, and every VPC has a main route table, so routes cannot be known without \`aws ec2 describe-route-tables\` output${guess === undefined ? "" : ` (${guess.file} is not read: ${guess.message})`}`,
    });
  }
  return { missing: out, partial };
}

/**
 * aws-rules ACL-05: every VPC has a default network ACL, so describe-network-acls output that lists none for a VPC
 * (missing file, empty or partial listing) is incomplete: the VPC is assumed to have only its default ACL, which
 * allows all traffic, and the analysis says so first.
 */
function naclAssumptions(regions: readonly AwsDescribeRegionData[]): string[] {
  const out: string[] = [];
  for (const { region, data } of regions) {
    const vpcs = data["describe-vpcs"]?.Vpcs ?? [];
    const acls = data["describe-network-acls"]?.NetworkAcls;
    const listed = new Set((acls ?? []).map((a) => a.VpcId));
    const without = vpcs.map((v) => v.VpcId).filter((id) => !listed.has(id));
    if (without.length === 0) continue;
    const file = regions.length > 1 ? `${region}/describe-network-acls.json` : "describe-network-acls.json";
    out.push(
      `${without.join(", ")}: ${acls === undefined ? `no ${file}` : `${file} lists no network ACL for ${without.length > 1 ? "them" : "it"}`}, and every VPC has a default network ACL: assumed only the default one, which allows all traffic`,
    );
  }
  return out;
}

/**
 * aws-rules RT-01: a subnet is associated with exactly one route table. Output that associates one subnet with two
 * (a merged or hand-edited file) cannot say which routes apply: bad input naming the subnet and both tables.
 */
function doubleSubnetAssociations(regions: readonly AwsDescribeRegionData[]): Issue[] {
  const out: Issue[] = [];
  for (const { region, data } of regions) {
    const tablesOf = new Map<string, Set<string>>();
    for (const t of data["describe-route-tables"]?.RouteTables ?? [])
      for (const a of t.Associations ?? []) {
        if (a.SubnetId === undefined || (a.AssociationState?.State ?? "associated") !== "associated")
          continue;
        let set = tablesOf.get(a.SubnetId);
        if (!set) tablesOf.set(a.SubnetId, (set = new Set()));
        set.add(t.RouteTableId);
      }
    const file = regions.length > 1 ? `${region}/describe-route-tables.json` : "describe-route-tables.json";
    for (const [subnet, tables] of tablesOf)
      if (tables.size > 1)
        out.push({
          path: file,
          message: `subnet ${subnet} is associated with ${tables.size} route tables (${[...tables].join(", ")}); AWS associates a subnet with exactly one, so which routes apply cannot be known`,
        });
  }
  return out;
}

/** A peer VPC in another account or region that the snapshot does not describe: known only by its CIDRs. */
function remotePeerVpcs(ctx: RegionContext): NonNullable<TopologyInput["vpcs"]> {
  const out: NonNullable<TopologyInput["vpcs"]> = [];
  for (const pcx of ctx.data["describe-vpc-peering-connections"]?.VpcPeeringConnections ?? []) {
    for (const info of [pcx.RequesterVpcInfo, pcx.AccepterVpcInfo]) {
      if (info?.VpcId === undefined) continue;
      const cidrBlocks = [
        ...new Set([
          ...(info.CidrBlock === undefined ? [] : [info.CidrBlock]),
          ...(info.CidrBlockSet ?? []).flatMap((c) => (c.CidrBlock === undefined ? [] : [c.CidrBlock])),
        ]),
      ];
      if (cidrBlocks.length === 0) continue;
      out.push({
        id: info.VpcId,
        region: info.Region ?? ctx.region,
        ...(info.OwnerId === undefined ? {} : { accountId: info.OwnerId }),
        cidrBlocks,
        ipv6CidrBlocks: (info.Ipv6CidrBlockSet ?? []).flatMap((c) =>
          c.Ipv6CidrBlock === undefined ? [] : [c.Ipv6CidrBlock],
        ),
      });
    }
  }
  return out;
}

function emptyLists(): Lists {
  const keys: readonly ListKey[] = DEFAULTED_TOPOLOGY_LISTS;
  return Object.fromEntries(keys.map((k) => [k, []])) as unknown as Lists;
}

/**
 * aws-rules GWLB-01: AWS output never shows what the appliances behind a Gateway Load Balancer allow, so each
 * endpoint service reached through Gateway Load Balancer endpoints is assumed to pass traffic (stated once per
 * service; the target health, when described, still decides whether any appliance is there to do it).
 */
function applianceAssumptions(
  endpoints: readonly { serviceName: string }[],
  already: readonly string[],
): string[] {
  const out: string[] = [];
  for (const name of new Set(endpoints.map((e) => e.serviceName))) {
    const line = `assumed the appliances behind Gateway Load Balancer endpoint service ${name} pass the traffic they receive: AWS output does not show their rules`;
    if (!already.includes(line) && !out.includes(line)) out.push(line);
  }
  return out;
}

/**
 * Same id seen twice: keep the first. The same resource listed twice (a cross-region peering in both regions,
 * overlapping pages) is expected; two different resources under one id (a hand-edited or merged file) are not,
 * and the learner is told which one the analysis uses.
 */
function pushUnique<T extends { id: string }>(
  target: T[],
  items: readonly T[],
  seen: Map<string, string>,
  onConflict: (id: string) => void,
): void {
  for (const item of items) {
    const json = JSON.stringify(item);
    const first = seen.get(item.id);
    if (first !== undefined) {
      if (first !== json) onConflict(item.id);
      continue;
    }
    seen.set(item.id, json);
    target.push(item);
  }
}

/**
 * The parsed JSON of `aws ec2 describe-*` outputs -> a validated Topology. Pure: the caller reads the
 * files (lib/cli/read-describe-dir.ts). Unknown AWS fields are ignored; resources the model does
 * not cover are skipped with a warning; shape errors and an invalid resulting topology give issues.
 */
export function importAwsDescribe(
  input: AwsDescribeInput,
  options: ImportAwsDescribeOptions = {},
): ImportAwsDescribeResult {
  const parsed = parseAwsDescribeFiles(input, options.defaultRegion ?? "us-east-1");
  if (!parsed.ok) return parsed;
  const gaps = missingRouteTables(parsed.regions, parsed.unread);
  if (gaps.missing.length > 0 && options.requireRouteTables === true)
    return { ok: false, issues: gaps.missing };
  const missing = [...gaps.missing, ...gaps.partial];
  const doubled = doubleSubnetAssociations(parsed.regions);
  if (doubled.length > 0) return { ok: false, issues: doubled };
  const warnings = [...parsed.warnings];
  const knownIds = collectIds(parsed.regions);
  const lists = emptyLists();
  const seen = new Map<string, Map<string, string>>();
  // `stubs`: stand-ins for resources described elsewhere (a peer VPC seen only through its peering), which
  // naturally differ from the described resource when both are present.
  const add = <K extends ListKey>(
    key: K,
    items: readonly (Lists[K][number] & { id: string })[],
    stubs = false,
  ) => {
    const firstOf = seen.get(key) ?? new Map<string, string>();
    seen.set(key, firstOf);
    pushUnique(lists[key] as { id: string }[], items, firstOf, (id) => {
      if (stubs) return;
      warnings.push({
        path: `${key}: ${id}`,
        message: `${id} appears twice with different contents (merged or edited files?); the first one is used`,
      });
    });
  };
  const balancers: {
    loadBalancers: NonNullable<TopologyInput["loadBalancers"]>;
    gatewayLoadBalancers: NonNullable<TopologyInput["gatewayLoadBalancers"]>;
    targetGroups: NonNullable<TopologyInput["targetGroups"]>;
  } = { loadBalancers: [], gatewayLoadBalancers: [], targetGroups: [] };
  const gatewayLoadBalancerEndpoints: NonNullable<TopologyInput["gatewayLoadBalancerEndpoints"]> = [];
  const regionalNatGateways: NonNullable<TopologyInput["regionalNatGateways"]> = [];
  const unavailableNatGateways: NonNullable<TopologyInput["unavailableNatGateways"]> = [];
  const remote: NonNullable<TopologyInput["vpcs"]> = [];
  const contexts: RegionContext[] = [];
  // The lenient import states the gap first: every route of the snapshot is then unknown.
  const assumptions: string[] = missing.map(
    (m) =>
      `${m.path} is ${m.message}; each VPC is assumed to have a main route table with only its local route`,
  );
  assumptions.push(...naclAssumptions(parsed.regions));
  const renamedPeeringSides = new Map<string, string>();
  const accepters = peeringAccepters(parsed.regions);
  for (const region of parsed.regions) {
    const ctx: RegionContext = {
      region: region.region,
      data: region.data,
      warnings,
      file: (cmd) => (parsed.regions.length > 1 ? `${region.region}/${cmd}.json` : `${cmd}.json`),
    };
    contexts.push(ctx);
    const awsEnis: AwsNetworkInterface[] =
      region.data["describe-network-interfaces"]?.NetworkInterfaces ?? [];
    const enis = importNetworkInterfaces(ctx);
    const endpoints = importEndpoints(ctx, new Map(awsEnis.map((e) => [e.NetworkInterfaceId, e])));
    const prefix = importPrefixLists(ctx);
    const servicePrefix = importServicePrefixLists(ctx);
    const vpcs = importVpcs(ctx);
    applyVpcAttributes(ctx, vpcs);
    assumptions.push(...dnsAssumptions(ctx));
    add("vpcs", vpcs);
    add("subnets", importSubnets(ctx));
    add("routeTables", importRouteTables(ctx, knownIds));
    add("networkAcls", importNetworkAcls(ctx));
    add("securityGroups", importSecurityGroups(ctx));
    const fromInstances = importInstances(ctx, new Set(enis.map((e) => e.id)));
    const allEnis = [...enis, ...fromInstances.networkInterfaces];
    applyAddresses(ctx, allEnis, fromInstances.instances);
    add("networkInterfaces", allEnis);
    add("instances", fromInstances.instances);
    add("internetGateways", importInternetGateways(ctx));
    add("egressOnlyInternetGateways", importEgressOnlyInternetGateways(ctx));
    add("natGateways", importNatGateways(ctx));
    for (const n of importUnavailableNatGateways(ctx))
      if (!unavailableNatGateways.some((x) => x.id === n.id)) unavailableNatGateways.push(n);
    for (const n of importRegionalNatGateways(ctx))
      if (!regionalNatGateways.some((x) => x.id === n.id)) regionalNatGateways.push(n);
    add("peeringConnections", importPeeringConnections(ctx));
    add("gatewayEndpoints", endpoints.gateway);
    add("interfaceEndpoints", endpoints.interface);
    for (const e of endpoints.gatewayLoadBalancer)
      if (!gatewayLoadBalancerEndpoints.some((x) => x.id === e.id)) gatewayLoadBalancerEndpoints.push(e);
    assumptions.push(...applianceAssumptions(endpoints.gatewayLoadBalancer, assumptions));
    assumptions.push(...endpoints.assumptions.filter((a) => !assumptions.includes(a)));
    add("prefixLists", mergePrefixLists(ctx, prefix, servicePrefix));
    add("transitGateways", importTransitGateways(ctx));
    const tgwAttachments = importTransitGatewayAttachments(ctx, awsEnis);
    addAttachmentSides(
      lists.transitGatewayAttachments,
      [...tgwAttachments, ...importTgwPeeringAttachments(ctx, new Set(tgwAttachments.map((a) => a.id)))],
      accepters,
      renamedPeeringSides,
    );
    add("transitGatewayRouteTables", importTransitGatewayRouteTables(ctx));
    add("vpnGateways", importVpnGateways(ctx));
    add("customerGateways", importCustomerGateways(ctx));
    add("vpnConnections", importVpnConnections(ctx));
    add("directConnectGateways", importDirectConnect(ctx));
    add("endpointServices", importEndpointServices(ctx));
    const nlbs = importLoadBalancers(ctx, awsEnis);
    balancers.loadBalancers.push(
      ...nlbs.loadBalancers.filter((lb) => !balancers.loadBalancers.some((x) => x.id === lb.id)),
    );
    balancers.gatewayLoadBalancers.push(
      ...nlbs.gatewayLoadBalancers.filter(
        (lb) => !balancers.gatewayLoadBalancers.some((x) => x.id === lb.id),
      ),
    );
    balancers.targetGroups.push(
      ...nlbs.targetGroups.filter((tg) => !balancers.targetGroups.some((x) => x.id === tg.id)),
    );
    assumptions.push(...nlbs.assumptions);
    for (const s of [...prefix.services, ...servicePrefix.services]) {
      if (!lists.services.some((x) => x.service === s.service && x.region === s.region))
        lists.services.push(s);
    }
    remote.push(...remotePeerVpcs(ctx));
  }
  add("vpcs", remote, true);
  renameSidesInTables(lists.transitGatewayRouteTables, renamedPeeringSides);
  linkPeeringSides(lists.transitGatewayAttachments, peeringPeerIds(parsed.regions));
  const onPremises = deriveOnPremises(contexts, lists);
  add("onPremisesNetworks", onPremises.sites);
  assumptions.push(...onPremises.assumptions);
  const regions = [...new Set(parsed.regions.map((r) => r.region))].sort();
  const accounts = [
    ...new Set(lists.vpcs.flatMap((v) => (v.accountId === undefined ? [] : [v.accountId]))),
  ].sort();
  const topology: TopologyInput = {
    ...lists,
    region: regions[0] ?? options.defaultRegion ?? "us-east-1",
    regions,
    accounts: accounts.map((id) => ({ id })),
    ...(balancers.loadBalancers.length > 0 ? { loadBalancers: balancers.loadBalancers } : {}),
    ...(balancers.targetGroups.length > 0 ? { targetGroups: balancers.targetGroups } : {}),
    ...(balancers.gatewayLoadBalancers.length > 0
      ? { gatewayLoadBalancers: balancers.gatewayLoadBalancers }
      : {}),
    ...(gatewayLoadBalancerEndpoints.length > 0 ? { gatewayLoadBalancerEndpoints } : {}),
    ...(regionalNatGateways.length > 0 ? { regionalNatGateways } : {}),
    ...(unavailableNatGateways.length > 0 ? { unavailableNatGateways } : {}),
    // One line once: the same Region given twice (loose files and a Region folder) assumes the same things twice.
    assumptions: [...new Set(assumptions)],
  };
  const result = parseTopology(topology);
  // A value AWS printed that the model rejects is reported where AWS printed it (file and field).
  if (!result.ok)
    return {
      ok: false,
      issues: result.issues.map((i) => ({
        path: locateInAws(topology, i.path, parsed.regions),
        message: i.message,
      })),
    };
  return { ok: true, topology: result.topology, warnings, unread: parsed.unread };
}
