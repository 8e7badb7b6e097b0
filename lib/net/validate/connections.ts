// Gateways, peerings, transit gateways, VPN, endpoints, on-premises networks and services.
import { cidrsOverlap } from "../cidr";
import type { ValidationContext } from "./context";
import { advertisedVpcCidrs } from "../on-premises";
import { isVpnUp, stalePropagatedRoutes } from "../vpn-links";

const ACTIVE_LIKE = new Set(["initiating-request", "pending-acceptance", "provisioning", "active"]);

/** Internet, egress-only and virtual private gateways: their VPC exists. */
export function checkGateways(v: ValidationContext): void {
  v.topology.internetGateways.forEach((g, i) => v.ref(`internetGateways[${i}].vpcId`, g.vpcId, "VPC"));
  v.topology.egressOnlyInternetGateways.forEach((g, i) =>
    v.ref(`egressOnlyInternetGateways[${i}].vpcId`, g.vpcId, "VPC"),
  );
  v.topology.vpnGateways.forEach((g, i) => v.ref(`vpnGateways[${i}].vpcId`, g.vpcId, "VPC"));
}

/** PCX-03 overlap (any IPv4 or IPv6 block), PCX-04 one per VPC pair. */
export function checkPeerings(v: ValidationContext): void {
  // Peering: PCX-03 overlap (any IPv4 or IPv6 block), PCX-04 one per VPC pair.
  const pairs = new Map<string, string>();
  v.topology.peeringConnections.forEach((p, i) => {
    // PCX-05: AWS omits a VPC's CIDRs unless the peering is active (VpcPeeringConnection API reference), so another account's VPC behind a
    // pending, failed, rejected, expired or deleted peering is unknown to the snapshot; that peering carries
    // nothing (its routes are blackholes), so the unknown VPC is not an error.
    if (p.status === "active") {
      v.ref(`peeringConnections[${i}].requesterVpcId`, p.requesterVpcId, "VPC");
      v.ref(`peeringConnections[${i}].accepterVpcId`, p.accepterVpcId, "VPC");
    }
    if (p.requesterVpcId === p.accepterVpcId)
      v.add(
        "RCH_PEERING_SAME_VPC",
        `peeringConnections[${i}]`,
        `Peering connection ${p.id} connects VPC ${p.requesterVpcId} with itself.`,
        ["PCX-01"],
      );
    const a = v.vpcCidrs(p.requesterVpcId);
    const b = v.vpcCidrs(p.accepterVpcId);
    const clash = a.flatMap((x) => b.filter((y) => cidrsOverlap(x, y)).map((y) => `${x.text} / ${y.text}`));
    if (clash.length > 0 && p.requesterVpcId !== p.accepterVpcId) {
      // A request between overlapping VPCs fails at once and stays listed as `failed` (PCX-03, PCX-06): ordinary
      // AWS output that carries nothing. Only a peering that claims to be on its way or active is impossible.
      const listed = !ACTIVE_LIKE.has(p.status);
      v.add(
        "RCH_PEERING_CIDR_OVERLAP",
        `peeringConnections[${i}]`,
        listed
          ? `VPCs ${p.requesterVpcId} and ${p.accepterVpcId} have overlapping CIDR blocks (${clash.join(", ")}), which is why peering connection ${p.id} is ${p.status}; it carries no traffic.`
          : `VPCs ${p.requesterVpcId} and ${p.accepterVpcId} have overlapping CIDR blocks (${clash.join(", ")}), so AWS refuses the peering; it fails even if only a secondary block overlaps.`,
        ["PCX-03"],
        listed ? "warning" : "error",
      );
    }
    if (!ACTIVE_LIKE.has(p.status)) return;
    const key = [p.requesterVpcId, p.accepterVpcId].sort().join("|");
    const prior = pairs.get(key);
    if (prior !== undefined)
      v.add(
        "RCH_DUPLICATE_PEERING",
        `peeringConnections[${i}]`,
        `VPCs ${p.requesterVpcId} and ${p.accepterVpcId} already have peering connection ${prior}; only one is allowed at a time.`,
        ["PCX-04"],
      );
    else pairs.set(key, p.id);
  });
}

/** References, and one subnet per Availability Zone (TGW-09). */
export function checkTransitGatewayAttachments(v: ValidationContext): void {
  v.topology.transitGatewayAttachments.forEach((a, i) => {
    v.ref(`transitGatewayAttachments[${i}].transitGatewayId`, a.transitGatewayId, "Transit gateway");
    v.ref(`transitGatewayAttachments[${i}].vpcId`, a.vpcId, "VPC");
    const azs = new Set<string>();
    a.subnetIds.forEach((s, j) => {
      v.ref(`transitGatewayAttachments[${i}].subnetIds[${j}]`, s, "Subnet");
      const az = v.subnetById.get(s)?.availabilityZone;
      if (az !== undefined && azs.has(az))
        v.add(
          "RCH_ATTACHMENT_AZ_DUPLICATE",
          `transitGatewayAttachments[${i}].subnetIds[${j}]`,
          `Attachment ${a.id} may have only one subnet per Availability Zone (${az}).`,
          ["TGW-09"],
        );
      if (az !== undefined) azs.add(az);
    });
  });
}

/** References, and one associated route table per attachment (TGW-04). */
export function checkTransitGatewayRouteTables(v: ValidationContext): void {
  v.topology.transitGatewayRouteTables.forEach((t, i) => {
    v.ref(`transitGatewayRouteTables[${i}].transitGatewayId`, t.transitGatewayId, "Transit gateway");
    t.associations.forEach((a, j) =>
      v.ref(`transitGatewayRouteTables[${i}].associations[${j}]`, a, "Attachment"),
    );
    t.propagations.forEach((a, j) =>
      v.ref(`transitGatewayRouteTables[${i}].propagations[${j}]`, a, "Attachment"),
    );
    t.routes.forEach((r, j) =>
      v.ref(`transitGatewayRouteTables[${i}].routes[${j}].attachmentId`, r.attachmentId, "Attachment"),
    );
  });
  const associated = new Map<string, string>();
  v.topology.transitGatewayRouteTables.forEach((t, i) =>
    t.associations.forEach((a, j) => {
      const prior = associated.get(a);
      if (prior !== undefined)
        v.add(
          "RCH_ATTACHMENT_MULTIPLE_ASSOCIATIONS",
          `transitGatewayRouteTables[${i}].associations[${j}]`,
          `Attachment ${a} is already associated with ${prior}; an attachment has exactly one associated route table.`,
          ["TGW-04"],
        );
      else associated.set(a, t.id);
    }),
  );
}

/** References of each VPN connection. */
export function checkVpnConnections(v: ValidationContext): void {
  v.topology.vpnConnections.forEach((vpn, i) => {
    v.ref(`vpnConnections[${i}].customerGatewayId`, vpn.customerGatewayId, "Customer gateway");
    v.ref(`vpnConnections[${i}].vpnGatewayId`, vpn.vpnGatewayId, "Virtual private gateway");
    v.ref(`vpnConnections[${i}].transitGatewayId`, vpn.transitGatewayId, "Transit gateway");
    // VPN-05: nothing propagates from a VPN that is down; a propagated route still listed is from an older snapshot.
    if (isVpnUp(vpn)) return;
    for (const r of stalePropagatedRoutes(v.topology, vpn) ?? [])
      v.add(
        "RCH_STALE_PROPAGATED_ROUTE",
        `vpnConnections[${i}]`,
        `VPN connection ${vpn.id} has no tunnel UP, yet route table ${r.table.id} lists ${r.destination} as propagated from ${vpn.vpnGatewayId ?? "?"}: routes propagate from a VPN only while it is up, so the output looks stale (described at different times).`,
        ["VPN-05"],
        "warning",
      );
  });
}

/** References of each gateway endpoint. */
export function checkGatewayEndpoints(v: ValidationContext): void {
  v.topology.gatewayEndpoints.forEach((e, i) => {
    v.ref(`gatewayEndpoints[${i}].vpcId`, e.vpcId, "VPC");
    e.routeTableIds.forEach((r, j) => v.ref(`gatewayEndpoints[${i}].routeTableIds[${j}]`, r, "Route table"));
  });
}

/** Interfaces of each interface endpoint: at most one per Availability Zone (IFE-01). */
export function checkInterfaceEndpoints(v: ValidationContext): void {
  v.topology.interfaceEndpoints.forEach((e, i) => {
    v.ref(`interfaceEndpoints[${i}].vpcId`, e.vpcId, "VPC");
    const azs = new Set<string>();
    e.networkInterfaces.forEach((n, j) => {
      v.checkInterface(
        `interfaceEndpoints[${i}].networkInterfaces[${j}]`,
        n.subnetId,
        n.privateIp,
        [],
        `Interface endpoint ${e.id}`,
      );
      const az = v.subnetById.get(n.subnetId)?.availabilityZone;
      if (az !== undefined && azs.has(az))
        v.add(
          "RCH_ENDPOINT_AZ_DUPLICATE",
          `interfaceEndpoints[${i}].networkInterfaces[${j}]`,
          `Interface endpoint ${e.id} may have at most one subnet per Availability Zone.`,
          ["IFE-01"],
        );
      if (az !== undefined) azs.add(az);
    });
    e.securityGroupIds.forEach((g, j) =>
      v.ref(`interfaceEndpoints[${i}].securityGroupIds[${j}]`, g, "Security group"),
    );
    privateDnsWithoutVpcDns(v, i);
  });
}

/**
 * IFE-03: private DNS for an interface endpoint takes the VPC's enableDnsSupport and enableDnsHostnames both
 * on (CreateVpcEndpoint refuses it otherwise). Turned off later, the endpoint keeps privateDnsEnabled but the
 * private hosted zone is not in effect: the service's name resolves to its public addresses (or, without DNS
 * support, not through the Amazon DNS server at all), which is what analyze does.
 */
function privateDnsWithoutVpcDns(v: ValidationContext, i: number): void {
  const e = v.topology.interfaceEndpoints[i];
  const vpc = e === undefined ? undefined : v.vpcById.get(e.vpcId);
  if (e === undefined || vpc === undefined || !e.privateDnsEnabled) return;
  const off = [
    vpc.enableDnsSupport ? [] : ["enableDnsSupport"],
    vpc.enableDnsHostnames ? [] : ["enableDnsHostnames"],
  ].flat();
  if (off.length === 0) return;
  v.add(
    "RCH_ENDPOINT_PRIVATE_DNS_INERT",
    `interfaceEndpoints[${i}].privateDnsEnabled`,
    `Interface endpoint ${e.id} has private DNS enabled, but VPC ${vpc.id} has ${off.join(" and ")} off; AWS needs both on for private DNS, so ${e.serviceName}'s default name does not resolve to the endpoint there: ${vpc.enableDnsSupport ? "it resolves to the service's public addresses instead" : "without DNS support the Amazon DNS server does not resolve it at all"}.`,
    ["IFE-03"],
    "warning",
  );
}

/**
 * DX-04: a virtual private gateway association whose allowed prefixes are neither the same as nor wider than any CIDR
 * of the VPC advertises nothing to on-premises. AWS accepts it (the list is only a filter), but "you do not receive any
 * route" (Direct Connect User Guide, "Allowed prefixes interactions": 10.0.0.0/24 on a 10.0.0.0/16 VPC), so every
 * connection from on-premises and every reply to it fails. A transit gateway association advertises its prefixes as
 * they are, so it has no such trap.
 */
export function checkDirectConnectGateways(v: ValidationContext): void {
  v.topology.directConnectGateways.forEach((dx, i) =>
    dx.associations.forEach((a, j) => {
      if (a.allowedPrefixes.length === 0) return;
      const vpcId = v.topology.vpnGateways.find((g) => g.id === a.gatewayId)?.vpcId;
      const vpc = vpcId !== undefined ? v.vpcById.get(vpcId) : undefined;
      if (!vpc || vpc.cidrBlocks.length === 0) return;
      if (advertisedVpcCidrs(a.allowedPrefixes, vpc.cidrBlocks).length > 0) return;
      const name = dx.name !== undefined ? `${dx.name} (${dx.id})` : dx.id;
      v.add(
        "RCH_DX_PREFIXES_ADVERTISE_NOTHING",
        `directConnectGateways[${i}].associations[${j}].allowedPrefixes[0]`,
        `The allowed prefixes of Direct Connect gateway ${name} for ${a.gatewayId} (${a.allowedPrefixes.join(", ")}) are not the same as or wider than any CIDR of VPC ${vpc.id} (${vpc.cidrBlocks.join(", ")}): on a virtual private gateway association they only filter the VPC's CIDR, so nothing is advertised and on-premises has no route to the VPC. Set them to the VPC's CIDR or a wider range.`,
        ["DX-04"],
        "warning",
      );
    }),
  );
}

/** References of each on-premises network. */
export function checkOnPremisesNetworks(v: ValidationContext): void {
  v.topology.onPremisesNetworks.forEach((n, i) => {
    n.customerGatewayIds.forEach((c, j) =>
      v.ref(`onPremisesNetworks[${i}].customerGatewayIds[${j}]`, c, "Customer gateway"),
    );
    n.directConnectGatewayIds.forEach((c, j) =>
      v.ref(`onPremisesNetworks[${i}].directConnectGatewayIds[${j}]`, c, "Direct Connect gateway"),
    );
  });
}

/** References of each AWS service. */
export function checkServices(v: ValidationContext): void {
  v.topology.services.forEach((s, i) => v.ref(`services[${i}].prefixListId`, s.prefixListId, "Prefix list"));
}
