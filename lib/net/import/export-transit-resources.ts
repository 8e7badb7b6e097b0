import { type ExportContext, ownerField } from "./export-context";
import { tagsFromName } from "./aws-values";

// Topology -> transit gateway and site-to-site VPN describe-* outputs.

export function exportTransitGateways(ctx: ExportContext): void {
  const { topology } = ctx;
  const tgwRegion = (tgwId: string | undefined) =>
    topology.transitGateways.find((t) => t.id === tgwId)?.region ?? topology.region;
  for (const tgw of topology.transitGateways) {
    ctx.push(tgwRegion(tgw.id), "describe-transit-gateways", "TransitGateways", {
      TransitGatewayId: tgw.id,
      State: tgw.state,
      Options: { AmazonSideAsn: tgw.asn },
      Tags: tagsFromName(tgw.name),
    });
  }
  for (const a of topology.transitGatewayAttachments) {
    const region = tgwRegion(a.transitGatewayId);
    const resourceId = a.vpcId ?? a.vpnConnectionId ?? a.directConnectGatewayId ?? a.peerTransitGatewayId;
    const table = topology.transitGatewayRouteTables.find((t) => t.associations.includes(a.id));
    ctx.push(region, "describe-transit-gateway-attachments", "TransitGatewayAttachments", {
      TransitGatewayAttachmentId: a.id,
      TransitGatewayId: a.transitGatewayId,
      ResourceType: a.type,
      ...(resourceId === undefined ? {} : { ResourceId: resourceId }),
      ...ownerField(ctx.accountOf(a.vpcId)),
      State: a.state,
      ...(table === undefined
        ? {}
        : { Association: { TransitGatewayRouteTableId: table.id, State: "associated" } }),
      Tags: tagsFromName(a.name),
    });
    if (a.type === "vpc") {
      // The only command that prints attachment subnets and appliance mode (aws-rules TGW-09, TGW-16).
      ctx.push(region, "describe-transit-gateway-vpc-attachments", "TransitGatewayVpcAttachments", {
        TransitGatewayAttachmentId: a.id,
        TransitGatewayId: a.transitGatewayId,
        ...(a.vpcId === undefined ? {} : { VpcId: a.vpcId }),
        SubnetIds: a.subnetIds,
        State: a.state,
        Options: { ApplianceModeSupport: a.applianceMode ? "enable" : "disable", DnsSupport: "enable" },
      });
    }
  }
  for (const table of topology.transitGatewayRouteTables) {
    const region = tgwRegion(table.transitGatewayId);
    ctx.push(region, "describe-transit-gateway-route-tables", "TransitGatewayRouteTables", {
      TransitGatewayRouteTableId: table.id,
      TransitGatewayId: table.transitGatewayId,
      State: "available",
      Tags: tagsFromName(table.name),
    });
    ctx.setById(region, "get-transit-gateway-route-table-associations", table.id, {
      Associations: table.associations.map((id) => ({ TransitGatewayAttachmentId: id, State: "associated" })),
    });
    ctx.setById(region, "get-transit-gateway-route-table-propagations", table.id, {
      TransitGatewayRouteTablePropagations: table.propagations.map((id) => ({
        TransitGatewayAttachmentId: id,
        State: "enabled",
      })),
    });
    ctx.setById(region, "search-transit-gateway-routes", table.id, {
      Routes: table.routes.map((r) => ({
        DestinationCidrBlock: r.destination,
        ...(r.attachmentId === undefined || r.blackhole
          ? {}
          : { TransitGatewayAttachments: [{ TransitGatewayAttachmentId: r.attachmentId }] }),
        Type: "static",
        State: r.blackhole ? "blackhole" : "active",
      })),
    });
  }
}

export function exportVpn(ctx: ExportContext): void {
  const { topology } = ctx;
  const vgwRegion = (vgwId: string | undefined) =>
    ctx.vpcRegion(topology.vpnGateways.find((v) => v.id === vgwId)?.vpcId);
  const connectionRegion = (vpn: (typeof topology.vpnConnections)[number]) =>
    vpn.transitGatewayId !== undefined
      ? (topology.transitGateways.find((t) => t.id === vpn.transitGatewayId)?.region ?? topology.region)
      : vgwRegion(vpn.vpnGatewayId);
  for (const vgw of topology.vpnGateways) {
    ctx.push(vgwRegion(vgw.id), "describe-vpn-gateways", "VpnGateways", {
      VpnGatewayId: vgw.id,
      State: "available",
      Type: "ipsec.1",
      AmazonSideAsn: vgw.asn,
      VpcAttachments: vgw.vpcId === undefined ? [] : [{ State: "attached", VpcId: vgw.vpcId }],
      Tags: tagsFromName(vgw.name),
    });
  }
  for (const cgw of topology.customerGateways) {
    const vpn = topology.vpnConnections.find((v) => v.customerGatewayId === cgw.id);
    ctx.push(
      vpn === undefined ? topology.region : connectionRegion(vpn),
      "describe-customer-gateways",
      "CustomerGateways",
      {
        CustomerGatewayId: cgw.id,
        BgpAsn: String(cgw.asn),
        IpAddress: cgw.ipAddress,
        State: "available",
        Type: "ipsec.1",
        Tags: tagsFromName(cgw.name),
      },
    );
  }
  for (const vpn of topology.vpnConnections) {
    ctx.push(connectionRegion(vpn), "describe-vpn-connections", "VpnConnections", {
      VpnConnectionId: vpn.id,
      CustomerGatewayId: vpn.customerGatewayId,
      ...(vpn.vpnGatewayId === undefined ? {} : { VpnGatewayId: vpn.vpnGatewayId }),
      ...(vpn.transitGatewayId === undefined ? {} : { TransitGatewayId: vpn.transitGatewayId }),
      State: vpn.state,
      Type: "ipsec.1",
      Options: { StaticRoutesOnly: vpn.routing === "static" },
      Routes: vpn.staticRoutes.map((c) => ({
        DestinationCidrBlock: c,
        Source: "Static",
        State: "available",
      })),
      VgwTelemetry: vpn.tunnels.map((t) => ({
        ...(t.outsideIp === undefined ? {} : { OutsideIpAddress: t.outsideIp }),
        Status: t.status,
      })),
      Tags: tagsFromName(vpn.name),
    });
  }
}
