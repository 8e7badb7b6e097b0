// The topology format (docs/topology-format.md): plain readonly data, JSON/YAML friendly, validated
// once at the edge with zod. Cross-references (a subnet's vpcId,
// a route's target, ...) are checked by validate.ts, not here, so that one bad id still yields a
// readable list of every problem.
import { z } from "zod";
import { parseCidr, parseIp } from "./cidr";

const cidrString = z.string().superRefine((value, ctx) => {
  const parsed = parseCidr(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
});
const ipv4CidrString = cidrString.refine((v) => !v.includes(":"), { message: "expected an IPv4 CIDR block" });
const ipv6CidrString = cidrString.refine((v) => v.includes(":"), { message: "expected an IPv6 CIDR block" });
const ipString = z.string().superRefine((value, ctx) => {
  const parsed = parseIp(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
});
const ipv4String = ipString.refine((v) => !v.includes(":"), { message: "expected an IPv4 address" });
const ipv6String = ipString.refine((v) => v.includes(":"), { message: "expected an IPv6 address" });
const port = z.number().int().min(0).max(65535);

const named = { id: z.string().min(1), name: z.string().min(1).optional() };

/** "all" = every protocol (-1 in the AWS API). Numbers are IANA protocol numbers (6, 17, 1, 58). */
export const RuleProtocolSchema = z.union([
  z.enum(["all", "tcp", "udp", "icmp", "icmpv6"]),
  z.number().int().min(-1).max(255),
]);

/** aws-rules IGW-07: a VPC Block Public Access exclusion of one VPC or subnet. */
export const BlockPublicAccessExclusionSchema = z.enum(["allow-bidirectional", "allow-egress"]);

export const AccountSchema = z.strictObject({ ...named });

export const VpcSchema = z.strictObject({
  ...named,
  region: z.string().optional(),
  accountId: z.string().optional(),
  cidrBlocks: z.array(ipv4CidrString).min(1),
  ipv6CidrBlocks: z.array(ipv6CidrString).default([]),
  // aws-rules GWE-09 / IFE-03 / PCX-13: DNS resolution is on by default, DNS hostnames off for a
  // non-default VPC.
  enableDnsSupport: z.boolean().default(true),
  enableDnsHostnames: z.boolean().default(false),
  /**
   * aws-rules IGW-07: the Region's VPC Block Public Access mode (describe-vpc-block-public-access-options) as it
   * applies to this VPC; absent = off, the AWS default.
   */
  blockPublicAccess: z.enum(["block-bidirectional", "block-ingress"]).optional(),
  /** aws-rules IGW-07: this VPC's Block Public Access exclusion, if any. */
  blockPublicAccessExclusion: BlockPublicAccessExclusionSchema.optional(),
});

export const SubnetSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  availabilityZone: z.string(),
  cidrBlock: ipv4CidrString.optional(),
  ipv6CidrBlock: ipv6CidrString.optional(),
  /** aws-rules RT-01: absent = the VPC's main route table. */
  routeTableId: z.string().optional(),
  /** aws-rules NAT-04: the Route 53 Resolver answers IPv4-only names with 64:ff9b::/96 addresses (DNS64). */
  enableDns64: z.boolean().optional(),
  /** aws-rules IGW-07: this subnet's Block Public Access exclusion, if any. */
  blockPublicAccessExclusion: BlockPublicAccessExclusionSchema.optional(),
  /** aws-rules ACL-06: absent = the VPC's default network ACL. */
  networkAclId: z.string().optional(),
});

export const RouteSchema = z.strictObject({
  destination: cidrString.optional(),
  destinationPrefixListId: z.string().optional(),
  /** "local", an id (igw-, eigw-, nat-, pcx-, vgw-, tgw-, vpce-, eni-, i-) or "blackhole". */
  target: z.string(),
  /** aws-rules RT-06: a static route beats a propagated one with the same prefix. */
  origin: z.enum(["static", "propagated"]).default("static"),
  /**
   * aws-rules RT-08: for target "blackhole" from an import, why AWS shows the route as blackhole when the output
   * still names the target (a deleted NAT gateway, a detached network interface), so explanations can say so.
   */
  blackholeCause: z.string().optional(),
});

export const RouteTableSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  main: z.boolean().default(false),
  routes: z.array(RouteSchema).default([]),
  /** aws-rules VPN-05: VGWs whose VPN/DX routes are propagated into this table. */
  propagatingGatewayIds: z.array(z.string()).default([]),
  /**
   * aws-rules RT-11: a gateway route table: the internet gateways / virtual private gateways it is associated
   * with (edge association). Traffic arriving through one of them is routed by this table (ingress routing).
   */
  gatewayIds: z.array(z.string()).optional(),
});

export const NaclRuleSchema = z.strictObject({
  ruleNumber: z.number().int().min(1).max(32766),
  protocol: RuleProtocolSchema.default("all"),
  fromPort: port.optional(),
  toPort: port.optional(),
  cidrBlock: cidrString,
  action: z.enum(["allow", "deny"]),
});

export const NetworkAclSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  isDefault: z.boolean().default(false),
  inbound: z.array(NaclRuleSchema).default([]),
  outbound: z.array(NaclRuleSchema).default([]),
});

export const SgRuleSchema = z.strictObject({
  protocol: RuleProtocolSchema.default("all"),
  fromPort: port.optional(),
  toPort: port.optional(),
  cidrBlock: cidrString.optional(),
  prefixListId: z.string().optional(),
  /** An SG in the same VPC or a peered VPC; cross-account as `account/sg-id` (aws-rules SG-06, PCX-11). */
  securityGroupId: z.string().optional(),
  description: z.string().optional(),
});

export const SecurityGroupSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  inbound: z.array(SgRuleSchema).default([]),
  /** aws-rules SG-03: omitted = the default allow-all egress rule; [] = no outbound traffic. */
  outbound: z.array(SgRuleSchema).optional(),
});

const interfaceFields = {
  subnetId: z.string(),
  // An IPv4 address, or in an IPv6-only subnet (no cidrBlock) the primary IPv6 address.
  privateIp: ipString,
  secondaryPrivateIps: z.array(ipv4String).default([]),
  publicIp: ipv4String.optional(),
  ipv6Addresses: z.array(ipString).default([]),
  securityGroupIds: z.array(z.string()).default([]),
  sourceDestCheck: z.boolean().default(true),
};

export const EniSchema = z.strictObject({ ...named, ...interfaceFields, instanceId: z.string().optional() });

export const InstanceSchema = z.strictObject({
  ...named,
  state: z.enum(["pending", "running", "stopping", "stopped", "terminated"]).default("running"),
  /** Inline primary interface (its ENI id is derived: i-0abc -> eni-0abc) ... */
  subnetId: z.string().optional(),
  privateIp: ipString.optional(), // IPv6 in an IPv6-only subnet (no IPv4 address to give)
  publicIp: ipv4String.optional(),
  ipv6Addresses: z.array(ipString).default([]),
  securityGroupIds: z.array(z.string()).default([]),
  sourceDestCheck: z.boolean().default(true),
  /** ... or separate ENIs listed in `networkInterfaces` with `instanceId` set. */
  networkInterfaceIds: z.array(z.string()).default([]),
});

export const InternetGatewaySchema = z.strictObject({ ...named, vpcId: z.string().optional() });
export const EgressOnlyInternetGatewaySchema = z.strictObject({ ...named, vpcId: z.string() });

export const NatGatewaySchema = z.strictObject({
  ...named,
  subnetId: z.string(),
  connectivity: z.enum(["public", "private"]).default("public"),
  privateIp: ipv4String,
  /** The gateway's own network interface (NatGatewayAddresses[].NetworkInterfaceId): its flow-log records name it. */
  networkInterfaceId: z.string().optional(),
  publicIp: ipv4String.optional(),
  state: z.enum(["pending", "available", "failed", "deleting", "deleted"]).default("available"),
});

/**
 * aws-rules NAT-07: a regional NAT gateway (describe-nat-gateways AvailabilityMode "regional"): one gateway for
 * the VPC, in no subnet, with Elastic IP addresses per Availability Zone. A subnet's route to it is served in
 * the subnet's zone; the gateway's own route table (created with it, a route to the internet gateway) routes
 * what it translated.
 */
export const RegionalNatGatewaySchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  /** The route table AWS created for the gateway (describe-nat-gateways RouteTableId). */
  routeTableId: z.string().optional(),
  /** Automatic mode (AutoProvisionZones enabled, the default): AWS adds a zone as workloads appear there. */
  autoProvisionZones: z.boolean().default(true),
  /** Per zone, the Elastic IP address(es) that translate that zone's traffic (NatGatewayAddresses). */
  addresses: z
    .array(
      z.strictObject({
        availabilityZone: z.string(),
        publicIp: ipv4String,
        privateIp: ipv4String.optional(),
      }),
    )
    .default([]),
  state: z.enum(["pending", "available", "failed", "deleting", "deleted"]).default("available"),
});

export const PeeringStatusSchema = z.enum([
  "initiating-request",
  "pending-acceptance",
  "provisioning",
  "active",
  "failed",
  "expired",
  "rejected",
  "deleting",
  "deleted",
]);

export const PeeringConnectionSchema = z.strictObject({
  ...named,
  requesterVpcId: z.string(),
  accepterVpcId: z.string(),
  status: PeeringStatusSchema.default("active"),
  /** Unix seconds; a pending request older than 7 days counts as expired (aws-rules PCX-06). */
  createdAt: z.number().int().optional(),
  /** aws-rules PCX-13: lets the *other* VPC resolve this side's public hostnames to private IPs. */
  requesterAllowDnsResolutionFromRemoteVpc: z.boolean().default(false),
  accepterAllowDnsResolutionFromRemoteVpc: z.boolean().default(false),
});

export const TransitGatewaySchema = z.strictObject({
  ...named,
  region: z.string().optional(),
  asn: z.number().int().default(64512),
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  /**
   * aws-rules TGW-03: the default route table. Attachments of this TGW that no route table lists
   * in `associations` / `propagations` are associated with / propagate into it (when enabled; both default to true).
   */
  defaultRouteTableId: z.string().optional(),
  defaultRouteTableAssociation: z.boolean().optional(),
  defaultRouteTablePropagation: z.boolean().optional(),
  /** aws-rules TGW-13: security group references across this TGW's VPC attachments; absent = off (the AWS default). */
  securityGroupReferencingSupport: z.boolean().optional(),
});

export const TransitGatewayAttachmentSchema = z.strictObject({
  ...named,
  transitGatewayId: z.string(),
  type: z.enum(["vpc", "vpn", "direct-connect-gateway", "peering"]),
  vpcId: z.string().optional(),
  /** aws-rules TGW-09: one subnet per AZ; the TGW is usable only from those AZs. */
  subnetIds: z.array(z.string()).default([]),
  vpnConnectionId: z.string().optional(),
  directConnectGatewayId: z.string().optional(),
  peerTransitGatewayId: z.string().optional(),
  peerAttachmentId: z.string().optional(),
  applianceMode: z.boolean().default(false),
  /** aws-rules TGW-13: a VPC attachment's share of security group referencing; absent = on (the attachment default). */
  securityGroupReferencingSupport: z.boolean().optional(),
  /** aws-rules TGW-05: false (Ipv6Support disable) keeps a VPC attachment's IPv6 CIDRs from propagating; absent = on. */
  ipv6Support: z.boolean().optional(),
  state: z
    .enum(["pending", "pendingAcceptance", "available", "rejected", "deleting", "deleted", "failed"])
    .default("available"),
});

export const TransitGatewayRouteSchema = z.strictObject({
  destination: cidrString,
  attachmentId: z.string().optional(),
  /** aws-rules TGW-08: a blackhole route drops matching traffic. */
  blackhole: z.boolean().default(false),
});

export const TransitGatewayRouteTableSchema = z.strictObject({
  ...named,
  transitGatewayId: z.string(),
  associations: z.array(z.string()).default([]),
  propagations: z.array(z.string()).default([]),
  routes: z.array(TransitGatewayRouteSchema).default([]),
});

export const VpnGatewaySchema = z.strictObject({
  ...named,
  vpcId: z.string().optional(),
  asn: z.number().int().default(64512),
});
export const CustomerGatewaySchema = z.strictObject({
  ...named,
  ipAddress: ipv4String,
  asn: z.number().int().default(65000),
});

export const VpnTunnelSchema = z.strictObject({
  outsideIp: ipv4String.optional(),
  status: z.enum(["UP", "DOWN"]).default("UP"),
});

export const VpnConnectionSchema = z.strictObject({
  ...named,
  customerGatewayId: z.string(),
  vpnGatewayId: z.string().optional(),
  transitGatewayId: z.string().optional(),
  routing: z.enum(["static", "bgp"]).default("static"),
  /** Static routing: prefixes on the customer side. BGP: learned from the on-prem networks behind the CGW. */
  staticRoutes: z.array(ipv4CidrString).default([]),
  tunnels: z.array(VpnTunnelSchema).default([{ status: "UP" }, { status: "UP" }]),
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
});

export const DirectConnectGatewaySchema = z.strictObject({
  ...named,
  associations: z
    .array(z.strictObject({ gatewayId: z.string(), allowedPrefixes: z.array(ipv4CidrString).default([]) }))
    .default([]),
  // From an import: the private/transit VIFs attached to the gateway; absent = not known (assumed up).
  // A VIF not `available` carries no traffic (lib/net/on-premises.ts).
  virtualInterfaces: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string().optional(),
        type: z.enum(["private", "transit", "public"]),
        state: z.string(),
      }),
    )
    .optional(),
  // From an import: associations AWS lists in another state than `associated` (`associating`, `disassociating`,
  // `disassociated`, …). They carry no traffic, so the model ignores them; an explanation names them.
  inactiveAssociations: z
    .array(z.strictObject({ gatewayId: z.string(), id: z.string().optional(), state: z.string() }))
    .optional(),
});

export const GatewayEndpointSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  service: z.enum(["s3", "dynamodb"]),
  region: z.string().optional(),
  routeTableIds: z.array(z.string()).default([]),
  /** aws-rules GWE-08: endpoint policy, simplified to allow-all or deny-all. */
  policy: z.enum(["allow-all", "deny-all"]).default("allow-all"),
});

/** An interface or Gateway Load Balancer endpoint's state, as describe-vpc-endpoints reports it. */
const VpcEndpointStateSchema = z.enum([
  "pendingAcceptance",
  "pending",
  "available",
  "rejected",
  "failed",
  "deleting",
  "deleted",
  "expired",
]);

export const InterfaceEndpointSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  /** e.g. com.amazonaws.us-east-1.sqs, or an endpoint service's name / vpce-svc id. */
  serviceName: z.string(),
  /** aws-rules IFE-01: one requester-managed ENI per chosen subnet, at most one per AZ. */
  networkInterfaces: z
    .array(
      z.strictObject({
        id: z.string(),
        subnetId: z.string(),
        privateIp: ipv4String,
        /** aws-rules IFE-11: a dual-stack endpoint's interfaces also have IPv6 addresses (IpAddressType dualstack). */
        ipv6Addresses: z.array(ipv6String).optional(),
      }),
    )
    .default([]),
  securityGroupIds: z.array(z.string()).default([]),
  privateDnsEnabled: z.boolean().default(true),
  /**
   * aws-rules IFE-11: which DNS records the endpoint's names get (DnsOptions.DnsRecordIpType): ipv4 A only (the
   * default), ipv6 AAAA only, dualstack both, service-defined A for the private name and AAAA besides for the
   * Regional and zonal names.
   */
  dnsRecordIpType: z.enum(["ipv4", "dualstack", "ipv6", "service-defined"]).optional(),
  /**
   * aws-rules IFE-03: the endpoint-specific Regional and zonal DNS names (DnsEntries, e.g.
   * vpce-0abc-1a2b.sqs.us-east-1.vpce.amazonaws.com), which resolve to the endpoint's addresses from any network.
   */
  dnsNames: z.array(z.string()).optional(),
  /**
   * aws-rules IFE-08: private DNS answers only queries through a Route 53 Resolver inbound endpoint (S3): inside the
   * VPC the service name keeps its public address (and so the gateway endpoint); on-premises it is this endpoint.
   */
  privateDnsOnlyForInboundResolverEndpoint: z.boolean().optional(),
  state: VpcEndpointStateSchema.default("available"),
});

/**
 * aws-rules GWLB-01: a Gateway Load Balancer endpoint: one ENI in one subnet, a route target (vpce-…) that hands
 * traffic to the appliances behind a Gateway Load Balancer and back, to be routed on by its subnet's table.
 */
export const GatewayLoadBalancerEndpointSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  subnetId: z.string(),
  /** The Gateway Load Balancer endpoint service (com.amazonaws.vpce.<region>.vpce-svc-…). */
  serviceName: z.string(),
  networkInterfaceId: z.string().optional(),
  privateIp: ipv4String.optional(),
  state: VpcEndpointStateSchema.default("available"),
});

/**
 * aws-rules GWLB-01: a Gateway Load Balancer behind a Gateway Load Balancer endpoint service: the service name its
 * endpoints use (describe-vpc-endpoint-service-configurations GatewayLoadBalancerArns) and the target groups of
 * its listener (describe-listeners); `targetGroupIds` absent = not known, and the appliances are assumed there.
 */
export const GatewayLoadBalancerSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  serviceName: z.string().optional(),
  state: z.enum(["active", "active_impaired", "provisioning", "failed"]).optional(),
  targetGroupIds: z.array(z.string()).optional(),
});

export const EndpointServiceSchema = z.strictObject({
  ...named,
  serviceName: z.string(),
  vpcId: z.string().optional(),
  networkLoadBalancerArns: z.array(z.string()).default([]),
  acceptanceRequired: z.boolean().default(true),
  allowedPrincipals: z.array(z.string()).default([]),
  /** aws-rules EPS-02: the provider's view of each endpoint connection (describe-vpc-endpoint-connections). */
  connections: z
    .array(
      z.strictObject({
        vpcEndpointId: z.string(),
        state: z.enum([
          "pendingAcceptance",
          "pending",
          "available",
          "rejected",
          "failed",
          "deleting",
          "deleted",
          "expired",
        ]),
      }),
    )
    .optional(),
});

/**
 * A Network Load Balancer behind an endpoint service (aws-rules EPS-01, EPS-07..EPS-09). `listeners`
 * absent = not known (no describe-listeners output): the trace then ends at the endpoint service.
 */
export const LoadBalancerSchema = z.strictObject({
  ...named,
  type: z.enum(["network"]).default("network"),
  vpcId: z.string(),
  /** aws-rules EPS-07: only an `active` (or `active_impaired`) load balancer routes traffic; absent = active. */
  state: z.enum(["active", "active_impaired", "provisioning", "failed"]).optional(),
  scheme: z.enum(["internal", "internet-facing"]).default("internal"),
  /** One node per enabled Availability Zone: its subnet, private address and (when known) its ENI. */
  nodes: z
    .array(
      z.strictObject({
        subnetId: z.string(),
        privateIp: ipv4String,
        networkInterfaceId: z.string().optional(),
      }),
    )
    .default([]),
  /** aws-rules EPS-09: none = the NLB has no security groups (it cannot get any later). */
  securityGroupIds: z.array(z.string()).default([]),
  /** aws-rules EPS-09: with security groups, their inbound rules judge PrivateLink traffic unless turned off. */
  enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: z.boolean().default(true),
  /** aws-rules EPS-08: off by default for an NLB: a node sends only to targets in its own zone. */
  crossZone: z.boolean().default(false),
  listeners: z
    .array(
      z.strictObject({
        port,
        protocol: z.enum(["TCP", "TLS", "UDP", "TCP_UDP"]).default("TCP"),
        targetGroupId: z.string(),
      }),
    )
    .optional(),
});

export const TargetHealthStateSchema = z.enum([
  "initial",
  "healthy",
  "unhealthy",
  "unused",
  "draining",
  "unavailable",
]);

/** A target group of a Network Load Balancer with its registered targets and their health (aws-rules EPS-08). */
export const TargetGroupSchema = z.strictObject({
  ...named,
  vpcId: z.string(),
  /** GENEVE: a Gateway Load Balancer's target group (port 6081), GWLB-01. */
  protocol: z.enum(["TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"]).default("TCP"),
  port,
  targetType: z.enum(["instance", "ip"]).default("instance"),
  targets: z
    .array(
      z.strictObject({
        /** An instance id (targetType instance) or a private IP address (targetType ip). */
        id: z.string(),
        /** Overrides the group's port for this target. */
        port: port.optional(),
        health: TargetHealthStateSchema.default("healthy"),
        /** AWS's reason code when not healthy, e.g. Target.FailedHealthChecks. */
        reason: z.string().optional(),
        /** The health-check port when it is not the traffic port. */
        healthCheckPort: port.optional(),
      }),
    )
    .default([]),
});

export const PrefixListSchema = z.strictObject({
  ...named,
  cidrBlocks: z.array(cidrString).default([]),
});

/** An AWS service in a region, e.g. { service: s3, region: us-east-1, prefixListId: pl-63a5400a }. */
export const AwsServiceSchema = z.strictObject({
  service: z.string(),
  region: z.string(),
  prefixListId: z.string().optional(),
  /** Public address ranges of the service (used when no prefix list is given). */
  cidrBlocks: z.array(cidrString).default([]),
  dnsName: z.string().optional(),
});

export const OnPremisesNetworkSchema = z.strictObject({
  ...named,
  cidrBlocks: z.array(ipv4CidrString).min(1),
  customerGatewayIds: z.array(z.string()).default([]),
  directConnectGatewayIds: z.array(z.string()).default([]),
});

export const TopologySchema = z.strictObject({
  description: z.string().optional(),
  /** Region used for VPCs and services that do not name one. */
  region: z.string().default("us-east-1"),
  regions: z.array(z.string()).default([]),
  accounts: z.array(AccountSchema).default([]),
  vpcs: z.array(VpcSchema).default([]),
  subnets: z.array(SubnetSchema).default([]),
  routeTables: z.array(RouteTableSchema).default([]),
  networkAcls: z.array(NetworkAclSchema).default([]),
  securityGroups: z.array(SecurityGroupSchema).default([]),
  instances: z.array(InstanceSchema).default([]),
  networkInterfaces: z.array(EniSchema).default([]),
  internetGateways: z.array(InternetGatewaySchema).default([]),
  egressOnlyInternetGateways: z.array(EgressOnlyInternetGatewaySchema).default([]),
  natGateways: z.array(NatGatewaySchema).default([]),
  regionalNatGateways: z.array(RegionalNatGatewaySchema).optional(),
  /**
   * NAT gateways AWS output still lists without an address (failed, deleted): no interface, nothing to deliver to;
   * routes to them are blackholes (RT-08), and as a query's destination they are a blocker (BAD_STATE), not unknown.
   */
  unavailableNatGateways: z
    .array(z.strictObject({ ...named, subnetId: z.string().optional(), state: z.string() }))
    .optional(),
  peeringConnections: z.array(PeeringConnectionSchema).default([]),
  transitGateways: z.array(TransitGatewaySchema).default([]),
  transitGatewayAttachments: z.array(TransitGatewayAttachmentSchema).default([]),
  transitGatewayRouteTables: z.array(TransitGatewayRouteTableSchema).default([]),
  vpnGateways: z.array(VpnGatewaySchema).default([]),
  customerGateways: z.array(CustomerGatewaySchema).default([]),
  vpnConnections: z.array(VpnConnectionSchema).default([]),
  directConnectGateways: z.array(DirectConnectGatewaySchema).default([]),
  gatewayEndpoints: z.array(GatewayEndpointSchema).default([]),
  interfaceEndpoints: z.array(InterfaceEndpointSchema).default([]),
  gatewayLoadBalancerEndpoints: z.array(GatewayLoadBalancerEndpointSchema).optional(),
  endpointServices: z.array(EndpointServiceSchema).default([]),
  prefixLists: z.array(PrefixListSchema).default([]),
  loadBalancers: z.array(LoadBalancerSchema).optional(),
  gatewayLoadBalancers: z.array(GatewayLoadBalancerSchema).optional(),
  targetGroups: z.array(TargetGroupSchema).optional(),
  services: z.array(AwsServiceSchema).default([]),
  onPremisesNetworks: z.array(OnPremisesNetworkSchema).default([]),
  // What an import from AWS output had to assume, printed first by `analyze`. Its
  // presence marks a topology whose on-premises side is only partly known (AWS output does not show
  // what BGP learned), so the model may assume on-premises behind a gateway (lib/net/on-premises.ts).
  assumptions: z.array(z.string()).optional(),
});

/**
 * The lists every parsed topology has (each defaults to []), in the schema's order: the lists a built topology
 * writes in this order (lib/scenario's builder) and an import starts from, empty (import-aws-describe.ts).
 */
export const DEFAULTED_TOPOLOGY_LISTS = [
  "regions",
  "accounts",
  "vpcs",
  "subnets",
  "routeTables",
  "networkAcls",
  "securityGroups",
  "instances",
  "networkInterfaces",
  "internetGateways",
  "egressOnlyInternetGateways",
  "natGateways",
  "peeringConnections",
  "transitGateways",
  "transitGatewayAttachments",
  "transitGatewayRouteTables",
  "vpnGateways",
  "customerGateways",
  "vpnConnections",
  "directConnectGateways",
  "gatewayEndpoints",
  "interfaceEndpoints",
  "endpointServices",
  "prefixLists",
  "services",
  "onPremisesNetworks",
] as const satisfies readonly (keyof z.infer<typeof TopologySchema>)[];

/** Readonly all the way down (arrays and nested objects too). */
export type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A topology is immutable data: every list and object in it is readonly by type, so a change is a new
 * object (spread the parts that change and share the rest). Compiled networks and the caches that build
 * them (network-cache.ts) rely on this: an edit in place after a first analysis would not be seen.
 */
export type Topology = DeepReadonly<z.infer<typeof TopologySchema>>;
/**
 * A topology being assembled: its lists can be appended to and their items replaced, the items themselves
 * stay readonly. For code that builds a topology step by step (the scenario builder, a fix's copy) and
 * hands it over once, as a `Topology`.
 */
export type TopologyDraft = {
  -readonly [K in keyof Topology]: Topology[K] extends readonly (infer E)[] ? E[] : Topology[K];
};
/** Writable all the way down: a private copy that its owner may still change before handing it over. */
export type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
/** What a user may write: every list optional, defaults filled in by parseTopology. */
export type TopologyInput = z.input<typeof TopologySchema>;
export type RuleProtocol = DeepReadonly<z.infer<typeof RuleProtocolSchema>>;
export type Account = DeepReadonly<z.infer<typeof AccountSchema>>;
export type Vpc = DeepReadonly<z.infer<typeof VpcSchema>>;
export type Subnet = DeepReadonly<z.infer<typeof SubnetSchema>>;
export type Route = DeepReadonly<z.infer<typeof RouteSchema>>;
export type RouteTable = DeepReadonly<z.infer<typeof RouteTableSchema>>;
export type NaclRule = DeepReadonly<z.infer<typeof NaclRuleSchema>>;
export type NetworkAcl = DeepReadonly<z.infer<typeof NetworkAclSchema>>;
export type SgRule = DeepReadonly<z.infer<typeof SgRuleSchema>>;
export type SecurityGroup = DeepReadonly<z.infer<typeof SecurityGroupSchema>>;
export type Eni = DeepReadonly<z.infer<typeof EniSchema>>;
export type Instance = DeepReadonly<z.infer<typeof InstanceSchema>>;
export type InternetGateway = DeepReadonly<z.infer<typeof InternetGatewaySchema>>;
export type EgressOnlyInternetGateway = DeepReadonly<z.infer<typeof EgressOnlyInternetGatewaySchema>>;
export type NatGateway = DeepReadonly<z.infer<typeof NatGatewaySchema>>;
export type RegionalNatGateway = DeepReadonly<z.infer<typeof RegionalNatGatewaySchema>>;
export type PeeringStatus = DeepReadonly<z.infer<typeof PeeringStatusSchema>>;
export type PeeringConnection = DeepReadonly<z.infer<typeof PeeringConnectionSchema>>;
export type TransitGateway = DeepReadonly<z.infer<typeof TransitGatewaySchema>>;
export type TransitGatewayAttachment = DeepReadonly<z.infer<typeof TransitGatewayAttachmentSchema>>;
export type TransitGatewayRoute = DeepReadonly<z.infer<typeof TransitGatewayRouteSchema>>;
export type TransitGatewayRouteTable = DeepReadonly<z.infer<typeof TransitGatewayRouteTableSchema>>;
export type VpnGateway = DeepReadonly<z.infer<typeof VpnGatewaySchema>>;
export type CustomerGateway = DeepReadonly<z.infer<typeof CustomerGatewaySchema>>;
export type VpnConnection = DeepReadonly<z.infer<typeof VpnConnectionSchema>>;
export type DirectConnectGateway = DeepReadonly<z.infer<typeof DirectConnectGatewaySchema>>;
export type GatewayEndpoint = DeepReadonly<z.infer<typeof GatewayEndpointSchema>>;
export type InterfaceEndpoint = DeepReadonly<z.infer<typeof InterfaceEndpointSchema>>;
export type GatewayLoadBalancerEndpoint = DeepReadonly<z.infer<typeof GatewayLoadBalancerEndpointSchema>>;
export type EndpointService = DeepReadonly<z.infer<typeof EndpointServiceSchema>>;
export type PrefixList = DeepReadonly<z.infer<typeof PrefixListSchema>>;
export type AwsService = DeepReadonly<z.infer<typeof AwsServiceSchema>>;
export type OnPremisesNetwork = DeepReadonly<z.infer<typeof OnPremisesNetworkSchema>>;
export type LoadBalancer = DeepReadonly<z.infer<typeof LoadBalancerSchema>>;
export type GatewayLoadBalancer = DeepReadonly<z.infer<typeof GatewayLoadBalancerSchema>>;
export type TargetGroup = DeepReadonly<z.infer<typeof TargetGroupSchema>>;
export type TargetHealthState = DeepReadonly<z.infer<typeof TargetHealthStateSchema>>;
