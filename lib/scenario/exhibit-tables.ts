// The exhibit's tables for the VPC side of a topology: VPCs, subnets, interfaces, route tables, security groups
// and network ACLs. Tables for peering, gateways, transit gateways, VPN and endpoints are in
// exhibit-gateway-tables.ts. Every row states configuration as the console shows it; derived routes are the ones
// AWS itself adds (local routes RT-02, gateway-endpoint prefix-list routes GWE-02, VGW propagation VPN-05).
import type * as T from "../net/index";
import { primaryEniIdFor } from "../net/index";
import { propagatedVgwPrefixes } from "../net/vpn";
import type { ExhibitTable } from "./exhibit-table";
import {
  dropDefaultColumns,
  labelOf,
  listText,
  portRangeText,
  protocolText,
  subnetLabel,
} from "./exhibit-format";
import { gatewayTables } from "./exhibit-gateway-tables";

/**
 * `named` says whether the question's texts name an id or name of a route table, security group or network ACL
 * (those are shown even when nothing uses them). Asked last, after the cheaper reasons to show a table: it
 * searches the texts.
 */
export function topologyTables(t: T.Topology, named: NamedIn): { tables: ExhibitTable[]; notes: string[] } {
  const x = indexTopology(t);
  const tables: ExhibitTable[] = [vpcTable(t), subnetTable(t, x)];
  const interfaces = interfaceTable(t);
  if (interfaces) tables.push(interfaces);
  for (const rt of t.routeTables)
    if (isRouteTableShown(t, x, rt, named)) tables.push(routeTableTable(t, x, rt));
  const shownGroups: [T.SecurityGroup, string[]][] = [];
  for (const sg of t.securityGroups) {
    const attached = attachedTo(t, sg.id);
    if (isSecurityGroupShown(t, sg, attached, named)) shownGroups.push([sg, attached]);
  }
  // One set of columns for every security-group table of an exhibit: a Description column in some tables and
  // not in others reads as if the groups differed in kind.
  const described = shownGroups.some(([sg]) => hasDescription(sg));
  for (const [sg, attached] of shownGroups) tables.push(securityGroupTable(t, x, sg, attached, described));
  for (const acl of t.networkAcls)
    if (isNetworkAclShown(x, acl, named)) tables.push(networkAclTable(t, x, acl));
  tables.push(...gatewayTables(t));
  return { tables: tables.filter((table) => table.rows.length > 0), notes: defaultNaclNotes(t, x) };
}

/**
 * What several tables look up, found once per exhibit: each VPC's label by id, and each subnet's route table
 * and network ACL (index for index with t.subnets). Looking these up per row and per table with `.find` (the
 * subnets of every route table asked each subnet for its route table again) was most of the exhibit's time.
 */
type TopologyIndex = {
  readonly vpcLabels: ReadonlyMap<string, string>;
  readonly vpcs: ReadonlyMap<string, T.Vpc>;
  readonly subnetRouteTables: readonly (T.RouteTable | undefined)[];
  readonly subnetNetworkAcls: readonly (T.NetworkAcl | undefined)[];
};

function indexTopology(t: T.Topology): TopologyIndex {
  const vpcs = new Map<string, T.Vpc>();
  const vpcLabels = new Map<string, string>();
  // The first of a repeated id wins, as `.find` gave it.
  for (const v of t.vpcs)
    if (!vpcs.has(v.id)) {
      vpcs.set(v.id, v);
      vpcLabels.set(v.id, labelOf(v.id, v.name));
    }
  return {
    vpcs,
    vpcLabels,
    subnetRouteTables: t.subnets.map((s) => routeTableOfSubnet(t, s)),
    subnetNetworkAcls: t.subnets.map((s) => networkAclOfSubnet(t, s)),
  };
}

/** vpcLabel (exhibit-format.ts) from the index. */
function vpcLabelOf(x: TopologyIndex, vpcId: string | undefined): string {
  if (vpcId === undefined) return "—";
  return x.vpcLabels.get(vpcId) ?? vpcId;
}

/** Labels of the subnets whose entry in `perSubnet` is `item`, in subnet order. */
function subnetsWith(t: T.Topology, perSubnet: readonly (object | undefined)[], item: object): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.subnets.length; i += 1) {
    const s = t.subnets[i] as T.Subnet;
    if (perSubnet[i] === item) out.push(labelOf(s.id, s.name));
  }
  return out;
}

/** Which names the question's texts hold; only ids and names of route tables, security groups and ACLs are asked. */
export type NamedIn = { has(name: string): boolean };

function isNamed(named: NamedIn, id: string, name: string | undefined): boolean {
  return named.has(id) || (name !== undefined && named.has(name));
}

function vpcTable(t: T.Topology): ExhibitTable {
  const dns = t.interfaceEndpoints.length > 0;
  const rows = t.vpcs.map((v) => [
    v.name ?? v.id,
    v.id,
    cidrListText(v.cidrBlocks),
    listText(v.ipv6CidrBlocks, ""),
    v.region ?? t.region,
    v.accountId ?? "",
    dns ? `${v.enableDnsSupport ? "on" : "off"} / ${v.enableDnsHostnames ? "on" : "off"}` : "",
  ]);
  const firstRegion = rows[0]?.[4] ?? "";
  const firstAccount = rows[0]?.[5] ?? "";
  const kept = dropDefaultColumns(
    ["VPC", "VPC ID", "IPv4 CIDR", "IPv6 CIDR", "Region", "Account", "DNS resolution / hostnames"],
    rows,
    {
      "IPv6 CIDR": "",
      Region: firstRegion,
      Account: firstAccount,
      "DNS resolution / hostnames": "",
    },
  );
  return { kind: "vpcs", caption: "VPCs", columns: kept.columns, rows: kept.rows };
}

/**
 * The first IPv4 block is the VPC's primary block (set at creation, never removed); the others are
 * secondary blocks, which can be disassociated. Marked even when there is one, so that an explanation reasoning
 * about "the primary block" is checked against the exhibit, not inferred. (IPv6 blocks have no primary.)
 */
function cidrListText(blocks: readonly string[]): string {
  return listText(blocks.map((cidr, i) => `${cidr} (${i === 0 ? "primary" : "secondary"})`));
}

/** RT-01: a subnet without an explicit association uses its VPC's main route table. */
export function routeTableOfSubnet(t: T.Topology, s: T.Subnet): T.RouteTable | undefined {
  const explicit =
    s.routeTableId !== undefined ? t.routeTables.find((rt) => rt.id === s.routeTableId) : undefined;
  return explicit ?? t.routeTables.find((rt) => rt.vpcId === s.vpcId && rt.main);
}

/** ACL-06: a subnet without an explicit association uses its VPC's default network ACL. */
function networkAclOfSubnet(t: T.Topology, s: T.Subnet): T.NetworkAcl | undefined {
  const explicit =
    s.networkAclId !== undefined ? t.networkAcls.find((a) => a.id === s.networkAclId) : undefined;
  return explicit ?? t.networkAcls.find((a) => a.vpcId === s.vpcId && a.isDefault);
}

function subnetTable(t: T.Topology, x: TopologyIndex): ExhibitTable {
  const rows = t.subnets.map((s, i) => {
    const rt = x.subnetRouteTables[i];
    const acl = x.subnetNetworkAcls[i];
    return [
      s.name ?? s.id,
      s.id,
      vpcLabelOf(x, s.vpcId),
      s.cidrBlock ?? "",
      s.ipv6CidrBlock ?? "",
      s.availabilityZone,
      rt ? `${rt.id}${s.routeTableId === rt.id ? "" : " (main)"}` : "main (local routes only)",
      acl ? `${acl.id}${acl.isDefault ? " (default)" : ""}` : "default (allows all)",
    ];
  });
  const kept = dropDefaultColumns(
    ["Subnet", "Subnet ID", "VPC", "IPv4 CIDR", "IPv6 CIDR", "AZ", "Route table", "Network ACL"],
    rows,
    {
      "IPv6 CIDR": "",
    },
  );
  return { kind: "subnets", caption: "Subnets", columns: kept.columns, rows: kept.rows };
}

function groupNames(t: T.Topology, ids: readonly string[]): string {
  return listText(
    ids.map((id) => labelOf(id, t.securityGroups.find((g) => g.id === id)?.name)),
    "none",
  );
}

function interfaceTable(t: T.Topology): ExhibitTable | undefined {
  const rows: string[][] = [];
  const row = (
    name: string,
    instance: string,
    eni: string,
    x: {
      subnetId: string;
      privateIp: string;
      secondaryPrivateIps?: readonly string[];
      publicIp?: string | undefined;
      ipv6Addresses: readonly string[];
      securityGroupIds: readonly string[];
      sourceDestCheck: boolean;
    },
    state: string,
  ): string[] => [
    name,
    instance,
    eni,
    subnetLabel(t, x.subnetId),
    listText([x.privateIp, ...(x.secondaryPrivateIps ?? [])]),
    x.publicIp ?? "none",
    listText(x.ipv6Addresses, ""),
    groupNames(t, x.securityGroupIds),
    state,
    x.sourceDestCheck ? "on" : "off",
  ];
  for (const i of t.instances) {
    if (i.subnetId !== undefined && i.privateIp !== undefined) {
      const inline = {
        subnetId: i.subnetId,
        privateIp: i.privateIp,
        publicIp: i.publicIp,
        ipv6Addresses: i.ipv6Addresses,
        securityGroupIds: i.securityGroupIds,
        sourceDestCheck: i.sourceDestCheck,
      };
      rows.push(row(i.name ?? i.id, i.id, primaryEniIdFor(i.id), inline, i.state));
    }
    for (const eniId of i.networkInterfaceIds) {
      const eni = t.networkInterfaces.find((e) => e.id === eniId);
      if (eni) rows.push(row(i.name ?? i.id, i.id, eni.id, eni, i.state));
    }
  }
  for (const eni of t.networkInterfaces) {
    if (t.instances.some((i) => i.networkInterfaceIds.includes(eni.id))) continue;
    rows.push(row(eni.name ?? eni.id, eni.instanceId ?? "", eni.id, eni, "running"));
  }
  if (rows.length === 0) return undefined;
  const columns = [
    "Name",
    "Instance",
    "Network interface",
    "Subnet",
    "Private IP",
    "Public IPv4",
    "IPv6",
    "Security groups",
    "State",
    "Source/dest. check",
  ];
  // "Public IPv4" is always shown: whether an instance can use an internet gateway depends on it (IGW-01).
  const kept = dropDefaultColumns(columns, rows, {
    IPv6: "",
    State: "running",
    "Source/dest. check": "on",
  });
  return {
    kind: "interfaces",
    caption: "Instances and network interfaces",
    columns: kept.columns,
    rows: kept.rows,
  };
}

function isRouteTableShown(t: T.Topology, x: TopologyIndex, rt: T.RouteTable, named: NamedIn): boolean {
  if (x.subnetRouteTables.includes(rt)) return true;
  if (t.gatewayEndpoints.some((e) => e.routeTableIds.includes(rt.id))) return true;
  return isNamed(named, rt.id, rt.name);
}

/** The id first, as route tables in the console show it: "pl-63a5400a (com.amazonaws.us-east-1.s3)". */
function prefixListText(t: T.Topology, id: string): string {
  const name = t.prefixLists.find((p) => p.id === id)?.name;
  return name !== undefined ? `${id} (${name})` : id;
}

/** GWE-02: a gateway endpoint adds a route from its service's prefix list to itself in each chosen route table. */
function endpointRoutes(t: T.Topology, rt: T.RouteTable): string[][] {
  const rows: string[][] = [];
  for (const ep of t.gatewayEndpoints) {
    if (!ep.routeTableIds.includes(rt.id)) continue;
    const region = ep.region ?? t.vpcs.find((v) => v.id === ep.vpcId)?.region ?? t.region;
    const service = t.services.find((s) => s.service === ep.service && s.region === region);
    if (service?.prefixListId !== undefined)
      rows.push([prefixListText(t, service.prefixListId), ep.id, "gateway endpoint"]);
    else for (const cidr of service?.cidrBlocks ?? []) rows.push([cidr, ep.id, "gateway endpoint"]);
  }
  return rows;
}

/**
 * RT-08, PCX-08: what describe-route-tables and the console print as a route's state. A route to a peering
 * that is not active (a pending request included) or to a NAT gateway that failed or is being deleted is a
 * blackhole until its target works again. A target the topology does not list is left to validate.
 */
function routeState(t: T.Topology, target: string): "active" | "blackhole" {
  if (target.startsWith("pcx-")) {
    const peering = t.peeringConnections.find((p) => p.id === target);
    return peering !== undefined && peering.status !== "active" ? "blackhole" : "active";
  }
  if (target.startsWith("nat-")) {
    const nat = t.natGateways.find((n) => n.id === target);
    return nat !== undefined &&
      (nat.state === "failed" || nat.state === "deleting" || nat.state === "deleted")
      ? "blackhole"
      : "active";
  }
  return "active";
}

function routeTableTable(t: T.Topology, x: TopologyIndex, rt: T.RouteTable): ExhibitTable {
  const vpc = x.vpcs.get(rt.vpcId);
  const rows: string[][] = [];
  for (const cidr of [...(vpc?.cidrBlocks ?? []), ...(vpc?.ipv6CidrBlocks ?? [])])
    rows.push([cidr, "local", "local", "active"]);
  for (const r of rt.routes) {
    if (r.target === "local") continue;
    const destination =
      r.destination ??
      (r.destinationPrefixListId !== undefined ? prefixListText(t, r.destinationPrefixListId) : "?");
    rows.push([destination, r.target, r.origin, routeState(t, r.target)]);
  }
  for (const gw of rt.propagatingGatewayIds)
    for (const cidr of propagatedVgwPrefixes(t, gw)) rows.push([cidr.text, gw, "propagated", "active"]);
  for (const row of endpointRoutes(t, rt)) rows.push([...row, "active"]);
  const subnets = subnetsWith(t, x.subnetRouteTables, rt);
  const parts = [
    `VPC ${vpcLabelOf(x, rt.vpcId)}${rt.main ? ", main route table" : ""}`,
    `subnets: ${listText(subnets)}`,
  ];
  if (rt.propagatingGatewayIds.length > 0)
    parts.push(`route propagation from ${rt.propagatingGatewayIds.join(", ")}`);
  // The State column only when some route is not active, as most route tables in questions have none.
  const kept = dropDefaultColumns(["Destination", "Target", "Origin", "State"], rows, { State: "active" });
  return {
    kind: "route-table",
    caption: `Route table ${labelOf(rt.id, rt.name)} — ${parts.join("; ")}`,
    columns: kept.columns,
    rows: kept.rows,
  };
}

function attachedTo(t: T.Topology, sgId: string): string[] {
  const out: string[] = [];
  for (const i of t.instances) if (i.securityGroupIds.includes(sgId)) out.push(i.name ?? i.id);
  for (const e of t.networkInterfaces) if (e.securityGroupIds.includes(sgId)) out.push(e.name ?? e.id);
  for (const e of t.interfaceEndpoints) if (e.securityGroupIds.includes(sgId)) out.push(e.name ?? e.id);
  return out;
}

function isSecurityGroupShown(
  t: T.Topology,
  sg: T.SecurityGroup,
  attached: readonly string[],
  named: NamedIn,
): boolean {
  if (attached.length > 0 || isNamed(named, sg.id, sg.name)) return true;
  const referenced = (rules: readonly T.SgRule[] | undefined): boolean =>
    (rules ?? []).some((r) => r.securityGroupId?.endsWith(sg.id) === true);
  return t.securityGroups.some(
    (other) => other !== sg && (referenced(other.inbound) || referenced(other.outbound)),
  );
}

function sgPeerText(t: T.Topology, r: T.SgRule): string {
  if (r.cidrBlock !== undefined) return r.cidrBlock;
  if (r.prefixListId !== undefined) return prefixListText(t, r.prefixListId);
  if (r.securityGroupId !== undefined)
    return labelOf(r.securityGroupId, t.securityGroups.find((g) => g.id === r.securityGroupId)?.name);
  return "?";
}

function sgRows(t: T.Topology, direction: string, rules: readonly T.SgRule[]): string[][] {
  if (rules.length === 0) return [[direction, "no rules", "", "", ""]];
  return rules.map((r) => [
    direction,
    protocolText(r.protocol),
    portRangeText(r.protocol, r.fromPort, r.toPort),
    sgPeerText(t, r),
    r.description ?? "",
  ]);
}

/** A rule description or the default outbound rule (shown as "default rule") fills the Description column. */
function hasDescription(sg: T.SecurityGroup): boolean {
  if (sg.outbound === undefined) return true;
  return [...sg.inbound, ...sg.outbound].some((r) => (r.description ?? "") !== "");
}

function securityGroupTable(
  t: T.Topology,
  x: TopologyIndex,
  sg: T.SecurityGroup,
  attached: readonly string[],
  described: boolean,
): ExhibitTable {
  // SG-03: an omitted outbound list is the default allow-all egress rule.
  const outbound =
    sg.outbound === undefined
      ? [["Outbound", "All", "All", "0.0.0.0/0", "default rule"]]
      : sgRows(t, "Outbound", sg.outbound);
  const rows = [...sgRows(t, "Inbound", sg.inbound), ...outbound];
  const kept = dropDefaultColumns(
    ["Direction", "Protocol", "Port range", "Source / destination", "Description"],
    rows,
    described ? {} : { Description: "" },
  );
  const caption = `Security group ${labelOf(sg.id, sg.name)} — VPC ${vpcLabelOf(x, sg.vpcId)}; attached to ${listText(attached, "nothing")}`;
  return { kind: "security-group", caption, columns: kept.columns, rows: kept.rows };
}

function isNetworkAclShown(x: TopologyIndex, acl: T.NetworkAcl, named: NamedIn): boolean {
  return x.subnetNetworkAcls.includes(acl) || isNamed(named, acl.id, acl.name);
}

function naclRows(direction: string, rules: readonly T.NaclRule[], withIpv6: boolean): string[][] {
  const sorted = rules.slice().sort((a, b) => a.ruleNumber - b.ruleNumber);
  const rows = sorted.map((r) => [
    direction,
    String(r.ruleNumber),
    protocolText(r.protocol),
    portRangeText(r.protocol, r.fromPort, r.toPort),
    r.cidrBlock,
    r.action === "allow" ? "Allow" : "Deny",
  ]);
  // ACL-03: every network ACL ends with the unchangeable * rule that denies what no numbered rule matched.
  rows.push([direction, "*", "All", "All", "0.0.0.0/0", "Deny"]);
  if (withIpv6) rows.push([direction, "*", "All", "All", "::/0", "Deny"]);
  return rows;
}

function networkAclTable(t: T.Topology, x: TopologyIndex, acl: T.NetworkAcl): ExhibitTable {
  const withIpv6 = (x.vpcs.get(acl.vpcId)?.ipv6CidrBlocks.length ?? 0) > 0;
  const rows = [
    ...naclRows("Inbound", acl.inbound, withIpv6),
    ...naclRows("Outbound", acl.outbound, withIpv6),
  ];
  const subnets = subnetsWith(t, x.subnetNetworkAcls, acl);
  const caption = `Network ACL ${labelOf(acl.id, acl.name)}${acl.isDefault ? " (default)" : ""} — VPC ${vpcLabelOf(x, acl.vpcId)}; subnets: ${listText(subnets)}`;
  return {
    kind: "network-acl",
    caption,
    columns: ["Direction", "Rule #", "Protocol", "Port range", "Source / destination", "Action"],
    rows,
  };
}

/** ACL-05: subnets left on a default network ACL the topology does not list use one that allows everything. */
function defaultNaclNotes(t: T.Topology, x: TopologyIndex): string[] {
  const subnets = t.subnets.filter((_, i) => x.subnetNetworkAcls[i] === undefined).map((s) => s.name ?? s.id);
  if (subnets.length === 0) return [];
  const which =
    subnets.length === t.subnets.length
      ? "Every subnet uses its"
      : subnets.length === 1
        ? `Subnet ${subnets[0]} uses its`
        : `Subnets ${subnets.join(", ")} use their`;
  return [`${which} VPC's default network ACL, unchanged: it allows all inbound and all outbound traffic.`];
}
