import { z } from "zod";
import {
  AwsNetworkAclSchema,
  AwsPeeringConnectionSchema,
  AwsRouteTableSchema,
  AwsSecurityGroupSchema,
  AwsSubnetSchema,
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

// One schema per file, keyed by the CLI command that prints it (file name without `.json`).
// The describe-* outputs are taken as printed. The per-table / per-list commands
// (search-transit-gateway-routes, get-transit-gateway-route-table-*, get-managed-prefix-list-entries)
// take one argument each, so their file is an object keyed by that argument: { "tgw-rtb-…": <output> }.
const byId = <T extends z.ZodType>(output: T) => z.record(z.string(), output);

export const AwsDescribeFileSchemas = {
  "describe-vpcs": z.object({ Vpcs: z.array(AwsVpcSchema) }),
  "describe-subnets": z.object({ Subnets: z.array(AwsSubnetSchema) }),
  "describe-route-tables": z.object({ RouteTables: z.array(AwsRouteTableSchema) }),
  "describe-security-groups": z.object({ SecurityGroups: z.array(AwsSecurityGroupSchema) }),
  "describe-network-acls": z.object({ NetworkAcls: z.array(AwsNetworkAclSchema) }),
  "describe-vpc-peering-connections": z.object({ VpcPeeringConnections: z.array(AwsPeeringConnectionSchema) }),
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
  "search-transit-gateway-routes": byId(z.object({ Routes: z.array(AwsTgwRouteSchema) })),
  "get-transit-gateway-route-table-associations": byId(z.object({ Associations: z.array(AwsTgwAssociationSchema) })),
  "get-transit-gateway-route-table-propagations": byId(
    z.object({ TransitGatewayRouteTablePropagations: z.array(AwsTgwAssociationSchema) }),
  ),
  "describe-vpn-gateways": z.object({ VpnGateways: z.array(AwsVpnGatewaySchema) }),
  "describe-customer-gateways": z.object({ CustomerGateways: z.array(AwsCustomerGatewaySchema) }),
  "describe-vpn-connections": z.object({ VpnConnections: z.array(AwsVpnConnectionSchema) }),
  "describe-managed-prefix-lists": z.object({ PrefixLists: z.array(AwsManagedPrefixListSchema) }),
  "get-managed-prefix-list-entries": byId(
    z.object({ Entries: z.array(z.object({ Cidr: z.string(), Description: z.string().optional() })) }),
  ),
} as const;

export type AwsDescribeCommand = keyof typeof AwsDescribeFileSchemas;
export const AWS_DESCRIBE_COMMANDS = Object.keys(AwsDescribeFileSchemas) as AwsDescribeCommand[];

/** Parsed outputs of one region; a missing command means "none of that resource". */
export type AwsDescribeRegion = { -readonly [C in AwsDescribeCommand]?: z.infer<(typeof AwsDescribeFileSchemas)[C]> };

export function isAwsDescribeCommand(name: string): name is AwsDescribeCommand {
  return Object.hasOwn(AwsDescribeFileSchemas, name);
}
