// describeTopology builds its text with loops; the reference below is the map/join version it replaced
// (stored questions embed this text in their stems, so it must not change by a byte).
import { describe, expect, it } from "vitest";
import type * as T from "../../lib/net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../../lib/net/flow-logs";
import { describeTopology } from "../../lib/scenario/describe-topology";
import { FAMILIES } from "../../lib/scenario/registry";

function vpcName(t: T.Topology, id: string | undefined): string {
  return t.vpcs.find((v) => v.id === id)?.name ?? id ?? "?";
}
function attachmentName(t: T.Topology, id: string): string {
  const a = t.transitGatewayAttachments.find((x) => x.id === id);
  if (!a) return id;
  return a.type === "vpc"
    ? `${id} (${vpcName(t, a.vpcId)})`
    : `${id} (${a.type} ${a.vpnConnectionId ?? a.directConnectGatewayId ?? ""})`.replace(" )", ")");
}
const attachmentList = (t: T.Topology, ids: readonly string[]): string =>
  ids.map((id) => attachmentName(t, id)).join(", ") || "none";
const naclRuleText = (r: T.NaclRule): string =>
  `${r.ruleNumber} ${r.action} ${r.protocol}${r.fromPort !== undefined ? ` ${r.fromPort}-${r.toPort ?? r.fromPort}` : ""} ${r.cidrBlock}`;

function reference(t: T.Topology): string {
  const lines: string[] = [];
  lines.push(
    `VPCs: ${t.vpcs.map((v) => `${v.name ?? v.id} ${v.cidrBlocks.length > 1 ? v.cidrBlocks.map((c, k) => `${c} (${k === 0 ? "primary" : "secondary"})`).join(", ") : v.cidrBlocks.join(", ")}${t.vpcs.some((x) => x.region !== undefined && x.region !== t.region) ? ` (${v.region ?? t.region})` : ""}`).join("; ")}.`,
  );
  for (const p of t.peeringConnections) {
    const days =
      p.createdAt !== undefined ? Math.floor((DEFAULT_FLOW_LOG_NOW - p.createdAt) / 86400) : undefined;
    // aws-rules PCX-06: a request left pending for more than 7 days has expired; show the state AWS would show.
    const expired = p.status === "pending-acceptance" && days !== undefined && days >= 7;
    const age =
      days !== undefined ? `, requested ${days} days ago${expired ? " and never accepted" : ""}` : "";
    lines.push(
      `Peering ${p.id}: ${vpcName(t, p.requesterVpcId)} ↔ ${vpcName(t, p.accepterVpcId)} (${expired ? "expired" : p.status}${age}).`,
    );
  }
  for (const tgw of t.transitGateways) {
    const attached = t.transitGatewayAttachments
      .filter((a) => a.transitGatewayId === tgw.id && a.type === "vpc")
      .map((a) => vpcName(t, a.vpcId));
    lines.push(
      `Transit gateway ${tgw.name ?? tgw.id} with VPC attachments: ${attached.join(", ") || "none"}.`,
    );
  }
  for (const rtb of t.transitGatewayRouteTables) {
    const statics = rtb.routes
      .map(
        (r) => `${r.destination} → ${r.blackhole ? "blackhole" : attachmentName(t, r.attachmentId ?? "?")}`,
      )
      .join(", ");
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
    const pl = t.services.find((s) => s.service === ep.service && s.region === ep.region)?.prefixListId;
    const tables = ep.routeTableIds.map((id) => t.routeTables.find((r) => r.id === id)?.name ?? id);
    const routes =
      pl !== undefined && tables.length > 0 ? `; route ${pl} → ${ep.id} in ${tables.join(", ")}` : "";
    lines.push(
      `Gateway endpoint ${ep.id} for ${ep.service} in ${vpcName(t, ep.vpcId)} (policy ${ep.policy}${routes}).`,
    );
  }
  for (const i of t.instances)
    if (i.publicIp !== undefined) lines.push(`${i.name ?? i.id} has public IP ${i.publicIp}.`);
  for (const sg of t.securityGroups) {
    const rules = sg.inbound.map(
      (r) =>
        `${r.protocol}${r.fromPort !== undefined ? `/${r.fromPort}` : ""} from ${r.cidrBlock ?? r.securityGroupId ?? r.prefixListId ?? "?"}`,
    );
    const outbound =
      sg.outbound === undefined
        ? "all (default)"
        : sg.outbound
            .map(
              (r) =>
                `${r.protocol}${r.fromPort !== undefined ? `/${r.fromPort}` : ""} to ${r.cidrBlock ?? r.securityGroupId ?? r.prefixListId ?? "?"}`,
            )
            .join(", ") || "none";
    lines.push(
      `Security group ${sg.name ?? sg.id} (${sg.id}) inbound: ${rules.join(", ") || "none"}; outbound: ${outbound}.`,
    );
  }
  for (const acl of t.networkAcls) {
    lines.push(
      `Network ACL ${acl.name ?? acl.id} inbound: ${acl.inbound.map(naclRuleText).join("; ") || "none"} (then * deny); outbound: ${acl.outbound.map(naclRuleText).join("; ") || "none"} (then * deny).`,
    );
  }
  for (const vgw of t.vpnGateways)
    lines.push(
      `Virtual private gateway ${vgw.name ?? vgw.id} (ASN ${vgw.asn}) attached to ${vpcName(t, vgw.vpcId)}.`,
    );
  for (const vpn of t.vpnConnections) {
    lines.push(
      `VPN ${vpn.name ?? vpn.id} (${vpn.routing} routing, static routes ${vpn.staticRoutes.join(", ") || "none"}): ${vpn.tunnels.map((x, i) => `tunnel ${i + 1} ${x.status}`).join(", ")}.`,
    );
  }
  for (const rt of t.routeTables) {
    if (rt.propagatingGatewayIds.length > 0)
      lines.push(
        `Route table ${rt.name ?? rt.id} has route propagation from ${rt.propagatingGatewayIds.join(", ")}.`,
      );
    if (rt.routes.length === 0) continue;
    lines.push(
      `Route table ${rt.name ?? rt.id}: ${rt.routes.map((r) => `${r.destination ?? r.destinationPrefixListId ?? "?"} → ${r.target}`).join(", ")}.`,
    );
  }
  return lines.join(" ");
}

/** Edge cases generators rarely or never produce: empty names and ids, blackholes, empty rule lists. */
function oddly(t: T.Topology): T.Topology {
  // An unnamed first VPC and an unknown "" attachment make empty first list items.
  return {
    ...t,
    vpcs: t.vpcs.map((v, i) => (i === 0 ? { ...v, name: "" } : v)),
    transitGatewayRouteTables: t.transitGatewayRouteTables.map((r) => ({
      ...r,
      associations: ["", ...r.associations],
      routes: [...r.routes, { destination: "0.0.0.0/0", blackhole: true }],
    })),
    securityGroups: t.securityGroups.map((g, i) => (i === 0 ? { ...g, inbound: [], outbound: [] } : g)),
  };
}

describe("describeTopology", () => {
  it("writes the same text as the map/join version for every model family's topologies, and odd ones", () => {
    let compared = 0;
    for (const family of FAMILIES.filter((f) => f.usesModel)) {
      for (let seed = 0; seed < 40; seed += 1) {
        const topology = family.generate(
          seed,
          family.difficulties[seed % family.difficulties.length] ?? 1,
        ).topology;
        if (!topology) continue;
        expect(describeTopology(topology)).toBe(reference(topology));
        expect(describeTopology(oddly(topology))).toBe(reference(oddly(topology)));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(200);
  }, 60_000);
});
