import type { Analysis } from "../net/trace";
import type { Topology } from "../net/topology";
import type { Diagram, DiagramEdge, DiagramNode, PathHighlight, PathMark } from "./diagram";

const display = (resource: { id: string; name?: string | undefined }): string => resource.name ?? resource.id;

/** Region > VPC > subnet > instance boxes, with gateways inside their VPC and links for peering, TGW and VPN. */
export function topologyToDiagram(topology: Topology): Diagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const regionOf = (region: string | undefined) => `region:${region ?? topology.region}`;
  const regions = new Set<string>();
  const addRegion = (region: string | undefined): string => {
    const id = regionOf(region);
    if (!regions.has(id)) {
      regions.add(id);
      nodes.push({ id, kind: "region", label: [region ?? topology.region] });
    }
    return id;
  };
  const vpcRegion = new Map<string, string>();

  for (const vpc of topology.vpcs) {
    const parent = addRegion(vpc.region);
    vpcRegion.set(vpc.id, parent);
    nodes.push({
      id: vpc.id,
      kind: "vpc",
      parent,
      label: [display(vpc), [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].join(", ")],
    });
  }
  for (const subnet of topology.subnets) {
    const cidrs = [subnet.cidrBlock, subnet.ipv6CidrBlock].filter((cidr): cidr is string => !!cidr);
    nodes.push({
      id: subnet.id,
      kind: "subnet",
      parent: subnet.vpcId,
      label: [display(subnet), cidrs.join(", "), subnet.availabilityZone],
    });
  }
  for (const instance of topology.instances) {
    const ips = [instance.privateIp, instance.publicIp ? `public ${instance.publicIp}` : undefined].filter(
      (ip): ip is string => !!ip,
    );
    const subnetId =
      instance.subnetId ?? topology.networkInterfaces.find((eni) => eni.instanceId === instance.id)?.subnetId;
    nodes.push({
      id: instance.id,
      kind: "instance",
      ...(subnetId ? { parent: subnetId } : {}),
      label: [display(instance), ...ips],
    });
  }
  for (const nat of topology.natGateways) {
    nodes.push({
      id: nat.id,
      kind: "gateway",
      parent: nat.subnetId,
      label: [display(nat), `NAT ${nat.connectivity}`],
    });
  }
  for (const endpoint of topology.interfaceEndpoints) {
    for (const eni of endpoint.networkInterfaces) {
      nodes.push({
        id: eni.id,
        kind: "endpoint",
        parent: eni.subnetId,
        label: [display(endpoint), eni.privateIp],
      });
    }
  }

  let internetNeeded = false;
  for (const igw of topology.internetGateways) {
    if (!igw.vpcId) continue;
    internetNeeded = true;
    nodes.push({ id: igw.id, kind: "gateway", parent: igw.vpcId, label: [display(igw), "internet gateway"] });
    edges.push({ id: `${igw.id}->internet`, source: igw.id, target: "internet", kind: "link" });
  }
  for (const eigw of topology.egressOnlyInternetGateways) {
    internetNeeded = true;
    nodes.push({
      id: eigw.id,
      kind: "gateway",
      parent: eigw.vpcId,
      label: [display(eigw), "egress-only IGW"],
    });
    edges.push({ id: `${eigw.id}->internet`, source: eigw.id, target: "internet", kind: "link" });
  }
  if (internetNeeded) nodes.push({ id: "internet", kind: "internet", label: ["Internet"] });

  for (const vgw of topology.vpnGateways) {
    if (vgw.vpcId)
      nodes.push({
        id: vgw.id,
        kind: "gateway",
        parent: vgw.vpcId,
        label: [display(vgw), `VGW ASN ${vgw.asn}`],
      });
  }
  for (const endpoint of topology.gatewayEndpoints) {
    nodes.push({
      id: endpoint.id,
      kind: "endpoint",
      parent: endpoint.vpcId,
      label: [display(endpoint), `${endpoint.service} gateway endpoint`],
    });
    const region =
      endpoint.region ?? topology.vpcs.find((vpc) => vpc.id === endpoint.vpcId)?.region ?? topology.region;
    const serviceId = `service:${endpoint.service}:${region}`;
    if (!nodes.some((node) => node.id === serviceId)) {
      nodes.push({
        id: serviceId,
        kind: "service",
        parent: addRegion(region),
        label: [endpoint.service.toUpperCase(), region],
      });
    }
    edges.push({ id: `${endpoint.id}->${serviceId}`, source: endpoint.id, target: serviceId, kind: "link" });
  }

  for (const pcx of topology.peeringConnections) {
    edges.push({
      id: pcx.id,
      source: pcx.requesterVpcId,
      target: pcx.accepterVpcId,
      kind: "peering",
      label: `${display(pcx)}${pcx.status === "active" ? "" : ` (${pcx.status})`}`,
      inactive: pcx.status !== "active",
    });
  }
  for (const tgw of topology.transitGateways) {
    nodes.push({
      id: tgw.id,
      kind: "transit-gateway",
      parent: addRegion(tgw.region),
      label: [display(tgw), "transit gateway"],
    });
  }
  for (const onPrem of topology.onPremisesNetworks) {
    nodes.push({
      id: onPrem.id,
      kind: "on-premises",
      label: [display(onPrem), onPrem.cidrBlocks.join(", ")],
    });
  }
  const onPremFor = (customerGatewayId: string) =>
    topology.onPremisesNetworks.find((network) => network.customerGatewayIds.includes(customerGatewayId));
  for (const attachment of topology.transitGatewayAttachments) {
    const inactive = attachment.state !== "available";
    if (attachment.type === "vpc" && attachment.vpcId) {
      edges.push({
        id: attachment.id,
        source: attachment.vpcId,
        target: attachment.transitGatewayId,
        kind: "attachment",
        label: display(attachment),
        inactive,
      });
    }
  }
  for (const vpn of topology.vpnConnections) {
    const onPrem = onPremFor(vpn.customerGatewayId);
    const target = vpn.vpnGatewayId ?? vpn.transitGatewayId;
    if (!onPrem || !target) continue;
    const up = vpn.tunnels.filter((tunnel) => tunnel.status === "UP").length;
    edges.push({
      id: vpn.id,
      source: onPrem.id,
      target,
      kind: "vpn",
      label: `${display(vpn)} (${up}/${vpn.tunnels.length} tunnels up)`,
      inactive: up === 0,
    });
  }
  for (const dxgw of topology.directConnectGateways) {
    nodes.push({ id: dxgw.id, kind: "gateway", label: [display(dxgw), "Direct Connect gateway"] });
    for (const association of dxgw.associations) {
      edges.push({
        id: `${dxgw.id}->${association.gatewayId}`,
        source: dxgw.id,
        target: association.gatewayId,
        kind: "direct-connect",
      });
    }
    for (const onPrem of topology.onPremisesNetworks.filter((network) =>
      network.directConnectGatewayIds.includes(dxgw.id),
    )) {
      edges.push({
        id: `${onPrem.id}->${dxgw.id}`,
        source: onPrem.id,
        target: dxgw.id,
        kind: "direct-connect",
      });
    }
  }

  // ELK refuses edges to unknown nodes; drop links whose ends are not drawn (e.g. a VGW not attached).
  const drawn = new Set(nodes.map((node) => node.id));
  return { nodes, edges: edges.filter((edge) => drawn.has(edge.source) && drawn.has(edge.target)) };
}

/**
 * Marks the nodes and links that the model's trace crossed, and where it stopped. Filters that are not drawn
 * (security groups, network ACLs, route tables) are shown on the box they protect.
 */
export function highlightFromAnalysis(
  topology: Topology,
  diagram: Diagram,
  analysis: Analysis,
): PathHighlight {
  const drawnNodes = new Set(diagram.nodes.map((node) => node.id));
  const drawnEdges = new Set(diagram.edges.map((edge) => edge.id));
  const nodes = new Map<string, PathMark>();
  const edges = new Map<string, PathMark>();
  const eniOwner = new Map<string, string>();
  for (const eni of topology.networkInterfaces) eniOwner.set(eni.id, eni.instanceId ?? eni.id);
  for (const instance of topology.instances) eniOwner.set(instance.id.replace(/^i-/, "eni-"), instance.id);

  const hopIds = [...analysis.forward, ...analysis.return].map(
    (hop) => eniOwner.get(hop.component.id) ?? hop.component.id,
  );
  const subnetsOf = (id: string): string[] => {
    if (id.startsWith("acl-"))
      return topology.subnets.filter((subnet) => subnet.networkAclId === id).map((subnet) => subnet.id);
    if (id.startsWith("rtb-"))
      return topology.subnets.filter((subnet) => subnet.routeTableId === id).map((subnet) => subnet.id);
    if (id.startsWith("sg-")) {
      const users = topology.instances
        .filter((instance) => instance.securityGroupIds.includes(id))
        .map((instance) => instance.id);
      const onPath = users.filter((user) => hopIds.includes(user));
      return onPath.length > 0 ? onPath : users;
    }
    return [];
  };
  const mark = (id: string, value: PathMark) => {
    const targets = drawnNodes.has(id) ? [id] : subnetsOf(id);
    for (const target of targets) {
      if (!drawnNodes.has(target)) continue;
      if (value === "blocked" || !nodes.has(target)) nodes.set(target, value);
    }
    if (drawnEdges.has(id) && (value === "blocked" || !edges.has(id))) edges.set(id, value);
  };
  for (const id of hopIds) mark(id, "on-path");
  for (const blocker of analysis.blockers)
    mark(eniOwner.get(blocker.component) ?? blocker.component, "blocked");
  return { nodes, edges };
}
