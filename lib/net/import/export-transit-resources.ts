import { type ExportContext, ownerField } from "./export-context";
import { tagsFromName } from "./aws-values";
import { awsAttachmentId, splitPeeringSideId } from "./tgw-peering-sides";

// Topology -> transit gateway and site-to-site VPN describe-* outputs.

export function exportTransitGateways(ctx: ExportContext): void {
  const { topology } = ctx;
  const tgwRegion = (tgwId: string | undefined) =>
    topology.transitGateways.find((t) => t.id === tgwId)?.region ?? topology.region;
  for (const tgw of topology.transitGateways) {
    ctx.push(tgwRegion(tgw.id), "describe-transit-gateways", "TransitGateways", {
      TransitGatewayId: tgw.id,
      State: tgw.state,
      Options: {
        AmazonSideAsn: tgw.asn,
        SecurityGroupReferencingSupport: tgw.securityGroupReferencingSupport === true ? "enable" : "disable",
      },
      Tags: tagsFromName(tgw.name),
    });
  }
  for (const a of topology.transitGatewayAttachments) {
    const region = tgwRegion(a.transitGatewayId);
    const resourceId = a.vpcId ?? a.vpnConnectionId ?? a.directConnectGatewayId ?? a.peerTransitGatewayId;
    const table = topology.transitGatewayRouteTables.find((t) => t.associations.includes(a.id));
    ctx.push(region, "describe-transit-gateway-attachments", "TransitGatewayAttachments", {
      TransitGatewayAttachmentId: awsAttachmentId(a.id),
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
        Options: {
          ApplianceModeSupport: a.applianceMode ? "enable" : "disable",
          DnsSupport: "enable",
          Ipv6Support: a.ipv6Support === false ? "disable" : "enable",
          SecurityGroupReferencingSupport: a.securityGroupReferencingSupport === false ? "disable" : "enable",
        },
      });
    }
  }
  exportTgwPeeringAttachments(ctx, tgwRegion);
  for (const table of topology.transitGatewayRouteTables) {
    const region = tgwRegion(table.transitGatewayId);
    ctx.push(region, "describe-transit-gateway-route-tables", "TransitGatewayRouteTables", {
      TransitGatewayRouteTableId: table.id,
      TransitGatewayId: table.transitGatewayId,
      State: "available",
      Tags: tagsFromName(table.name),
    });
    ctx.setById(region, "get-transit-gateway-route-table-associations", table.id, {
      Associations: table.associations.map((id) => ({
        TransitGatewayAttachmentId: awsAttachmentId(id),
        State: "associated",
      })),
    });
    ctx.setById(region, "get-transit-gateway-route-table-propagations", table.id, {
      TransitGatewayRouteTablePropagations: table.propagations.map((id) => ({
        TransitGatewayAttachmentId: awsAttachmentId(id),
        State: "enabled",
      })),
    });
    ctx.setById(region, "search-transit-gateway-routes", table.id, {
      Routes: [
        ...table.routes.map((r) => ({
          DestinationCidrBlock: r.destination,
          ...(r.attachmentId === undefined || r.blackhole
            ? {}
            : {
                TransitGatewayAttachments: [{ TransitGatewayAttachmentId: awsAttachmentId(r.attachmentId) }],
              }),
          Type: "static",
          State: r.blackhole ? "blackhole" : "active",
        })),
        ...propagatedRoutes(ctx, table.propagations),
      ],
    });
  }
}

/**
 * describe-transit-gateway-peering-attachments (aws-rules TGW-12), listed in the Region of each side as AWS
 * does: what tells the import which transit gateway accepted a peering whose one attachment id both Regions
 * print (the renamed side, peeringSideId) and which ids are the two sides of one peering. Without it a round
 * trip would turn the accepter's side into a second attachment linked to nothing.
 */
function exportTgwPeeringAttachments(
  ctx: ExportContext,
  tgwRegion: (id: string | undefined) => string,
): void {
  const attachments = ctx.topology.transitGatewayAttachments.filter((a) => a.type === "peering");
  const written = new Set<string>();
  for (const a of attachments) {
    // The accepter's side of a shared id is written with its requester; ids already written are the far side.
    if (splitPeeringSideId(a.id) !== undefined || written.has(a.id)) continue;
    const peer = attachments.find((x) => x !== a && x.id === a.peerAttachmentId);
    const accepterTgw = peer?.transitGatewayId ?? a.peerTransitGatewayId;
    const accepterId = peer === undefined ? a.peerAttachmentId : awsAttachmentId(peer.id);
    const record = {
      TransitGatewayAttachmentId: a.id,
      ...(accepterId === undefined || accepterId === a.id
        ? {}
        : { AccepterTransitGatewayAttachmentId: accepterId }),
      RequesterTgwInfo: { TransitGatewayId: a.transitGatewayId, Region: tgwRegion(a.transitGatewayId) },
      ...(accepterTgw === undefined
        ? {}
        : { AccepterTgwInfo: { TransitGatewayId: accepterTgw, Region: tgwRegion(accepterTgw) } }),
      Status: { Code: a.state, Message: a.state },
      State: a.state,
      Tags: tagsFromName(a.name),
    };
    written.add(a.id);
    if (peer !== undefined) written.add(peer.id);
    const regions = new Set([
      tgwRegion(a.transitGatewayId),
      ...(peer === undefined ? [] : [tgwRegion(peer.transitGatewayId)]),
    ]);
    for (const region of regions) {
      // The accepter's Region prints the accepter's own id where the two sides' ids differ.
      const own =
        peer !== undefined &&
        splitPeeringSideId(peer.id) === undefined &&
        region === tgwRegion(peer.transitGatewayId) &&
        region !== tgwRegion(a.transitGatewayId)
          ? { TransitGatewayAttachmentId: peer.id, AccepterTransitGatewayAttachmentId: peer.id }
          : {};
      ctx.push(region, "describe-transit-gateway-peering-attachments", "TransitGatewayPeeringAttachments", {
        ...record,
        ...own,
      });
    }
  }
}

/**
 * The propagated routes search-transit-gateway-routes prints (aws-rules TGW-05): a VPC attachment's
 * CIDRs, and what a VPN or Direct Connect gateway attachment learned (the on-premises prefixes).
 */
function propagatedRoutes(ctx: ExportContext, attachmentIds: readonly string[]): unknown[] {
  const { topology } = ctx;
  const out: unknown[] = [];
  for (const id of attachmentIds) {
    const att = topology.transitGatewayAttachments.find((a) => a.id === id);
    if (att === undefined) continue;
    const vpn = topology.vpnConnections.find((v) => v.id === att.vpnConnectionId);
    const cidrs =
      att.type === "vpc"
        ? (topology.vpcs.find((v) => v.id === att.vpcId)?.cidrBlocks ?? [])
        : att.type === "vpn" && vpn !== undefined
          ? vpn.routing === "static"
            ? vpn.staticRoutes
            : topology.onPremisesNetworks
                .filter((n) => n.customerGatewayIds.includes(vpn.customerGatewayId))
                .flatMap((n) => n.cidrBlocks)
          : att.type === "direct-connect-gateway" && att.directConnectGatewayId !== undefined
            ? topology.onPremisesNetworks
                .filter((n) => n.directConnectGatewayIds.includes(att.directConnectGatewayId as string))
                .flatMap((n) => n.cidrBlocks)
            : [];
    for (const cidr of cidrs) {
      out.push({
        DestinationCidrBlock: cidr,
        TransitGatewayAttachments: [
          {
            TransitGatewayAttachmentId: awsAttachmentId(id),
            ...((att.vpcId ?? att.vpnConnectionId ?? att.directConnectGatewayId)
              ? { ResourceId: att.vpcId ?? att.vpnConnectionId ?? att.directConnectGatewayId }
              : {}),
            ResourceType: att.type,
          },
        ],
        Type: "propagated",
        State: "active",
      });
    }
  }
  return out;
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

/**
 * Direct Connect gateways as `aws directconnect` prints them (camelCase, DX-02, DX-04): the gateway, one
 * association per VGW/TGW with its allowed prefixes, and its VIFs (attachments per gateway).
 */
export function exportDirectConnect(ctx: ExportContext): void {
  const { topology } = ctx;
  const region = topology.region;
  for (const dx of topology.directConnectGateways) {
    ctx.push(region, "describe-direct-connect-gateways", "directConnectGateways", {
      directConnectGatewayId: dx.id,
      ...(dx.name === undefined ? {} : { directConnectGatewayName: dx.name }),
      directConnectGatewayState: "available",
    });
    ctx.setById(region, "describe-direct-connect-gateway-associations", dx.id, {
      directConnectGatewayAssociations: dx.associations
        .map((a) => ({
          directConnectGatewayId: dx.id,
          associationState: "associated",
          associatedGateway: {
            id: a.gatewayId,
            type: a.gatewayId.startsWith("tgw-") ? "transitGateway" : "virtualPrivateGateway",
          },
          allowedPrefixesToDirectConnectGateway: a.allowedPrefixes.map((cidr) => ({ cidr })),
        }))
        .concat(
          (dx.inactiveAssociations ?? []).map((a) => ({
            directConnectGatewayId: dx.id,
            associationState: a.state,
            associatedGateway: {
              id: a.gatewayId,
              type: a.gatewayId.startsWith("tgw-") ? "transitGateway" : "virtualPrivateGateway",
            },
            ...(a.id === undefined ? {} : { associationId: a.id }),
            allowedPrefixesToDirectConnectGateway: [],
          })),
        ),
    });
    if (dx.virtualInterfaces === undefined) continue;
    ctx.setById(region, "describe-direct-connect-gateway-attachments", dx.id, {
      directConnectGatewayAttachments: dx.virtualInterfaces.map((v) => ({
        directConnectGatewayId: dx.id,
        virtualInterfaceId: v.id,
        attachmentState: "attached",
        attachmentType: v.type === "transit" ? "TransitVirtualInterface" : "PrivateVirtualInterface",
      })),
    });
    for (const v of dx.virtualInterfaces) {
      ctx.push(region, "describe-virtual-interfaces", "virtualInterfaces", {
        virtualInterfaceId: v.id,
        ...(v.name === undefined ? {} : { virtualInterfaceName: v.name }),
        virtualInterfaceType: v.type,
        virtualInterfaceState: v.state,
        directConnectGatewayId: dx.id,
      });
    }
  }
}
