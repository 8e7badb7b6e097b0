// One-paragraph text of a generated topology for stems and printable quizzes (the JSON carries the full
// topology for diagrams). Lists VPCs, peerings with their status, transit gateways and their route tables.
import type * as T from "../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../net/flow-logs";

// Helpers are module functions taking the topology, not closures: under tsx each named closure costs ~0.5 µs
// to create, and this runs once per question. Lists are joined by loops rather than map().join(): the text
// is ~4 % of a can-a-reach-c question, and every intermediate array showed up in its profile.
function vpcName(t: T.Topology, id: string | undefined): string {
  for (const v of t.vpcs) if (v.id === id) return v.name ?? v.id;
  return id ?? "?";
}

function attachmentName(t: T.Topology, id: string): string {
  let a: T.TransitGatewayAttachment | undefined;
  for (const x of t.transitGatewayAttachments) {
    if (x.id === id) {
      a = x;
      break;
    }
  }
  if (!a) return id;
  return a.type === "vpc"
    ? `${id} (${vpcName(t, a.vpcId)})`
    : `${id} (${a.type} ${a.vpnConnectionId ?? a.directConnectGatewayId ?? ""})`.replace(" )", ")");
}

function attachmentList(t: T.Topology, ids: readonly string[]): string {
  let text = "";
  for (let i = 0; i < ids.length; i += 1)
    text = i === 0 ? attachmentName(t, ids[i] as string) : `${text}, ${attachmentName(t, ids[i] as string)}`;
  return text || "none";
}

function naclRuleText(r: T.NaclRule): string {
  return `${r.ruleNumber} ${r.action} ${r.protocol}${r.fromPort !== undefined ? ` ${r.fromPort}-${r.toPort ?? r.fromPort}` : ""} ${r.cidrBlock}`;
}

function naclRulesText(rules: readonly T.NaclRule[]): string {
  let text = "";
  for (let i = 0; i < rules.length; i += 1)
    text =
      i === 0 ? naclRuleText(rules[i] as T.NaclRule) : `${text}; ${naclRuleText(rules[i] as T.NaclRule)}`;
  return text || "none";
}

function sgRulesText(rules: readonly T.SgRule[], direction: "from" | "to"): string {
  let text = "";
  for (let i = 0; i < rules.length; i += 1) {
    const r = rules[i] as T.SgRule;
    const rule = `${r.protocol}${r.fromPort !== undefined ? `/${r.fromPort}` : ""} ${direction} ${r.cidrBlock ?? r.securityGroupId ?? r.prefixListId ?? "?"}`;
    text = i === 0 ? rule : `${text}, ${rule}`;
  }
  return text || "none";
}

/**
 * "full" states every rule list and state (difficulty 1, where the prose may carry the facts); "structure" names
 * only what exists and what it connects, leaving rule lists, routes and states to the exhibit: at difficulty 2
 * and 3 the prose repeating "inbound: none" or "(pending-acceptance)" would hand over the answer.
 */
export type DescribeDetail = "full" | "structure";

export function describeTopology(t: T.Topology, detail: DescribeDetail = "full"): string {
  const full = detail === "full";
  const lines: string[] = [];
  let vpcs = "";
  // One VPC in another Region: name every VPC's Region, else "a (r1); b" reads as if both were in r1.
  let crossRegion = false;
  for (const v of t.vpcs) if (v.region !== undefined && v.region !== t.region) crossRegion = true;
  for (let i = 0; i < t.vpcs.length; i += 1) {
    const v = t.vpcs[i] as T.Vpc;
    const blocks =
      v.cidrBlocks.length > 1
        ? v.cidrBlocks.map((cidr, k) => `${cidr} (${k === 0 ? "primary" : "secondary"})`).join(", ")
        : v.cidrBlocks.join(", ");
    const vpc = `${v.name ?? v.id} ${blocks}${crossRegion ? ` (${v.region ?? t.region})` : ""}`;
    vpcs = i === 0 ? vpc : `${vpcs}; ${vpc}`;
  }
  lines.push(`VPCs: ${vpcs}.`);
  for (const p of t.peeringConnections) {
    // The model's default clock is DEFAULT_FLOW_LOG_NOW; ages are stated relative to it.
    const days =
      p.createdAt !== undefined ? Math.floor((DEFAULT_FLOW_LOG_NOW - p.createdAt) / 86400) : undefined;
    // aws-rules PCX-06: a request left pending for more than 7 days has expired; show the state AWS would show.
    const expired = p.status === "pending-acceptance" && days !== undefined && days >= 7;
    const age =
      days !== undefined ? `, requested ${days} days ago${expired ? " and never accepted" : ""}` : "";
    const state = full ? ` (${expired ? "expired" : p.status}${age})` : "";
    lines.push(`Peering ${p.id}: ${vpcName(t, p.requesterVpcId)} ↔ ${vpcName(t, p.accepterVpcId)}${state}.`);
  }
  for (const tgw of t.transitGateways) {
    let attached = "";
    let count = 0;
    for (const a of t.transitGatewayAttachments) {
      if (a.transitGatewayId !== tgw.id || a.type !== "vpc") continue;
      attached = count === 0 ? vpcName(t, a.vpcId) : `${attached}, ${vpcName(t, a.vpcId)}`;
      count += 1;
    }
    lines.push(`Transit gateway ${tgw.name ?? tgw.id} with VPC attachments: ${attached || "none"}.`);
  }
  // Associations, propagations and static routes decide TGW verdicts (rules TGW-04, TGW-05, TGW-07).
  for (const rtb of full ? t.transitGatewayRouteTables : []) {
    let statics = "";
    for (let i = 0; i < rtb.routes.length; i += 1) {
      const r = rtb.routes[i] as T.TransitGatewayRoute;
      const route = `${r.destination} → ${r.blackhole ? "blackhole" : attachmentName(t, r.attachmentId ?? "?")}`;
      statics = i === 0 ? route : `${statics}, ${route}`;
    }
    lines.push(
      `TGW route table ${rtb.name ?? rtb.id}: associated ${attachmentList(t, rtb.associations)}; propagating ${attachmentList(t, rtb.propagations)}${statics ? `; static routes ${statics}` : ""}.`,
    );
  }
  for (const igw of t.internetGateways)
    lines.push(`Internet gateway ${igw.name ?? igw.id} (${igw.id}) attached to ${vpcName(t, igw.vpcId)}.`);
  for (const nat of t.natGateways) {
    const subnet = t.subnets.find((s) => s.id === nat.subnetId);
    lines.push(
      `NAT gateway ${nat.id} in subnet ${subnet?.name ?? nat.subnetId} of ${vpcName(t, subnet?.vpcId)}.`,
    );
  }
  for (const ep of t.gatewayEndpoints) {
    // The endpoint is used only through the prefix-list route AWS adds to each associated table (GWE-02).
    const pl = t.services.find((s) => s.service === ep.service && s.region === ep.region)?.prefixListId;
    const tables = ep.routeTableIds.map((id) => t.routeTables.find((r) => r.id === id)?.name ?? id);
    const routes =
      pl !== undefined && tables.length > 0 ? `; route ${pl} → ${ep.id} in ${tables.join(", ")}` : "";
    lines.push(
      `Gateway endpoint ${ep.id} for ${ep.service} in ${vpcName(t, ep.vpcId)}${full ? ` (policy ${ep.policy}${routes})` : ""}.`,
    );
  }
  if (!full) {
    for (const vgw of t.vpnGateways)
      lines.push(`Virtual private gateway ${vgw.name ?? vgw.id} attached to ${vpcName(t, vgw.vpcId)}.`);
    for (const vpn of t.vpnConnections)
      lines.push(`Site-to-Site VPN ${vpn.name ?? vpn.id} (${vpn.routing} routing).`);
    return lines.join(" ");
  }
  for (const i of t.instances)
    if (i.publicIp !== undefined) lines.push(`${i.name ?? i.id} has public IP ${i.publicIp}.`);
  for (const sg of t.securityGroups) {
    const outbound = sg.outbound === undefined ? "all (default)" : sgRulesText(sg.outbound, "to");
    lines.push(
      `Security group ${sg.name ?? sg.id} (${sg.id}) inbound: ${sgRulesText(sg.inbound, "from")}; outbound: ${outbound}.`,
    );
  }
  for (const acl of t.networkAcls) {
    lines.push(
      `Network ACL ${acl.name ?? acl.id} inbound: ${naclRulesText(acl.inbound)} (then * deny); outbound: ${naclRulesText(acl.outbound)} (then * deny).`,
    );
  }
  for (const vgw of t.vpnGateways)
    lines.push(
      `Virtual private gateway ${vgw.name ?? vgw.id} (ASN ${vgw.asn}) attached to ${vpcName(t, vgw.vpcId)}.`,
    );
  for (const vpn of t.vpnConnections) {
    lines.push(
      `VPN ${vpn.name ?? vpn.id} (${vpn.routing} routing, static routes ${vpn.staticRoutes.join(", ") || "none"}): ${vpn.tunnels.map((x, i) => `tunnel ${String(i + 1)} ${x.status}`).join(", ")}.`,
    );
  }
  for (const rt of t.routeTables) {
    if (rt.propagatingGatewayIds.length > 0)
      lines.push(
        `Route table ${rt.name ?? rt.id} has route propagation from ${rt.propagatingGatewayIds.join(", ")}.`,
      );
    if (rt.routes.length === 0) continue;
    let routes = "";
    for (let i = 0; i < rt.routes.length; i += 1) {
      const r = rt.routes[i] as T.Route;
      const route = `${r.destination ?? r.destinationPrefixListId ?? "?"} → ${r.target}`;
      routes = i === 0 ? route : `${routes}, ${route}`;
    }
    lines.push(`Route table ${rt.name ?? rt.id}: ${routes}.`);
  }
  return lines.join(" ");
}
