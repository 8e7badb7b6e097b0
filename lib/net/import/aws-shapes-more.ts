import { z } from "zod";
import { AwsTagsSchema } from "./aws-shapes-vpc";

// Output shapes of the commands added for hybrid, transit and PrivateLink estates, exactly
// as the CLI prints them. EC2 and ELBv2 print PascalCase; Direct Connect prints camelCase.
// Sources: EC2 API model, Direct Connect API Reference (DescribeVirtualInterfaces,
// DescribeDirectConnectGateways, -Associations, -Attachments), ELBv2 API Reference; aws-rules [EC2-API].

// --- EC2 ---------------------------------------------------------------------------------------

export const AwsAddressSchema = z.object({
  PublicIp: z.string().optional(),
  AllocationId: z.string().optional(),
  AssociationId: z.string().optional(),
  Domain: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  Tags: AwsTagsSchema,
});

/** describe-vpc-attribute prints one attribute per call: `{ VpcId, EnableDnsSupport: { Value } }`. */
export const AwsVpcAttributeSchema = z.object({
  VpcId: z.string(),
  EnableDnsSupport: z.object({ Value: z.boolean() }).optional(),
  EnableDnsHostnames: z.object({ Value: z.boolean() }).optional(),
});

export const AwsDhcpOptionsSchema = z.object({
  DhcpOptionsId: z.string(),
  DhcpConfigurations: z
    .array(
      z.object({ Key: z.string(), Values: z.array(z.object({ Value: z.string().optional() })).optional() }),
    )
    .optional(),
  Tags: AwsTagsSchema,
});

/** describe-prefix-lists: the AWS-managed lists of gateway-endpoint services, with their CIDRs inline. */
export const AwsPrefixListSchema = z.object({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  Cidrs: z.array(z.string()).optional(),
});

const TgwPeerInfoSchema = z
  .object({
    TransitGatewayId: z.string().optional(),
    OwnerId: z.string().optional(),
    Region: z.string().optional(),
  })
  .optional();

export const AwsTgwPeeringAttachmentSchema = z.object({
  TransitGatewayAttachmentId: z.string(),
  // Newer API output: the accepter side's own attachment id (equal to TransitGatewayAttachmentId when
  // the accepter Region prints it, different when the requester Region does).
  AccepterTransitGatewayAttachmentId: z.string().optional(),
  RequesterTgwInfo: TgwPeerInfoSchema,
  AccepterTgwInfo: TgwPeerInfoSchema,
  State: z.string().optional(),
  Status: z.object({ Code: z.string().optional(), Message: z.string().optional() }).optional(),
  Tags: AwsTagsSchema,
});

export const AwsEndpointServiceConfigurationSchema = z.object({
  ServiceId: z.string(),
  ServiceName: z.string(),
  ServiceState: z.string().optional(),
  ServiceType: z.array(z.object({ ServiceType: z.string().optional() })).optional(),
  AcceptanceRequired: z.boolean().optional(),
  NetworkLoadBalancerArns: z.array(z.string()).optional(),
  GatewayLoadBalancerArns: z.array(z.string()).optional(),
  PrivateDnsName: z.string().optional(),
  Tags: AwsTagsSchema,
});

export const AwsEndpointConnectionSchema = z.object({
  ServiceId: z.string().optional(),
  VpcEndpointId: z.string().optional(),
  VpcEndpointOwner: z.string().optional(),
  VpcEndpointState: z.string().optional(),
  NetworkLoadBalancerArns: z.array(z.string()).optional(),
});

export const AwsEndpointServicePermissionsSchema = z.object({
  AllowedPrincipals: z.array(z.object({ Principal: z.string().optional() })).optional(),
});

// --- Direct Connect (camelCase) ------------------------------------------------------------------

const RouteFilterPrefixes = z.array(z.object({ cidr: z.string().optional() })).optional();

export const AwsVirtualInterfaceSchema = z.object({
  virtualInterfaceId: z.string(),
  virtualInterfaceName: z.string().optional(),
  virtualInterfaceType: z.string().optional(),
  virtualInterfaceState: z.string().optional(),
  ownerAccount: z.string().optional(),
  region: z.string().optional(),
  directConnectGatewayId: z.string().optional(),
  virtualGatewayId: z.string().optional(),
  connectionId: z.string().optional(),
  vlan: z.number().int().optional(),
  asn: z.number().int().optional(),
  amazonSideAsn: z.number().int().optional(),
  routeFilterPrefixes: RouteFilterPrefixes,
  bgpPeers: z
    .array(z.object({ bgpStatus: z.string().optional(), bgpPeerState: z.string().optional() }))
    .optional(),
});

export const AwsDirectConnectGatewaySchema = z.object({
  directConnectGatewayId: z.string(),
  directConnectGatewayName: z.string().optional(),
  amazonSideAsn: z.number().int().optional(),
  ownerAccount: z.string().optional(),
  directConnectGatewayState: z.string().optional(),
});

export const AwsDirectConnectGatewayAssociationSchema = z.object({
  directConnectGatewayId: z.string(),
  associationId: z.string().optional(),
  associationState: z.string().optional(),
  associatedGateway: z
    .object({
      id: z.string().optional(),
      type: z.string().optional(),
      ownerAccount: z.string().optional(),
      region: z.string().optional(),
    })
    .optional(),
  virtualGatewayId: z.string().optional(),
  allowedPrefixesToDirectConnectGateway: RouteFilterPrefixes,
});

export const AwsDirectConnectGatewayAttachmentSchema = z.object({
  directConnectGatewayId: z.string(),
  virtualInterfaceId: z.string(),
  virtualInterfaceRegion: z.string().optional(),
  virtualInterfaceOwnerAccount: z.string().optional(),
  attachmentState: z.string().optional(),
  attachmentType: z.string().optional(),
});

// --- ELBv2 ---------------------------------------------------------------------------------------

export const AwsLoadBalancerSchema = z.object({
  LoadBalancerArn: z.string(),
  LoadBalancerName: z.string().optional(),
  Type: z.string().optional(),
  Scheme: z.string().optional(),
  VpcId: z.string().optional(),
  State: z.object({ Code: z.string().optional() }).optional(),
  AvailabilityZones: z
    .array(
      z.object({
        ZoneName: z.string().optional(),
        SubnetId: z.string().optional(),
        LoadBalancerAddresses: z
          .array(
            z.object({
              IpAddress: z.string().optional(),
              PrivateIPv4Address: z.string().optional(),
              AllocationId: z.string().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  SecurityGroups: z.array(z.string()).optional(),
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: z.string().optional(),
});

/** describe-listeners (one call per load balancer): each listener's port, protocol and forward action. */
export const AwsListenerSchema = z.object({
  ListenerArn: z.string().optional(),
  LoadBalancerArn: z.string().optional(),
  Port: z.number().int().optional(),
  Protocol: z.string().optional(),
  DefaultActions: z
    .array(
      z.object({
        Type: z.string().optional(),
        TargetGroupArn: z.string().optional(),
        ForwardConfig: z
          .object({
            TargetGroups: z
              .array(z.object({ TargetGroupArn: z.string().optional(), Weight: z.number().optional() }))
              .optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export const AwsTargetGroupSchema = z.object({
  TargetGroupArn: z.string(),
  TargetGroupName: z.string().optional(),
  Protocol: z.string().optional(),
  Port: z.number().int().optional(),
  VpcId: z.string().optional(),
  TargetType: z.string().optional(),
  LoadBalancerArns: z.array(z.string()).optional(),
});

export const AwsTargetHealthSchema = z.object({
  Target: z.object({
    Id: z.string(),
    Port: z.number().int().optional(),
    AvailabilityZone: z.string().optional(),
  }),
  HealthCheckPort: z.string().optional(),
  TargetHealth: z
    .object({
      State: z.string().optional(),
      Reason: z.string().optional(),
      Description: z.string().optional(),
    })
    .optional(),
});

export type AwsVirtualInterface = z.infer<typeof AwsVirtualInterfaceSchema>;
export type AwsDirectConnectGatewayAssociation = z.infer<typeof AwsDirectConnectGatewayAssociationSchema>;
export type AwsLoadBalancer = z.infer<typeof AwsLoadBalancerSchema>;
export type AwsTargetGroup = z.infer<typeof AwsTargetGroupSchema>;
export type AwsListener = z.infer<typeof AwsListenerSchema>;
