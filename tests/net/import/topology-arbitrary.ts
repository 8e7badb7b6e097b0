import fc from "fast-check";
import { parseTopology } from "@/lib/net/parse";
import type { Topology, TopologyInput } from "@/lib/net/topology";

// Topologies that are valid by construction (non-overlapping CIDRs, subnets inside their VPC, every
// reference resolvable), covering what describe-* output can express. Built with fc.gen() so that the
// dependent choices (a route to a NAT only where a NAT exists, ...) still shrink.

type Draw = fc.GeneratorValue;
type In<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];

const REGIONS = ["us-east-1", "eu-west-1"] as const;
const ACCOUNTS = ["111122223333", "444455556666"] as const;
const hex = (n: number) => n.toString(16).padStart(17, "0");
const maybeName = (g: Draw, name: string) => (g(fc.boolean) ? { name } : {});

// fc.constantFrom's generic signature does not survive g() (the draw comes back as any): typed here, once.
function pick<const T extends readonly unknown[]>(g: Draw, ...values: T): T[number] {
  const draw: (...choices: T) => fc.Arbitrary<T[number]> = fc.constantFrom;
  return g(draw, ...values);
}

function sgRule(
  g: Draw,
  sgIds: readonly string[],
  prefixListIds: readonly string[],
  otherAccount: string,
): NonNullable<In<"securityGroups">["inbound"]>[number] {
  const protocol = pick(g, "all", "tcp", "udp", "icmp", 50);
  const from = g(fc.integer, { min: 0, max: 65535 });
  const ports =
    protocol === "tcp" || protocol === "udp"
      ? { fromPort: from, toPort: g(fc.integer, { min: from, max: 65535 }) }
      : {};
  const kind = pick(g, "cidr", "cidr6", "sg", "pl");
  const description = g(fc.boolean) ? { description: "rule" } : {};
  if (kind === "sg" && sgIds.length > 0) {
    const id = pick(g, ...sgIds);
    return {
      protocol,
      ...ports,
      securityGroupId: g(fc.boolean) ? id : `${otherAccount}/${id}`,
      ...description,
    };
  }
  if (kind === "pl" && prefixListIds.length > 0)
    return { protocol, ...ports, prefixListId: pick(g, ...prefixListIds), ...description };
  if (kind === "cidr6") return { protocol, ...ports, cidrBlock: "2001:db8::/32", ...description };
  return { protocol, ...ports, cidrBlock: `${g(fc.integer, { min: 1, max: 223 })}.0.0.0/8`, ...description };
}

function build(g: Draw): Topology {
  const vpcCount = g(fc.integer, { min: 1, max: 4 });
  const t = {
    vpcs: [] as In<"vpcs">[],
    subnets: [] as In<"subnets">[],
    routeTables: [] as In<"routeTables">[],
    networkAcls: [] as In<"networkAcls">[],
    securityGroups: [] as In<"securityGroups">[],
    instances: [] as In<"instances">[],
    networkInterfaces: [] as In<"networkInterfaces">[],
    internetGateways: [] as In<"internetGateways">[],
    natGateways: [] as In<"natGateways">[],
    regionalNatGateways: [] as In<"regionalNatGateways">[],
    peeringConnections: [] as In<"peeringConnections">[],
    gatewayEndpoints: [] as In<"gatewayEndpoints">[],
    prefixLists: [] as In<"prefixLists">[],
    services: [] as In<"services">[],
    transitGateways: [] as In<"transitGateways">[],
    transitGatewayAttachments: [] as In<"transitGatewayAttachments">[],
    transitGatewayRouteTables: [] as In<"transitGatewayRouteTables">[],
    egressOnlyInternetGateways: [] as In<"egressOnlyInternetGateways">[],
    interfaceEndpoints: [] as In<"interfaceEndpoints">[],
    vpnGateways: [] as In<"vpnGateways">[],
    customerGateways: [] as In<"customerGateways">[],
    vpnConnections: [] as In<"vpnConnections">[],
    onPremisesNetworks: [] as In<"onPremisesNetworks">[],
    endpointServices: [] as In<"endpointServices">[],
  };
  const balancers = { loadBalancers: [] as In<"loadBalancers">[], targetGroups: [] as In<"targetGroups">[] };
  for (const region of REGIONS) {
    t.prefixLists.push({
      id: `pl-s3${region.replaceAll("-", "")}`,
      name: `com.amazonaws.${region}.s3`,
      cidrBlocks: ["52.216.0.0/15", "3.5.0.0/19"],
    });
    t.services.push({ service: "s3", region, prefixListId: `pl-s3${region.replaceAll("-", "")}` });
  }
  const customList = { id: "pl-0custom000000001", name: "office", cidrBlocks: ["198.51.100.0/24"] };
  t.prefixLists.push(customList);
  const tgwByRegion = new Map<string, string>();
  for (let v = 0; v < vpcCount; v++) {
    const region = pick(g, ...REGIONS);
    const vpcId = `vpc-${hex(v + 1)}`;
    const secondary = g(fc.boolean);
    const accountId = pick(g, ...ACCOUNTS);
    const otherAccount = ACCOUNTS.find((a) => a !== accountId) as string;
    t.vpcs.push({
      id: vpcId,
      ...maybeName(g, `vpc${v}`),
      region,
      accountId,
      cidrBlocks: secondary ? [`10.${v}.0.0/16`, `100.64.${v}.0/24`] : [`10.${v}.0.0/16`],
      ipv6CidrBlocks: g(fc.boolean) ? [`2600:1f18:${v}::/56`] : [],
      enableDnsSupport: g(fc.boolean),
      enableDnsHostnames: g(fc.boolean),
    });
    const defaultAcl = `acl-${hex(100 + v)}`;
    t.networkAcls.push({
      id: defaultAcl,
      vpcId,
      isDefault: true,
      inbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
      outbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
    });
    const customAcl = g(fc.boolean) ? `acl-${hex(200 + v)}` : undefined;
    if (customAcl !== undefined) {
      const rule = (n: number) => {
        const protocol = pick(g, "all", "tcp", "udp", "icmp", 47);
        const from = g(fc.integer, { min: 0, max: 65535 });
        const ports =
          protocol === "tcp" || protocol === "udp"
            ? { fromPort: from, toPort: g(fc.integer, { min: from, max: 65535 }) }
            : {};
        return {
          ruleNumber: n,
          protocol,
          ...ports,
          cidrBlock: pick(g, "0.0.0.0/0", "10.0.0.0/8", "::/0"),
          action: pick(g, "allow", "deny"),
        };
      };
      t.networkAcls.push({
        id: customAcl,
        ...maybeName(g, `acl${v}`),
        vpcId,
        isDefault: false,
        inbound: [rule(100), rule(200)],
        outbound: [rule(100)],
      });
    }
    const hasIgw = g(fc.boolean);
    const igwId = `igw-${hex(v + 1)}`;
    if (hasIgw) t.internetGateways.push({ id: igwId, ...maybeName(g, `igw${v}`), vpcId });
    if (g(fc.boolean)) t.egressOnlyInternetGateways.push({ id: `eigw-${hex(v + 1)}`, vpcId });
    const sgIds = [`sg-${hex(v * 10 + 1)}`, `sg-${hex(v * 10 + 2)}`];
    for (const sgId of sgIds) {
      const inbound = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () =>
        sgRule(g, sgIds, [customList.id], otherAccount),
      );
      const outbound = g(fc.boolean)
        ? {
            outbound: Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () =>
              sgRule(g, sgIds, [customList.id], otherAccount),
            ),
          }
        : {};
      t.securityGroups.push({
        id: sgId,
        ...maybeName(g, `sg${sgId.slice(-2)}`),
        vpcId,
        inbound,
        ...outbound,
      });
    }
    const mainRtb = `rtb-${hex(v * 10 + 1)}`;
    const customRtb = `rtb-${hex(v * 10 + 2)}`;
    const subnetCount = g(fc.integer, { min: 1, max: 3 });
    const subnetIds: string[] = [];
    for (let s = 0; s < subnetCount; s++) {
      const subnetId = `subnet-${hex(v * 10 + s + 1)}`;
      subnetIds.push(subnetId);
      const acl = pick(g, "none", "default", "custom");
      t.subnets.push({
        id: subnetId,
        ...maybeName(g, `subnet${v}-${s}`),
        vpcId,
        availabilityZone: `${region}${"abc"[s]}`,
        cidrBlock: `10.${v}.${s}.0/24`,
        ...(g(fc.boolean) ? { routeTableId: customRtb } : {}),
        // aws-rules NAT-04: describe-subnets prints EnableDns64 false for "absent".
        ...(g(fc.boolean) ? { enableDns64: true } : {}),
        ...(acl === "default"
          ? { networkAclId: defaultAcl }
          : acl === "custom" && customAcl !== undefined
            ? { networkAclId: customAcl }
            : {}),
      });
      const instanceId = `i-${hex(v * 10 + s + 1)}`;
      const publicIp = hasIgw && g(fc.boolean) ? { publicIp: `203.0.113.${v * 10 + s + 1}` } : {};
      const style = pick(g, "none", "inline", "eni");
      if (style === "inline") {
        t.instances.push({
          id: instanceId,
          ...maybeName(g, `host${v}-${s}`),
          subnetId,
          privateIp: `10.${v}.${s}.10`,
          ...publicIp,
          ipv6Addresses: g(fc.boolean) ? [`2600:1f18:${v}::${s + 10}`] : [],
          securityGroupIds: [pick(g, ...sgIds)],
          sourceDestCheck: g(fc.boolean),
        });
      } else if (style === "eni") {
        const eniId = `eni-${hex(v * 10 + s + 1)}`;
        t.networkInterfaces.push({
          id: eniId,
          subnetId,
          privateIp: `10.${v}.${s}.10`,
          secondaryPrivateIps: g(fc.boolean) ? [`10.${v}.${s}.11`] : [],
          ...publicIp,
          securityGroupIds: sgIds.slice(0, g(fc.integer, { min: 1, max: 2 })),
          sourceDestCheck: g(fc.boolean),
          instanceId,
        });
        t.instances.push({
          id: instanceId,
          state: pick(g, "running", "stopped"),
          networkInterfaceIds: [eniId],
        });
      }
    }
    const natId = `nat-${hex(v + 1)}`;
    const hasNat = hasIgw && g(fc.boolean);
    if (hasNat)
      t.natGateways.push({
        id: natId,
        subnetId: subnetIds[0] as string,
        privateIp: `10.${v}.0.5`,
        publicIp: `198.18.0.${v + 1}`,
        state: "available",
      });
    // aws-rules NAT-07: a regional NAT gateway (no subnet, its own route table, an address per zone).
    const regionalId = `nat-${hex(100 + v)}`;
    const hasRegional = hasIgw && !hasNat && g(fc.boolean);
    if (hasRegional) {
      const natRtb = `rtb-${hex(300 + v)}`;
      t.routeTables.push({ id: natRtb, vpcId, routes: [{ destination: "0.0.0.0/0", target: igwId }] });
      const zones = [...new Set(t.subnets.filter((x) => x.vpcId === vpcId).map((x) => x.availabilityZone))];
      t.regionalNatGateways.push({
        id: regionalId,
        vpcId,
        routeTableId: natRtb,
        autoProvisionZones: g(fc.boolean),
        addresses: zones
          .slice(0, g(fc.integer, { min: 1, max: Math.max(1, zones.length) }))
          .map((availabilityZone, z) => ({ availabilityZone, publicIp: `198.18.${10 + z}.${v + 1}` })),
        state: "available",
      });
    }
    const routes: In<"routeTables">["routes"] = [];
    if (hasIgw) routes.push({ destination: "0.0.0.0/0", target: igwId });
    if (hasNat && g(fc.boolean)) routes.push({ destination: "192.0.2.0/24", target: natId });
    if (hasRegional) routes.push({ destination: "192.0.2.0/24", target: regionalId });
    if (g(fc.boolean)) routes.push({ destination: "198.51.100.0/24", target: "blackhole" });
    t.routeTables.push({ id: mainRtb, ...maybeName(g, `main${v}`), vpcId, main: true, routes });
    t.routeTables.push({ id: customRtb, vpcId, main: false, routes: [] });
    if (g(fc.boolean)) {
      t.gatewayEndpoints.push({
        id: `vpce-${hex(v + 1)}`,
        vpcId,
        service: "s3",
        region,
        routeTableIds: g(fc.boolean) ? [mainRtb] : [mainRtb, customRtb],
        policy: pick(g, "allow-all", "deny-all"),
      });
    }
    if (g(fc.boolean)) {
      t.interfaceEndpoints.push({
        id: `vpce-${hex(50 + v)}`,
        vpcId,
        serviceName: `com.amazonaws.${region}.sqs`,
        networkInterfaces: [
          { id: `eni-${hex(500 + v)}`, subnetId: subnetIds[0] as string, privateIp: `10.${v}.0.7` },
        ],
        securityGroupIds: [sgIds[0] as string],
        privateDnsEnabled: g(fc.boolean),
        state: pick(g, "available", "pendingAcceptance"),
      });
    }
    if (g(fc.boolean)) {
      // Site-to-site VPN; the on-premises network is what import derives from the static routes (VPN-04).
      const vgwId = `vgw-${hex(v + 1)}`;
      const cgwId = `cgw-${hex(v + 1)}`;
      const cgwName = g(fc.boolean) ? `hq${v}` : undefined;
      const staticRoutes = [`172.${16 + v}.0.0/16`];
      t.vpnGateways.push({ id: vgwId, vpcId, asn: 64512 });
      t.customerGateways.push({
        id: cgwId,
        ...(cgwName === undefined ? {} : { name: cgwName }),
        ipAddress: `192.0.2.${v + 1}`,
        asn: 65000 + v,
      });
      t.vpnConnections.push({
        id: `vpn-${hex(v + 1)}`,
        customerGatewayId: cgwId,
        vpnGatewayId: vgwId,
        routing: pick(g, "static", "bgp"),
        staticRoutes,
        tunnels: [
          { outsideIp: `198.18.1.${v + 1}`, status: pick(g, "UP", "DOWN") },
          { status: pick(g, "UP", "DOWN") },
        ],
      });
      t.onPremisesNetworks.push({
        id: `onprem-${cgwId}`,
        name: `${cgwName ?? cgwId} network`,
        cidrBlocks: staticRoutes,
        customerGatewayIds: [cgwId],
      });
    }
    if (g(fc.boolean)) {
      let tgwId = tgwByRegion.get(region);
      if (tgwId === undefined) {
        tgwId = `tgw-${hex(tgwByRegion.size + 1)}`;
        tgwByRegion.set(region, tgwId);
        t.transitGateways.push({
          id: tgwId,
          region,
          asn: 64512 + tgwByRegion.size,
          ...(g(fc.boolean) ? { securityGroupReferencingSupport: true } : {}),
        });
        t.transitGatewayRouteTables.push({
          id: `tgw-rtb-${hex(tgwByRegion.size)}`,
          transitGatewayId: tgwId,
          routes: [{ destination: "0.0.0.0/0", blackhole: true }],
        });
      }
      const attachmentId = `tgw-attach-${hex(v + 1)}`;
      t.transitGatewayAttachments.push({
        id: attachmentId,
        transitGatewayId: tgwId,
        type: "vpc",
        vpcId,
        subnetIds: [subnetIds[0] as string],
        applianceMode: g(fc.boolean),
        ...(g(fc.boolean) ? { securityGroupReferencingSupport: false } : {}),
      });
      const table = t.transitGatewayRouteTables.find((x) => x.transitGatewayId === tgwId);
      if (table !== undefined) {
        table.associations = [...(table.associations ?? []), attachmentId];
        if (g(fc.boolean)) table.propagations = [...(table.propagations ?? []), attachmentId];
        if (g(fc.boolean))
          table.routes = [...(table.routes ?? []), { destination: `10.${v}.0.0/16`, attachmentId }];
      }
      routes.push({ destination: "172.16.0.0/12", target: tgwId });
    }
  }
  for (let v = 0; v + 1 < vpcCount; v++) {
    if (!g(fc.boolean)) continue;
    const pcxId = `pcx-${hex(v + 1)}`;
    t.peeringConnections.push({
      id: pcxId,
      ...maybeName(g, `peer${v}`),
      requesterVpcId: `vpc-${hex(v + 1)}`,
      accepterVpcId: `vpc-${hex(v + 2)}`,
      status: pick(g, "active", "pending-acceptance", "deleted"),
      ...(g(fc.boolean) ? { createdAt: 1_700_000_000 + g(fc.integer, { min: 0, max: 1_000_000 }) } : {}),
      requesterAllowDnsResolutionFromRemoteVpc: g(fc.boolean),
      accepterAllowDnsResolutionFromRemoteVpc: g(fc.boolean),
    });
    t.routeTables
      .find((r) => r.id === `rtb-${hex(v * 10 + 1)}`)
      ?.routes?.push({ destination: `10.${v + 1}.0.0/16`, target: pcxId });
  }
  if (vpcCount >= 2 && g(fc.boolean)) privateLink(g, t, balancers);
  const accounts = [...new Set(t.vpcs.map((v) => v.accountId as string))].sort().map((id) => ({ id }));
  const { regionalNatGateways, ...lists } = t;
  const parsed = parseTopology({
    ...lists,
    ...(regionalNatGateways.length > 0 ? { regionalNatGateways } : {}),
    ...(balancers.loadBalancers.length > 0 ? balancers : {}),
    region: REGIONS[1],
    regions: [...REGIONS].sort(),
    accounts,
  });
  if (!parsed.ok) throw new Error(`arbitrary built an invalid topology: ${JSON.stringify(parsed.issues)}`);
  return parsed.topology;
}

/**
 * A PrivateLink endpoint service in the last VPC behind a Network Load Balancer (with or without security
 * groups, targets of any health), and an interface endpoint to it in the first VPC (aws-rules EPS-01..09).
 */
function privateLink(
  g: Draw,
  t: {
    vpcs: In<"vpcs">[];
    subnets: In<"subnets">[];
    instances: In<"instances">[];
    networkInterfaces: In<"networkInterfaces">[];
    securityGroups: In<"securityGroups">[];
    interfaceEndpoints: In<"interfaceEndpoints">[];
    endpointServices: In<"endpointServices">[];
  },
  out: { loadBalancers: In<"loadBalancers">[]; targetGroups: In<"targetGroups">[] },
): void {
  const consumer = t.vpcs[0] as In<"vpcs">;
  const provider = t.vpcs[t.vpcs.length - 1] as In<"vpcs">;
  const providerSubnets = t.subnets.filter((s) => s.vpcId === provider.id);
  const consumerSubnet = t.subnets.find((s) => s.vpcId === consumer.id) as In<"subnets">;
  const nodeSubnet = providerSubnets[0] as In<"subnets">;
  const inProvider = new Set(providerSubnets.map((s) => s.id));
  const providerEnis = new Set(
    t.networkInterfaces.filter((e) => inProvider.has(e.subnetId)).map((e) => e.id),
  );
  const targets = t.instances.filter(
    (i) =>
      (i.subnetId !== undefined && inProvider.has(i.subnetId)) ||
      (i.networkInterfaceIds ?? []).some((e) => providerEnis.has(e)),
  );
  const region = provider.region ?? "us-east-1";
  const account = provider.accountId ?? "111122223333";
  const lbId = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/net/nlb0/${hex(7)}`;
  const tgId = `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/tg0/${hex(8)}`;
  const svcId = `vpce-svc-${hex(1)}`;
  const endpointId = `vpce-${hex(90)}`;
  const withGroups = g(fc.boolean);
  const providerGroup = t.securityGroups.find((sg) => sg.vpcId === provider.id)?.id as string;
  out.loadBalancers.push({
    id: lbId,
    ...maybeName(g, "nlb0"),
    vpcId: provider.id,
    // aws-rules EPS-07: absent = active (the exporter writes State.Code "active").
    ...(g(fc.boolean) ? { state: pick(g, "active_impaired", "provisioning", "failed") } : {}),
    crossZone: g(fc.boolean),
    nodes: [
      {
        subnetId: nodeSubnet.id,
        privateIp: (nodeSubnet.cidrBlock as string).replace(/0\/24$/, "100"),
        ...(g(fc.boolean) ? { networkInterfaceId: `eni-${hex(900)}` } : {}),
      },
    ],
    securityGroupIds: withGroups ? [providerGroup] : [],
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: withGroups ? g(fc.boolean) : true,
    listeners: [{ port: 443, protocol: "TCP", targetGroupId: tgId }],
  });
  out.targetGroups.push({
    id: tgId,
    ...maybeName(g, "tg0"),
    vpcId: provider.id,
    protocol: "TCP",
    port: pick(g, 443, 8443),
    targetType: "instance",
    targets: targets.slice(0, 2).map((i) => ({
      id: i.id,
      health: pick(g, "healthy", "unhealthy", "initial"),
      ...(g(fc.boolean) ? { reason: "Target.FailedHealthChecks" } : {}),
    })),
  });
  t.endpointServices.push({
    id: svcId,
    serviceName: `com.amazonaws.vpce.${region}.${svcId}`,
    vpcId: provider.id,
    networkLoadBalancerArns: [lbId],
    acceptanceRequired: g(fc.boolean),
    allowedPrincipals: [],
    ...(g(fc.boolean)
      ? {
          connections: [
            {
              vpcEndpointId: endpointId,
              state: pick(g, "available", "pendingAcceptance"),
            },
          ],
        }
      : {}),
  });
  t.interfaceEndpoints.push({
    id: endpointId,
    vpcId: consumer.id,
    serviceName: `com.amazonaws.vpce.${region}.${svcId}`,
    networkInterfaces: [
      {
        id: `eni-${hex(590)}`,
        subnetId: consumerSubnet.id,
        privateIp: (consumerSubnet.cidrBlock as string).replace(/0\/24$/, "8"),
      },
    ],
    securityGroupIds: [t.securityGroups.find((sg) => sg.vpcId === consumer.id)?.id as string],
    privateDnsEnabled: false,
    state: "available",
  });
}

export const arbTopology: fc.Arbitrary<Topology> = fc.gen().map(build);
