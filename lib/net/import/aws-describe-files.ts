import { z } from "zod";
import {
  AwsNetworkAclSchema,
  AwsPeeringConnectionSchema,
  AwsRouteTableSchema,
  AwsSecurityGroupSchema,
  AwsSubnetSchema,
  AwsBlockPublicAccessExclusionSchema,
  AwsBlockPublicAccessOptionsSchema,
  AwsVpcEndpointSchema,
  AwsVpcSchema,
} from "./aws-shapes-vpc";
import {
  AwsCustomerGatewaySchema,
  AwsEgressOnlyInternetGatewaySchema,
  AwsInternetGatewaySchema,
  AwsManagedPrefixListSchema,
  AwsNatGatewaySchema,
  AwsNetworkInterfaceSchema,
  AwsReservationSchema,
  AwsVpnConnectionSchema,
  AwsVpnGatewaySchema,
} from "./aws-shapes-edge";
import {
  AwsTgwAssociationSchema,
  AwsTgwRouteSchema,
  AwsTransitGatewayAttachmentSchema,
  AwsTransitGatewayRouteTableSchema,
  AwsTransitGatewaySchema,
  AwsTransitGatewayVpcAttachmentSchema,
} from "./aws-shapes-transit";
import {
  AwsAddressSchema,
  AwsDhcpOptionsSchema,
  AwsDirectConnectGatewayAssociationSchema,
  AwsDirectConnectGatewayAttachmentSchema,
  AwsDirectConnectGatewaySchema,
  AwsEndpointConnectionSchema,
  AwsEndpointServiceConfigurationSchema,
  AwsEndpointServicePermissionsSchema,
  AwsListenerSchema,
  AwsLoadBalancerSchema,
  AwsPrefixListSchema,
  AwsTargetGroupSchema,
  AwsTargetHealthSchema,
  AwsTgwPeeringAttachmentSchema,
  AwsVirtualInterfaceSchema,
  AwsVpcAttributeSchema,
} from "./aws-shapes-more";

// One schema per file, keyed by the CLI command that prints it (file name without `.json`).
// The describe-* outputs are taken as printed. The per-argument commands (PER_ARGUMENT_OUTPUT below:
// one call per route table, prefix list, VPC attribute or target group) are saved either one file per
// argument, `<command>.<argument>.json` holding the output as printed, or as one file keyed by the
// argument: { "tgw-rtb-…": <output> }. Both end up here in the keyed form.

/** The output of one call of each per-argument command, as the CLI prints it. */
export const PER_ARGUMENT_OUTPUT = {
  "search-transit-gateway-routes": z.object({ Routes: z.array(AwsTgwRouteSchema) }),
  "get-transit-gateway-route-table-associations": z.object({
    Associations: z.array(AwsTgwAssociationSchema),
  }),
  "get-transit-gateway-route-table-propagations": z.object({
    TransitGatewayRouteTablePropagations: z.array(AwsTgwAssociationSchema),
  }),
  "get-managed-prefix-list-entries": z.object({
    Entries: z.array(z.object({ Cidr: z.string(), Description: z.string().optional() })),
  }),
  // One call per VPC and attribute; the output names its VPC, so the argument is only a file label.
  "describe-vpc-attribute": AwsVpcAttributeSchema,
  // One call per target group (--target-group-arn); the argument is the group's name or ARN.
  "describe-target-health": z.object({ TargetHealthDescriptions: z.array(AwsTargetHealthSchema) }),
  // One call per load balancer (--load-balancer-arn); the argument is the load balancer's name or ARN.
  "describe-listeners": z.object({ Listeners: z.array(AwsListenerSchema) }),
  // One call per load balancer (--load-balancer-arn): its attributes (load_balancing.cross_zone.enabled, ...).
  "describe-load-balancer-attributes": z.object({
    Attributes: z.array(z.object({ Key: z.string(), Value: z.string() })),
  }),
  // One call per endpoint service (--service-id vpce-svc-…).
  "describe-vpc-endpoint-service-permissions": AwsEndpointServicePermissionsSchema,
  // Direct Connect asks for a gateway (--direct-connect-gateway-id); the output names it again.
  "describe-direct-connect-gateway-associations": z.object({
    directConnectGatewayAssociations: z.array(AwsDirectConnectGatewayAssociationSchema),
  }),
  "describe-direct-connect-gateway-attachments": z.object({
    directConnectGatewayAttachments: z.array(AwsDirectConnectGatewayAttachmentSchema),
  }),
} as const;

/** Per-argument commands whose output names its own argument: one plain file is one call's output. */
export const SELF_IDENTIFYING = new Set<string>([
  "describe-vpc-attribute",
  "describe-direct-connect-gateway-associations",
  "describe-direct-connect-gateway-attachments",
]);

export type PerArgumentCommand = keyof typeof PER_ARGUMENT_OUTPUT;

export function isPerArgumentCommand(name: string): name is PerArgumentCommand {
  return Object.hasOwn(PER_ARGUMENT_OUTPUT, name);
}

const byId = <T extends z.ZodType>(output: T) => z.record(z.string(), output);

export const AwsDescribeFileSchemas = {
  "describe-vpcs": z.object({ Vpcs: z.array(AwsVpcSchema) }),
  "describe-subnets": z.object({ Subnets: z.array(AwsSubnetSchema) }),
  "describe-route-tables": z.object({ RouteTables: z.array(AwsRouteTableSchema) }),
  "describe-security-groups": z.object({ SecurityGroups: z.array(AwsSecurityGroupSchema) }),
  "describe-network-acls": z.object({ NetworkAcls: z.array(AwsNetworkAclSchema) }),
  "describe-vpc-peering-connections": z.object({
    VpcPeeringConnections: z.array(AwsPeeringConnectionSchema),
  }),
  "describe-vpc-endpoints": z.object({ VpcEndpoints: z.array(AwsVpcEndpointSchema) }),
  "describe-internet-gateways": z.object({ InternetGateways: z.array(AwsInternetGatewaySchema) }),
  "describe-egress-only-internet-gateways": z.object({
    EgressOnlyInternetGateways: z.array(AwsEgressOnlyInternetGatewaySchema),
  }),
  "describe-nat-gateways": z.object({ NatGateways: z.array(AwsNatGatewaySchema) }),
  "describe-network-interfaces": z.object({ NetworkInterfaces: z.array(AwsNetworkInterfaceSchema) }),
  "describe-instances": z.object({ Reservations: z.array(AwsReservationSchema) }),
  "describe-transit-gateways": z.object({ TransitGateways: z.array(AwsTransitGatewaySchema) }),
  "describe-transit-gateway-attachments": z.object({
    TransitGatewayAttachments: z.array(AwsTransitGatewayAttachmentSchema),
  }),
  "describe-transit-gateway-vpc-attachments": z.object({
    TransitGatewayVpcAttachments: z.array(AwsTransitGatewayVpcAttachmentSchema),
  }),
  "describe-transit-gateway-route-tables": z.object({
    TransitGatewayRouteTables: z.array(AwsTransitGatewayRouteTableSchema),
  }),
  "search-transit-gateway-routes": byId(PER_ARGUMENT_OUTPUT["search-transit-gateway-routes"]),
  "get-transit-gateway-route-table-associations": byId(
    PER_ARGUMENT_OUTPUT["get-transit-gateway-route-table-associations"],
  ),
  "get-transit-gateway-route-table-propagations": byId(
    PER_ARGUMENT_OUTPUT["get-transit-gateway-route-table-propagations"],
  ),
  "describe-transit-gateway-peering-attachments": z.object({
    TransitGatewayPeeringAttachments: z.array(AwsTgwPeeringAttachmentSchema),
  }),
  "describe-vpn-gateways": z.object({ VpnGateways: z.array(AwsVpnGatewaySchema) }),
  "describe-customer-gateways": z.object({ CustomerGateways: z.array(AwsCustomerGatewaySchema) }),
  "describe-vpn-connections": z.object({ VpnConnections: z.array(AwsVpnConnectionSchema) }),
  "describe-managed-prefix-lists": z.object({ PrefixLists: z.array(AwsManagedPrefixListSchema) }),
  "get-managed-prefix-list-entries": byId(PER_ARGUMENT_OUTPUT["get-managed-prefix-list-entries"]),
  "describe-prefix-lists": z.object({ PrefixLists: z.array(AwsPrefixListSchema) }),
  "describe-addresses": z.object({ Addresses: z.array(AwsAddressSchema) }),
  "describe-vpc-attribute": byId(PER_ARGUMENT_OUTPUT["describe-vpc-attribute"]),
  "describe-dhcp-options": z.object({ DhcpOptions: z.array(AwsDhcpOptionsSchema) }),
  "describe-vpc-endpoint-service-configurations": z.object({
    ServiceConfigurations: z.array(AwsEndpointServiceConfigurationSchema),
  }),
  "describe-vpc-endpoint-connections": z.object({
    VpcEndpointConnections: z.array(AwsEndpointConnectionSchema),
  }),
  "describe-vpc-endpoint-service-permissions": byId(
    PER_ARGUMENT_OUTPUT["describe-vpc-endpoint-service-permissions"],
  ),
  // aws directconnect … (camelCase output)
  "describe-virtual-interfaces": z.object({ virtualInterfaces: z.array(AwsVirtualInterfaceSchema) }),
  "describe-direct-connect-gateways": z.object({
    directConnectGateways: z.array(AwsDirectConnectGatewaySchema),
  }),
  "describe-direct-connect-gateway-associations": byId(
    PER_ARGUMENT_OUTPUT["describe-direct-connect-gateway-associations"],
  ),
  "describe-direct-connect-gateway-attachments": byId(
    PER_ARGUMENT_OUTPUT["describe-direct-connect-gateway-attachments"],
  ),
  // aws elbv2 …
  "describe-load-balancers": z.object({ LoadBalancers: z.array(AwsLoadBalancerSchema) }),
  "describe-target-groups": z.object({ TargetGroups: z.array(AwsTargetGroupSchema) }),
  "describe-target-health": byId(PER_ARGUMENT_OUTPUT["describe-target-health"]),
  "describe-listeners": byId(PER_ARGUMENT_OUTPUT["describe-listeners"]),
  "describe-load-balancer-attributes": byId(PER_ARGUMENT_OUTPUT["describe-load-balancer-attributes"]),
  // aws ec2 … VPC Block Public Access (Region-wide)
  "describe-vpc-block-public-access-options": z.object({
    VpcBlockPublicAccessOptions: AwsBlockPublicAccessOptionsSchema,
  }),
  "describe-vpc-block-public-access-exclusions": z.object({
    VpcBlockPublicAccessExclusions: z.array(AwsBlockPublicAccessExclusionSchema),
  }),
} as const;

export type AwsDescribeCommand = keyof typeof AwsDescribeFileSchemas;
export const AWS_DESCRIBE_COMMANDS = Object.keys(AwsDescribeFileSchemas) as AwsDescribeCommand[];

/** Parsed outputs of one region; a missing command means "none of that resource". */
export type AwsDescribeRegion = {
  -readonly [C in AwsDescribeCommand]?: z.infer<(typeof AwsDescribeFileSchemas)[C]>;
};

export function isAwsDescribeCommand(name: string): name is AwsDescribeCommand {
  return Object.hasOwn(AwsDescribeFileSchemas, name);
}
