// The exhibit's tables for what joins networks: peering connections, gateways, transit gateways (attachments and
// route tables with their associations and propagations, TGW-03..TGW-08), VPN connections, on-premises networks,
// VPC endpoints and endpoint services, prefix lists.
import type * as T from "../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../net/flow-logs";
import { effectivePeeringStatus } from "../net/peering-status";
import { isVpnUp, vpnPrefixes } from "../net/vpn";
import type { ExhibitTable } from "./exhibit-table";
import { dropDefaultColumns, labelOf, listText, subnetLabel, vpcLabel } from "./exhibit-format";

export function gatewayTables(t: T.Topology): ExhibitTable[] {
  // A table whose list is empty has no rows and is left out: it is not built at all (most questions have
  // no VPN, on-premises network, endpoint or prefix list, and building each empty table cost as much as a full one).
  const tables: ExhibitTable[] = [];
  if (t.peeringConnections.length > 0) tables.push(peeringTable(t));
  if (
    t.internetGateways.length > 0 ||
    t.egressOnlyInternetGateways.length > 0 ||
    t.natGateways.length > 0 ||
    t.vpnGateways.length > 0 ||
    t.customerGateways.length > 0 ||
    t.directConnectGateways.length > 0
  )
    tables.push(gatewayTable(t));
  if (t.transitGateways.length > 0) tables.push(transitGatewayTable(t));
  if (t.transitGatewayAttachments.length > 0) tables.push(attachmentTable(t));
  for (const rtb of t.transitGatewayRouteTables) tables.push(tgwRouteTableTable(t, rtb));
  if (t.vpnConnections.length > 0) tables.push(vpnTable(t));
  if (t.onPremisesNetworks.length > 0) tables.push(onPremisesTable(t));
  if (t.gatewayEndpoints.length > 0 || t.interfaceEndpoints.length > 0 || t.endpointServices.length > 0)
    tables.push(endpointTable(t));
  if (t.prefixLists.length > 0) tables.push(prefixListTable(t));
  return tables.filter((table) => table.rows.length > 0);
}

/** Region and account are named only when the topology spans more than one (peering across them, PCX-11/12). */
function vpcWhere(t: T.Topology, vpcId: string, spread: VpcSpread): string {
  const vpc = t.vpcs.find((v) => v.id === vpcId);
  const where: string[] = [];
  if (vpc && spread.regions) where.push(vpc.region ?? t.region);
  if (vpc && spread.accounts && vpc.accountId !== undefined) where.push(`account ${vpc.accountId}`);
  return where.length > 0 ? `${vpcLabel(t, vpcId)}, ${where.join(", ")}` : vpcLabel(t, vpcId);
}

/** Whether the VPCs span more than one Region, more than one account. */
type VpcSpread = { readonly regions: boolean; readonly accounts: boolean };

function vpcSpread(t: T.Topology): VpcSpread {
  const regions = new Set(t.vpcs.map((v) => v.region ?? t.region));
  const accounts = new Set(t.vpcs.map((v) => v.accountId ?? ""));
  return { regions: regions.size > 1, accounts: accounts.size > 1 };
}

function peeringTable(t: T.Topology): ExhibitTable {
  const spread = vpcSpread(t);
  const rows = t.peeringConnections.map((p) => [
    p.id,
    p.name ?? "",
    vpcWhere(t, p.requesterVpcId, spread),
    vpcWhere(t, p.accepterVpcId, spread),
    // The status AWS shows at the model's clock: a request unanswered for 7 days reads "expired" (PCX-06),
    // never "pending-acceptance | 24 days ago".
    effectivePeeringStatus(p, DEFAULT_FLOW_LOG_NOW),
    // Ages are stated against the model's default clock (PCX-06: an unaccepted request expires after 7 days).
    p.createdAt !== undefined ? `${Math.floor((DEFAULT_FLOW_LOG_NOW - p.createdAt) / 86400)} days ago` : "",
    p.requesterAllowDnsResolutionFromRemoteVpc || p.accepterAllowDnsResolutionFromRemoteVpc
      ? `requester ${p.requesterAllowDnsResolutionFromRemoteVpc ? "on" : "off"}, accepter ${p.accepterAllowDnsResolutionFromRemoteVpc ? "on" : "off"}`
      : "",
  ]);
  const columns = [
    "Peering connection",
    "Name",
    "Requester VPC",
    "Accepter VPC",
    "Status",
    "Requested",
    "DNS resolution from remote VPC",
  ];
  const kept = dropDefaultColumns(columns, rows, {
    Name: "",
    Requested: "",
    "DNS resolution from remote VPC": "",
  });
  return { kind: "peering", caption: "VPC peering connections", columns: kept.columns, rows: kept.rows };
}

function natDetails(t: T.Topology, nat: T.NatGateway): string {
  const details = [
    `${nat.connectivity} NAT gateway in ${subnetLabel(t, nat.subnetId)}`,
    `private IP ${nat.privateIp}`,
  ];
  if (nat.publicIp !== undefined) details.push(`Elastic IP ${nat.publicIp}`);
  if (nat.state !== "available") details.push(`state ${nat.state}`);
  return details.join("; ");
}

function gatewayTable(t: T.Topology): ExhibitTable {
  const rows: string[][] = [];
  for (const g of t.internetGateways)
    rows.push([
      g.id,
      g.name ?? "",
      "Internet gateway",
      g.vpcId !== undefined ? vpcLabel(t, g.vpcId) : "detached",
      "",
    ]);
  for (const g of t.egressOnlyInternetGateways)
    rows.push([g.id, g.name ?? "", "Egress-only internet gateway", vpcLabel(t, g.vpcId), ""]);
  for (const g of t.natGateways) {
    const vpcId = t.subnets.find((s) => s.id === g.subnetId)?.vpcId;
    rows.push([g.id, g.name ?? "", "NAT gateway", vpcLabel(t, vpcId), natDetails(t, g)]);
  }
  for (const g of t.vpnGateways)
    rows.push([
      g.id,
      g.name ?? "",
      "Virtual private gateway",
      g.vpcId !== undefined ? vpcLabel(t, g.vpcId) : "detached",
      `ASN ${g.asn}`,
    ]);
  for (const g of t.customerGateways)
    rows.push([g.id, g.name ?? "", "Customer gateway", "—", `IP ${g.ipAddress}; ASN ${g.asn}`]);
  for (const g of t.directConnectGateways) {
    const associations = g.associations.map(
      (a) =>
        `${a.gatewayId}${a.allowedPrefixes.length > 0 ? ` (allowed prefixes ${a.allowedPrefixes.join(", ")})` : ""}`,
    );
    // The model takes a Direct Connect link as up; the exhibit says so, so that a careful candidate need not
    // assume it (the examiner could not confirm the path from the tables alone).
    // A Direct Connect gateway associated with a transit gateway takes transit VIFs, one with a virtual private
    // gateway private VIFs; AWS does not allow both on one Direct Connect gateway (DX-01).
    const sites = t.onPremisesNetworks.filter((n) => n.directConnectGatewayIds.includes(g.id));
    const vifType = g.associations.some((a) => t.transitGateways.some((x) => x.id === a.gatewayId))
      ? "transit"
      : "private";
    const vif =
      sites.length > 0
        ? `; ${vifType} VIF from ${listText(sites.map((n) => n.name ?? n.id))}: available, BGP up`
        : "";
    rows.push([
      g.id,
      g.name ?? "",
      "Direct Connect gateway",
      "—",
      `associated with ${listText(associations)}${vif}`,
    ]);
  }
  const kept = dropDefaultColumns(["Gateway", "Name", "Type", "VPC", "Details"], rows, {
    Name: "",
    Details: "",
  });
  return { kind: "gateways", caption: "Gateways", columns: kept.columns, rows: kept.rows };
}

function transitGatewayTable(t: T.Topology): ExhibitTable {
  const rows = t.transitGateways.map((g) => [
    g.id,
    g.name ?? "",
    g.region ?? t.region,
    `ASN ${g.asn}`,
    g.state,
    g.defaultRouteTableId ?? "",
    g.defaultRouteTableId !== undefined
      ? `association ${g.defaultRouteTableAssociation !== false ? "on" : "off"}, propagation ${g.defaultRouteTablePropagation !== false ? "on" : "off"}`
      : "",
  ]);
  const columns = [
    "Transit gateway",
    "Name",
    "Region",
    "ASN",
    "State",
    "Default route table",
    "Default association / propagation",
  ];
  const regions = new Set([
    ...t.vpcs.map((v) => v.region ?? t.region),
    ...t.transitGateways.map((g) => g.region ?? t.region),
  ]);
  const kept = dropDefaultColumns(columns, rows, {
    Name: "",
    State: "available",
    "Default route table": "",
    "Default association / propagation": "",
    // Undefined (no default) when the Region column must stay, rather than a conditional spread.
    Region: regions.size <= 1 ? (rows[0]?.[2] ?? "") : undefined,
  });
  return { kind: "transit-gateways", caption: "Transit gateways", columns: kept.columns, rows: kept.rows };
}

function attachmentResource(t: T.Topology, a: T.TransitGatewayAttachment): string {
  if (a.type === "vpc") return vpcLabel(t, a.vpcId);
  if (a.type === "vpn") return a.vpnConnectionId ?? "?";
  if (a.type === "direct-connect-gateway") return a.directConnectGatewayId ?? "?";
  return `${a.peerTransitGatewayId ?? "?"}${a.peerAttachmentId !== undefined ? ` (${a.peerAttachmentId})` : ""}`;
}

const ATTACHMENT_TYPES: Readonly<Record<T.TransitGatewayAttachment["type"], string>> = {
  vpc: "VPC",
  vpn: "VPN",
  "direct-connect-gateway": "Direct Connect gateway",
  peering: "Peering",
};

function attachmentTable(t: T.Topology): ExhibitTable {
  const tables = t.transitGatewayRouteTables.map((rtb) => ({
    label: labelOf(rtb.id, rtb.name),
    ...associationsAndPropagations(t, rtb),
  }));
  // "name (id)": options quote attachments by name and id (a blocker message), so the exhibit shows both.
  const rows = t.transitGatewayAttachments.map((a) => [
    labelOf(a.id, a.name),
    a.transitGatewayId,
    ATTACHMENT_TYPES[a.type],
    attachmentResource(t, a),
    listText(
      a.subnetIds.map((id) => {
        const s = t.subnets.find((x) => x.id === id);
        return s ? `${labelOf(s.id, s.name)}, ${s.availabilityZone}` : id;
      }),
      "",
    ),
    a.state,
    a.applianceMode ? "on" : "off",
    listText(tables.filter((r) => r.associations.includes(a.id)).map((r) => r.label)),
    listText(tables.filter((r) => r.propagations.includes(a.id)).map((r) => r.label)),
  ]);
  // TGW-04/TGW-05: which route table an attachment is associated with and which it propagates to are stated,
  // "none" included, so an unassociated attachment is shown rather than inferred from the tables' captions.
  const columns = [
    "Attachment",
    "Transit gateway",
    "Type",
    "Resource",
    "Subnets",
    "State",
    "Appliance mode",
    "Associated route table",
    "Propagates to",
  ];
  const kept = dropDefaultColumns(columns, rows, {
    Subnets: "",
    State: "available",
    "Appliance mode": "off",
  });
  return {
    kind: "transit-gateway-attachments",
    caption: "Transit gateway attachments",
    columns: kept.columns,
    rows: kept.rows,
  };
}

/** TGW-03: the default route table also takes the attachments that no table lists, while defaults are on. */
function associationsAndPropagations(
  t: T.Topology,
  rtb: T.TransitGatewayRouteTable,
): { associations: readonly string[]; propagations: readonly string[] } {
  const tgw = t.transitGateways.find((g) => g.id === rtb.transitGatewayId);
  if (!tgw || tgw.defaultRouteTableId !== rtb.id)
    return { associations: rtb.associations, propagations: rtb.propagations };
  const mine = t.transitGatewayAttachments
    .filter((a) => a.transitGatewayId === tgw.id && a.type !== "peering")
    .map((a) => a.id);
  const associated = new Set(t.transitGatewayRouteTables.flatMap((r) => r.associations));
  const propagating = new Set(t.transitGatewayRouteTables.flatMap((r) => r.propagations));
  return {
    associations: [
      ...rtb.associations,
      ...(tgw.defaultRouteTableAssociation !== false ? mine.filter((id) => !associated.has(id)) : []),
    ],
    propagations: [
      ...rtb.propagations,
      ...(tgw.defaultRouteTablePropagation !== false ? mine.filter((id) => !propagating.has(id)) : []),
    ],
  };
}

/** TGW-05: the prefixes an attachment propagates (none while it or its VPN is down). */
function propagatedPrefixes(t: T.Topology, a: T.TransitGatewayAttachment): string[] {
  if (a.state !== "available") return [];
  if (a.type === "vpc") {
    const vpc = t.vpcs.find((v) => v.id === a.vpcId);
    return vpc ? [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks] : [];
  }
  if (a.type === "vpn") {
    const vpn = t.vpnConnections.find((v) => v.id === a.vpnConnectionId);
    return vpn && isVpnUp(vpn) ? vpnPrefixes(t, vpn).map((c) => c.text) : [];
  }
  if (a.type === "direct-connect-gateway") {
    return t.onPremisesNetworks
      .filter(
        (n) =>
          a.directConnectGatewayId !== undefined &&
          n.directConnectGatewayIds.includes(a.directConnectGatewayId),
      )
      .flatMap((n) => n.cidrBlocks);
  }
  return []; // TGW-12: peering attachments take static routes only
}

function attachmentLabel(t: T.Topology, id: string): string {
  const a = t.transitGatewayAttachments.find((x) => x.id === id);
  return a ? `${id} (${attachmentResource(t, a)})` : id;
}

function tgwRouteTableTable(t: T.Topology, rtb: T.TransitGatewayRouteTable): ExhibitTable {
  const { associations, propagations } = associationsAndPropagations(t, rtb);
  const rows: string[][] = rtb.routes.map((r) => [
    r.destination,
    r.blackhole || r.attachmentId === undefined ? "blackhole" : attachmentLabel(t, r.attachmentId),
    "static",
  ]);
  for (const id of propagations) {
    const a = t.transitGatewayAttachments.find((x) => x.id === id);
    if (a)
      for (const cidr of propagatedPrefixes(t, a)) rows.push([cidr, attachmentLabel(t, id), "propagated"]);
  }
  const caption =
    `Transit gateway route table ${labelOf(rtb.id, rtb.name)} — ${rtb.transitGatewayId}; ` +
    `associated attachments: ${listText(associations.map((id) => attachmentLabel(t, id)))}; ` +
    `propagating attachments: ${listText(propagations.map((id) => attachmentLabel(t, id)))}`;
  if (rows.length === 0) rows.push(["no routes", "", ""]);
  return {
    kind: "transit-gateway-route-table",
    caption,
    columns: ["Destination", "Target", "Route type"],
    rows,
  };
}

function vpnTable(t: T.Topology): ExhibitTable {
  const rows = t.vpnConnections.map((v) => [
    v.id,
    v.name ?? "",
    v.customerGatewayId,
    v.vpnGatewayId ?? v.transitGatewayId ?? "—",
    v.routing === "bgp" ? "dynamic (BGP)" : "static",
    v.routing === "static" ? listText(v.staticRoutes) : "",
    v.tunnels.map((x, i) => `tunnel ${i + 1} ${x.status}`).join(", "),
    v.state,
  ]);
  const columns = [
    "VPN connection",
    "Name",
    "Customer gateway",
    "Gateway",
    "Routing",
    "Static routes",
    "Tunnels",
    "State",
  ];
  const kept = dropDefaultColumns(columns, rows, { Name: "", "Static routes": "", State: "available" });
  return { kind: "vpn", caption: "Site-to-Site VPN connections", columns: kept.columns, rows: kept.rows };
}

function onPremisesTable(t: T.Topology): ExhibitTable {
  const rows = t.onPremisesNetworks.map((n) => [
    n.name ?? n.id,
    listText(n.cidrBlocks),
    listText([...n.customerGatewayIds, ...n.directConnectGatewayIds]),
  ]);
  return {
    kind: "on-premises",
    caption: "On-premises networks",
    columns: ["Network", "CIDR", "Connected through"],
    rows,
  };
}

function endpointTable(t: T.Topology): ExhibitTable {
  const rows: string[][] = [];
  for (const e of t.gatewayEndpoints) {
    const region = e.region ?? t.vpcs.find((v) => v.id === e.vpcId)?.region ?? t.region;
    const details = `route tables: ${listText(e.routeTableIds)}; endpoint policy: ${e.policy === "allow-all" ? "allow all (full access)" : "deny all"}`;
    rows.push([
      e.id,
      e.name ?? "",
      "Gateway",
      vpcLabel(t, e.vpcId),
      `com.amazonaws.${region}.${e.service}`,
      details,
    ]);
  }
  for (const e of t.interfaceEndpoints) {
    const enis = e.networkInterfaces.map((n) => `${n.id} ${n.privateIp} in ${subnetLabel(t, n.subnetId)}`);
    const details = [
      `network interfaces: ${listText(enis)}`,
      `security groups: ${listText(e.securityGroupIds)}`,
      `private DNS: ${e.privateDnsEnabled ? "on" : "off"}`,
    ];
    if (e.state !== "available") details.push(`state ${e.state}`);
    rows.push([e.id, e.name ?? "", "Interface", vpcLabel(t, e.vpcId), e.serviceName, details.join("; ")]);
  }
  for (const s of t.endpointServices) {
    const details = [
      `load balancers: ${listText(s.networkLoadBalancerArns)}`,
      `acceptance required: ${s.acceptanceRequired ? "yes" : "no"}`,
      `allowed principals: ${listText(s.allowedPrincipals)}`,
    ];
    rows.push([
      s.id,
      s.name ?? "",
      "Endpoint service",
      s.vpcId !== undefined ? vpcLabel(t, s.vpcId) : "—",
      s.serviceName,
      details.join("; "),
    ]);
  }
  const kept = dropDefaultColumns(["Endpoint", "Name", "Type", "VPC", "Service", "Settings"], rows, {
    Name: "",
  });
  return {
    kind: "endpoints",
    caption: "VPC endpoints and endpoint services",
    columns: kept.columns,
    rows: kept.rows,
  };
}

function prefixListTable(t: T.Topology): ExhibitTable {
  const rows = t.prefixLists.map((p) => [p.id, p.name ?? "", listText(p.cidrBlocks)]);
  const kept = dropDefaultColumns(["Prefix list", "Name", "CIDRs"], rows, { Name: "" });
  // The model needs only which addresses belong to a service's list, so generated AWS-managed lists carry the
  // same illustrative ranges in every Region; the caption says so rather than pass them off as that Region's.
  const managed = t.prefixLists.some((p) => p.name?.startsWith("com.amazonaws.") === true);
  const caption = managed
    ? "Prefix lists (the CIDRs of AWS-managed lists are examples; AWS publishes each Region's current ranges in ip-ranges.json)"
    : "Prefix lists";
  return { kind: "prefix-lists", caption, columns: kept.columns, rows: kept.rows };
}
