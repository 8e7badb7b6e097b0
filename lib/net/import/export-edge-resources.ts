import type { Eni } from "../topology";
import { primaryEniIdFor } from "../network";
import { type ExportContext, ownerField } from "./export-context";
import { isoFromUnixSeconds, parseAwsServiceName, tagsFromName } from "./aws-values";

// Topology -> gateway, interface, instance, endpoint, prefix-list and peering describe-* outputs.

const PENDING_LIFETIME_SECONDS = 7 * 24 * 3600; // aws-rules PCX-06

export function exportGateways(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const igw of topology.internetGateways) {
    ctx.push(ctx.vpcRegion(igw.vpcId), "describe-internet-gateways", "InternetGateways", {
      InternetGatewayId: igw.id,
      ...ownerField(ctx.accountOf(igw.vpcId)),
      // describe-internet-gateways prints "available" for an attached gateway.
      Attachments: igw.vpcId === undefined ? [] : [{ State: "available", VpcId: igw.vpcId }],
      Tags: tagsFromName(igw.name),
    });
  }
  for (const eigw of topology.egressOnlyInternetGateways) {
    ctx.push(
      ctx.vpcRegion(eigw.vpcId),
      "describe-egress-only-internet-gateways",
      "EgressOnlyInternetGateways",
      {
        EgressOnlyInternetGatewayId: eigw.id,
        Attachments: [{ State: "attached", VpcId: eigw.vpcId }],
        Tags: tagsFromName(eigw.name),
      },
    );
  }
  for (const nat of topology.natGateways) {
    const subnet = topology.subnets.find((s) => s.id === nat.subnetId);
    ctx.push(ctx.subnetRegion(nat.subnetId), "describe-nat-gateways", "NatGateways", {
      NatGatewayId: nat.id,
      SubnetId: nat.subnetId,
      ...(subnet === undefined ? {} : { VpcId: subnet.vpcId }),
      State: nat.state,
      ConnectivityType: nat.connectivity,
      NatGatewayAddresses: [
        {
          PrivateIp: nat.privateIp,
          ...(nat.publicIp === undefined ? {} : { PublicIp: nat.publicIp }),
          ...(nat.networkInterfaceId === undefined ? {} : { NetworkInterfaceId: nat.networkInterfaceId }),
          IsPrimary: true,
        },
      ],
      Tags: tagsFromName(nat.name),
    });
  }
  // aws-rules NAT-07: a regional NAT gateway is printed with AvailabilityMode "regional", its VPC, its route
  // table and one address per zone; it has no SubnetId.
  for (const nat of topology.regionalNatGateways ?? []) {
    ctx.push(ctx.vpcRegion(nat.vpcId), "describe-nat-gateways", "NatGateways", {
      NatGatewayId: nat.id,
      VpcId: nat.vpcId,
      State: nat.state,
      ConnectivityType: "public",
      AvailabilityMode: "regional",
      AutoProvisionZones: nat.autoProvisionZones ? "enabled" : "disabled",
      ...(nat.routeTableId === undefined ? {} : { RouteTableId: nat.routeTableId }),
      NatGatewayAddresses: nat.addresses.map((a, i) => ({
        PublicIp: a.publicIp,
        ...(a.privateIp === undefined ? {} : { PrivateIp: a.privateIp }),
        AvailabilityZone: a.availabilityZone,
        IsPrimary: i === 0,
        Status: "succeeded",
      })),
      Tags: tagsFromName(nat.name),
    });
  }
}

function awsEni(
  ctx: ExportContext,
  eni: Pick<Eni, "id" | "subnetId" | "privateIp"> & Partial<Eni>,
  interfaceType: string,
  extra: Record<string, unknown>,
) {
  const subnet = ctx.topology.subnets.find((s) => s.id === eni.subnetId);
  return {
    NetworkInterfaceId: eni.id,
    SubnetId: eni.subnetId,
    ...(subnet === undefined ? {} : { VpcId: subnet.vpcId, AvailabilityZone: subnet.availabilityZone }),
    ...ownerField(ctx.accountOf(subnet?.vpcId)),
    InterfaceType: interfaceType,
    PrivateIpAddress: eni.privateIp,
    PrivateIpAddresses: [
      { Primary: true, PrivateIpAddress: eni.privateIp },
      ...(eni.secondaryPrivateIps ?? []).map((ip) => ({ Primary: false, PrivateIpAddress: ip })),
    ],
    ...(eni.publicIp === undefined ? {} : { Association: { PublicIp: eni.publicIp } }),
    Ipv6Addresses: (eni.ipv6Addresses ?? []).map((a) => ({ Ipv6Address: a })),
    Groups: (eni.securityGroupIds ?? []).map((id) => ({ GroupId: id })),
    SourceDestCheck: eni.sourceDestCheck ?? true,
    TagSet: tagsFromName(eni.name),
    ...extra,
  };
}

/**
 * Instances with an inline primary interface are exported without an ENI record so that they import
 * back inline; instances that list ENIs get them in describe-network-interfaces.
 */
export function exportInstancesAndInterfaces(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const eni of topology.networkInterfaces) {
    const owner = topology.instances.find((i) => i.networkInterfaceIds.includes(eni.id));
    const instanceId = eni.instanceId ?? owner?.id;
    const attachment =
      instanceId === undefined
        ? {}
        : {
            Attachment: {
              InstanceId: instanceId,
              DeviceIndex: Math.max(0, owner?.networkInterfaceIds.indexOf(eni.id) ?? 0),
            },
          };
    ctx.push(
      ctx.subnetRegion(eni.subnetId),
      "describe-network-interfaces",
      "NetworkInterfaces",
      awsEni(ctx, eni, "interface", attachment),
    );
  }
  for (const instance of topology.instances) {
    const enis = instance.networkInterfaceIds.flatMap((id) =>
      topology.networkInterfaces.filter((e) => e.id === id),
    );
    const primary = enis[0];
    const subnetId = primary?.subnetId ?? instance.subnetId;
    const vpcId = topology.subnets.find((s) => s.id === subnetId)?.vpcId;
    const privateIp = primary?.privateIp ?? instance.privateIp;
    const publicIp = primary === undefined ? instance.publicIp : primary.publicIp;
    ctx.push(ctx.subnetRegion(subnetId), "describe-instances", "Reservations", {
      ...ownerField(ctx.accountOf(vpcId)),
      Instances: [
        {
          InstanceId: instance.id,
          State: { Name: instance.state },
          ...(subnetId === undefined ? {} : { SubnetId: subnetId }),
          ...(vpcId === undefined ? {} : { VpcId: vpcId }),
          ...(privateIp === undefined ? {} : { PrivateIpAddress: privateIp }),
          ...(publicIp === undefined ? {} : { PublicIpAddress: publicIp }),
          SecurityGroups: (primary?.securityGroupIds ?? instance.securityGroupIds).map((id) => ({
            GroupId: id,
          })),
          SourceDestCheck: primary?.sourceDestCheck ?? instance.sourceDestCheck,
          NetworkInterfaces:
            primary === undefined
              ? // The inline primary interface, under the id the model derives for it (eni-<suffix>).
                subnetId === undefined
                ? []
                : [
                    {
                      NetworkInterfaceId: primaryEniIdFor(instance.id),
                      SubnetId: subnetId,
                      ...(privateIp === undefined ? {} : { PrivateIpAddress: privateIp }),
                      Ipv6Addresses: instance.ipv6Addresses.map((a) => ({ Ipv6Address: a })),
                      Groups: instance.securityGroupIds.map((id) => ({ GroupId: id })),
                      SourceDestCheck: instance.sourceDestCheck,
                      Attachment: { DeviceIndex: 0 },
                    },
                  ]
              : enis.map((e, index) => ({
                  NetworkInterfaceId: e.id,
                  SubnetId: e.subnetId,
                  PrivateIpAddress: e.privateIp,
                  Attachment: { DeviceIndex: index },
                })),
          Tags: tagsFromName(instance.name),
        },
      ],
    });
  }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function exportEndpoints(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const ep of topology.gatewayEndpoints) {
    const region = ep.region ?? ctx.vpcRegion(ep.vpcId);
    const effect = ep.policy === "deny-all" ? "Deny" : "Allow";
    ctx.push(ctx.vpcRegion(ep.vpcId), "describe-vpc-endpoints", "VpcEndpoints", {
      VpcEndpointId: ep.id,
      VpcEndpointType: "Gateway",
      VpcId: ep.vpcId,
      ServiceName: `com.amazonaws.${region}.${ep.service}`,
      State: "available",
      PolicyDocument: JSON.stringify({
        Version: "2008-10-17",
        Statement: [{ Effect: effect, Principal: "*", Action: "*", Resource: "*" }],
      }),
      RouteTableIds: ep.routeTableIds,
      SubnetIds: [],
      Groups: [],
      NetworkInterfaceIds: [],
      Tags: tagsFromName(ep.name),
    });
  }
  for (const ep of topology.interfaceEndpoints) {
    const region = ctx.vpcRegion(ep.vpcId);
    ctx.push(region, "describe-vpc-endpoints", "VpcEndpoints", {
      VpcEndpointId: ep.id,
      VpcEndpointType: "Interface",
      VpcId: ep.vpcId,
      ServiceName: ep.serviceName,
      State: capitalise(ep.state),
      SubnetIds: ep.networkInterfaces.map((n) => n.subnetId),
      NetworkInterfaceIds: ep.networkInterfaces.map((n) => n.id),
      Groups: ep.securityGroupIds.map((id) => ({ GroupId: id })),
      PrivateDnsEnabled: ep.privateDnsEnabled,
      ...(ep.dnsNames === undefined ? {} : { DnsEntries: ep.dnsNames.map((n) => ({ DnsName: n })) }),
      ...(ep.privateDnsOnlyForInboundResolverEndpoint === true || ep.dnsRecordIpType !== undefined
        ? {
            DnsOptions: {
              ...(ep.dnsRecordIpType === undefined ? {} : { DnsRecordIpType: ep.dnsRecordIpType }),
              ...(ep.privateDnsOnlyForInboundResolverEndpoint === true
                ? { PrivateDnsOnlyForInboundResolverEndpoint: true }
                : {}),
            },
          }
        : {}),
      Tags: tagsFromName(ep.name),
    });
    for (const n of ep.networkInterfaces) {
      ctx.push(
        region,
        "describe-network-interfaces",
        "NetworkInterfaces",
        awsEni(
          ctx,
          {
            id: n.id,
            subnetId: n.subnetId,
            privateIp: n.privateIp,
            ipv6Addresses: n.ipv6Addresses ?? [],
            securityGroupIds: ep.securityGroupIds,
          },
          "vpc_endpoint",
          {
            Description: `VPC Endpoint Interface ${ep.id}`,
            RequesterManaged: true,
          },
        ),
      );
    }
  }
}

/**
 * aws-rules GWLB-01: a Gateway Load Balancer endpoint in describe-vpc-endpoints (one subnet) and, when its
 * interface is known, that interface (gateway_load_balancer_endpoint) in describe-network-interfaces, which
 * is where the importer reads its private address.
 */
export function exportGatewayLoadBalancerEndpoints(ctx: ExportContext): void {
  for (const ep of ctx.topology.gatewayLoadBalancerEndpoints ?? []) {
    const region = ctx.vpcRegion(ep.vpcId);
    ctx.push(region, "describe-vpc-endpoints", "VpcEndpoints", {
      VpcEndpointId: ep.id,
      VpcEndpointType: "GatewayLoadBalancer",
      VpcId: ep.vpcId,
      ...ownerField(ctx.accountOf(ep.vpcId)),
      ServiceName: ep.serviceName,
      State: ep.state,
      RouteTableIds: [],
      SubnetIds: [ep.subnetId],
      Groups: [],
      NetworkInterfaceIds: ep.networkInterfaceId === undefined ? [] : [ep.networkInterfaceId],
      PrivateDnsEnabled: false,
      Tags: tagsFromName(ep.name),
    });
    if (ep.networkInterfaceId === undefined || ep.privateIp === undefined) continue;
    ctx.push(
      region,
      "describe-network-interfaces",
      "NetworkInterfaces",
      awsEni(
        ctx,
        { id: ep.networkInterfaceId, subnetId: ep.subnetId, privateIp: ep.privateIp },
        "gateway_load_balancer_endpoint",
        { Description: `VPC Endpoint Interface ${ep.id}`, RequesterManaged: true },
      ),
    );
  }
}

export function exportPrefixLists(ctx: ExportContext): void {
  for (const list of ctx.topology.prefixLists) {
    const service = list.name === undefined ? null : parseAwsServiceName(list.name);
    const region = service?.region ?? ctx.topology.region;
    ctx.push(region, "describe-managed-prefix-lists", "PrefixLists", {
      PrefixListId: list.id,
      ...(list.name === undefined ? {} : { PrefixListName: list.name }),
      AddressFamily: list.cidrBlocks.some((c) => c.includes(":")) ? "IPv6" : "IPv4",
      ...(service === null ? {} : { OwnerId: "AWS" }),
    });
    ctx.setById(region, "get-managed-prefix-list-entries", list.id, {
      Entries: list.cidrBlocks.map((c) => ({ Cidr: c })),
    });
  }
}

export function exportPeeringConnections(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const pcx of topology.peeringConnections) {
    const info = (vpcId: string, allowDns: boolean) => {
      const vpc = topology.vpcs.find((v) => v.id === vpcId);
      return {
        VpcId: vpcId,
        ...ownerField(vpc?.accountId),
        Region: ctx.vpcRegion(vpcId),
        ...(vpc?.cidrBlocks[0] === undefined ? {} : { CidrBlock: vpc.cidrBlocks[0] }),
        CidrBlockSet: (vpc?.cidrBlocks ?? []).map((c) => ({ CidrBlock: c })),
        PeeringOptions: { AllowDnsResolutionFromRemoteVpc: allowDns },
      };
    };
    const item = {
      VpcPeeringConnectionId: pcx.id,
      RequesterVpcInfo: info(pcx.requesterVpcId, pcx.requesterAllowDnsResolutionFromRemoteVpc),
      AccepterVpcInfo: info(pcx.accepterVpcId, pcx.accepterAllowDnsResolutionFromRemoteVpc),
      Status: { Code: pcx.status },
      ...(pcx.createdAt === undefined
        ? {}
        : { ExpirationTime: isoFromUnixSeconds(pcx.createdAt + PENDING_LIFETIME_SECONDS) }),
      Tags: tagsFromName(pcx.name),
    };
    // A cross-region peering is listed by both regions, as AWS does.
    const regions = new Set([ctx.vpcRegion(pcx.requesterVpcId), ctx.vpcRegion(pcx.accepterVpcId)]);
    for (const region of regions)
      ctx.push(region, "describe-vpc-peering-connections", "VpcPeeringConnections", item);
  }
}
