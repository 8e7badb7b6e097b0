import type { AwsDescribeCommand } from "./aws-describe-files";

// What each command the importer reads contributes, and how to run it: the single list behind the
// "did you mean" of an unread file, docs/collect.md and scripts/collect-aws.sh.

export type CommandInfo = {
  /** `aws <service> <command>`. */
  service: "ec2" | "directconnect" | "elbv2";
  /** What the model takes from it (shown for a misnamed file: what it would have contributed). */
  contributes: string;
  /** For a per-argument command: the argument each call takes (one file per value). */
  argument?: string;
};

export const COMMAND_CATALOGUE: Readonly<Record<AwsDescribeCommand, CommandInfo>> = {
  "describe-vpcs": { service: "ec2", contributes: "VPCs, their IPv4/IPv6 CIDRs and owner account" },
  "describe-subnets": { service: "ec2", contributes: "subnets, their Availability Zone and CIDRs" },
  "describe-route-tables": {
    service: "ec2",
    contributes: "route tables, routes (static and VGW-propagated), subnet and gateway (edge) associations",
  },
  "describe-security-groups": { service: "ec2", contributes: "security groups and their rules" },
  "describe-network-acls": {
    service: "ec2",
    contributes: "network ACLs, their entries and subnet associations",
  },
  "describe-vpc-peering-connections": {
    service: "ec2",
    contributes: "VPC peerings, their status and DNS options, remote peer VPC CIDRs",
  },
  "describe-vpc-endpoints": {
    service: "ec2",
    contributes: "gateway, interface and Gateway Load Balancer VPC endpoints",
  },
  "describe-vpc-block-public-access-options": {
    service: "ec2",
    contributes: "the Region's VPC Block Public Access mode (off, bidirectional, ingress-only)",
  },
  "describe-vpc-block-public-access-exclusions": {
    service: "ec2",
    contributes: "the VPCs and subnets excluded from VPC Block Public Access",
  },
  "describe-internet-gateways": { service: "ec2", contributes: "internet gateways and their VPC" },
  "describe-egress-only-internet-gateways": { service: "ec2", contributes: "egress-only internet gateways" },
  "describe-nat-gateways": {
    service: "ec2",
    contributes:
      "NAT gateways, their private and public IPs and state; regional NAT gateways (AvailabilityMode regional): VPC, route table, automatic/manual zones and each zone's Elastic IP",
  },
  "describe-network-interfaces": {
    service: "ec2",
    contributes: "network interfaces: addresses, security groups, source/dest check",
  },
  "describe-instances": { service: "ec2", contributes: "instances and their primary interfaces" },
  "describe-addresses": {
    service: "ec2",
    contributes: "Elastic IP addresses and the interface each is associated with",
  },
  "describe-vpc-attribute": {
    service: "ec2",
    contributes: "DNS support and DNS hostnames of a VPC",
    argument: "--vpc-id <vpc> --attribute enableDnsSupport|enableDnsHostnames",
  },
  "describe-dhcp-options": {
    service: "ec2",
    contributes: "DHCP option sets: whether a VPC uses the Amazon DNS server",
  },
  "describe-managed-prefix-lists": { service: "ec2", contributes: "managed prefix lists (names and ids)" },
  "get-managed-prefix-list-entries": {
    service: "ec2",
    contributes: "the CIDRs of one managed prefix list",
    argument: "--prefix-list-id <pl>",
  },
  "describe-prefix-lists": {
    service: "ec2",
    contributes: "AWS service prefix lists (S3, DynamoDB) with their CIDRs",
  },
  "describe-transit-gateways": {
    service: "ec2",
    contributes: "transit gateways, ASN and default route tables",
  },
  "describe-transit-gateway-attachments": {
    service: "ec2",
    contributes: "transit gateway attachments (VPC, VPN, Direct Connect gateway, peering)",
  },
  "describe-transit-gateway-vpc-attachments": {
    service: "ec2",
    contributes: "subnets and appliance mode of TGW VPC attachments",
  },
  "describe-transit-gateway-peering-attachments": {
    service: "ec2",
    contributes: "TGW peering attachments: both transit gateways, Regions and accounts",
  },
  "describe-transit-gateway-route-tables": { service: "ec2", contributes: "transit gateway route tables" },
  "search-transit-gateway-routes": {
    service: "ec2",
    contributes: "the routes of one TGW route table",
    argument: "--transit-gateway-route-table-id <tgw-rtb> --filters Name=state,Values=active,blackhole",
  },
  "get-transit-gateway-route-table-associations": {
    service: "ec2",
    contributes: "the attachments associated with one TGW route table",
    argument: "--transit-gateway-route-table-id <tgw-rtb>",
  },
  "get-transit-gateway-route-table-propagations": {
    service: "ec2",
    contributes: "the attachments propagating into one TGW route table",
    argument: "--transit-gateway-route-table-id <tgw-rtb>",
  },
  "describe-vpn-gateways": { service: "ec2", contributes: "virtual private gateways and their VPC" },
  "describe-customer-gateways": { service: "ec2", contributes: "customer gateways (IP, BGP ASN)" },
  "describe-vpn-connections": {
    service: "ec2",
    contributes: "Site-to-Site VPN connections: routing, static routes, tunnel status",
  },
  "describe-vpc-endpoint-service-configurations": {
    service: "ec2",
    contributes: "your endpoint services (PrivateLink) and their load balancers",
  },
  "describe-vpc-endpoint-connections": {
    service: "ec2",
    contributes: "endpoints connected to your endpoint services and their state",
  },
  "describe-vpc-endpoint-service-permissions": {
    service: "ec2",
    contributes: "the principals allowed to use one endpoint service",
    argument: "--service-id <vpce-svc>",
  },
  "describe-virtual-interfaces": {
    service: "directconnect",
    contributes: "Direct Connect virtual interfaces, their type, state and gateway",
  },
  "describe-direct-connect-gateways": { service: "directconnect", contributes: "Direct Connect gateways" },
  "describe-direct-connect-gateway-associations": {
    service: "directconnect",
    contributes: "Direct Connect gateway associations (VGW or TGW) and allowed prefixes",
    argument: "--direct-connect-gateway-id <dxgw>",
  },
  "describe-direct-connect-gateway-attachments": {
    service: "directconnect",
    contributes: "which virtual interfaces attach to each Direct Connect gateway",
    argument: "--direct-connect-gateway-id <dxgw>",
  },
  "describe-load-balancers": {
    service: "elbv2",
    contributes: "load balancers (the NLB behind an endpoint service), subnets and addresses",
  },
  "describe-target-groups": { service: "elbv2", contributes: "target groups, their port and load balancer" },
  "describe-listeners": {
    service: "elbv2",
    contributes: "the listeners of one load balancer: port, protocol and target group",
    argument: "--load-balancer-arn <arn>",
  },
  "describe-load-balancer-attributes": {
    service: "elbv2",
    contributes: "a load balancer's attributes: cross-zone load balancing",
    argument: "--load-balancer-arn <arn>",
  },
  "describe-target-health": {
    service: "elbv2",
    contributes: "the registered targets of one target group",
    argument: "--target-group-arn <arn>",
  },
};

/** AWS commands that print nothing the network model uses: named as such instead of "did you mean". */
const NOT_NETWORK = new Set([
  "describe-volumes",
  "describe-snapshots",
  "describe-images",
  "describe-key-pairs",
  "describe-tags",
  "describe-regions",
  "describe-availability-zones",
  "describe-instance-status",
  "describe-flow-logs",
  "describe-launch-templates",
  "describe-account-attributes",
  "describe-instance-types",
  "describe-carrier-gateways",
  "describe-local-gateways",
]);

export function unreadFileHint(
  command: string,
  known: (name: string, candidates: readonly string[]) => string | undefined,
): string {
  if (NOT_NETWORK.has(command)) return `"${command}" prints nothing the network model uses; ignored`;
  const suggestion = known(command, Object.keys(COMMAND_CATALOGUE));
  if (suggestion === undefined) return "not a command this importer reads; ignored";
  const info = COMMAND_CATALOGUE[suggestion as AwsDescribeCommand];
  return `not a command this importer reads; ignored (did you mean "${suggestion}"? it would have contributed ${info.contributes})`;
}
