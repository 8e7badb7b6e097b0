import { z } from "zod";

// Output shapes of the `aws ec2 describe-*` commands for the VPC-level resources, exactly as the CLI
// prints them (PascalCase keys). Only the fields the model reads are declared; zod's default object
// mode strips everything else, so new or unknown AWS fields never break an import.
// Source: EC2 API model (botocore ec2/2016-11-15 service-2.json), aws-rules [EC2-API].

export const AwsTagsSchema = z.array(z.object({ Key: z.string(), Value: z.string().optional() })).optional();

const CidrStateSchema = z.object({ State: z.string().optional() }).optional();

export const AwsVpcSchema = z.object({
  VpcId: z.string(),
  OwnerId: z.string().optional(),
  CidrBlock: z.string().optional(),
  CidrBlockAssociationSet: z
    .array(z.object({ CidrBlock: z.string(), CidrBlockState: CidrStateSchema }))
    .optional(),
  Ipv6CidrBlockAssociationSet: z
    .array(z.object({ Ipv6CidrBlock: z.string().optional(), Ipv6CidrBlockState: CidrStateSchema }))
    .optional(),
  IsDefault: z.boolean().optional(),
  DhcpOptionsId: z.string().optional(),
  // Not printed by describe-vpcs: these two come from `describe-vpc-attribute`. We accept them here in
  // that command's own shape ({ Value: boolean }) so one file can carry them; see docs/cli.md.
  EnableDnsSupport: z.object({ Value: z.boolean() }).optional(),
  EnableDnsHostnames: z.object({ Value: z.boolean() }).optional(),
  Tags: AwsTagsSchema,
});

export const AwsSubnetSchema = z.object({
  SubnetId: z.string(),
  VpcId: z.string(),
  CidrBlock: z.string().optional(),
  AvailabilityZone: z.string().optional(),
  OwnerId: z.string().optional(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  EnableDns64: z.boolean().optional(),
  Ipv6CidrBlockAssociationSet: z
    .array(z.object({ Ipv6CidrBlock: z.string().optional(), Ipv6CidrBlockState: CidrStateSchema }))
    .optional(),
  Tags: AwsTagsSchema,
});

export const AwsRouteSchema = z.object({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  InstanceId: z.string().optional(),
  Origin: z.string().optional(),
  State: z.string().optional(),
});

export const AwsRouteTableSchema = z.object({
  RouteTableId: z.string(),
  VpcId: z.string(),
  OwnerId: z.string().optional(),
  Associations: z
    .array(
      z.object({
        Main: z.boolean().optional(),
        SubnetId: z.string().optional(),
        GatewayId: z.string().optional(),
        AssociationState: z.object({ State: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  Routes: z.array(AwsRouteSchema).optional(),
  PropagatingVgws: z.array(z.object({ GatewayId: z.string() })).optional(),
  Tags: AwsTagsSchema,
});

export const AwsIpPermissionSchema = z.object({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(z.object({ CidrIp: z.string(), Description: z.string().optional() })).optional(),
  Ipv6Ranges: z.array(z.object({ CidrIpv6: z.string(), Description: z.string().optional() })).optional(),
  PrefixListIds: z
    .array(z.object({ PrefixListId: z.string(), Description: z.string().optional() }))
    .optional(),
  UserIdGroupPairs: z
    .array(
      z.object({
        GroupId: z.string().optional(),
        UserId: z.string().optional(),
        VpcId: z.string().optional(),
        VpcPeeringConnectionId: z.string().optional(),
        Description: z.string().optional(),
      }),
    )
    .optional(),
});

export const AwsSecurityGroupSchema = z.object({
  GroupId: z.string(),
  GroupName: z.string().optional(),
  Description: z.string().optional(),
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  IpPermissions: z.array(AwsIpPermissionSchema).optional(),
  IpPermissionsEgress: z.array(AwsIpPermissionSchema).optional(),
  Tags: AwsTagsSchema,
});

export const AwsNetworkAclSchema = z.object({
  NetworkAclId: z.string(),
  VpcId: z.string(),
  IsDefault: z.boolean().optional(),
  OwnerId: z.string().optional(),
  Associations: z.array(z.object({ SubnetId: z.string().optional() })).optional(),
  Entries: z
    .array(
      z.object({
        RuleNumber: z.number().int(),
        Protocol: z.string(),
        RuleAction: z.string(),
        Egress: z.boolean(),
        CidrBlock: z.string().optional(),
        Ipv6CidrBlock: z.string().optional(),
        PortRange: z
          .object({ From: z.number().int().optional(), To: z.number().int().optional() })
          .optional(),
        IcmpTypeCode: z
          .object({ Code: z.number().int().optional(), Type: z.number().int().optional() })
          .optional(),
      }),
    )
    .optional(),
  Tags: AwsTagsSchema,
});

export const AwsPeeringVpcInfoSchema = z.object({
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
  CidrBlockSet: z.array(z.object({ CidrBlock: z.string().optional() })).optional(),
  Ipv6CidrBlockSet: z.array(z.object({ Ipv6CidrBlock: z.string().optional() })).optional(),
  PeeringOptions: z.object({ AllowDnsResolutionFromRemoteVpc: z.boolean().optional() }).optional(),
});

export const AwsPeeringConnectionSchema = z.object({
  VpcPeeringConnectionId: z.string(),
  AccepterVpcInfo: AwsPeeringVpcInfoSchema.optional(),
  RequesterVpcInfo: AwsPeeringVpcInfoSchema.optional(),
  Status: z.object({ Code: z.string().optional(), Message: z.string().optional() }).optional(),
  ExpirationTime: z.string().optional(),
  Tags: AwsTagsSchema,
});

export const AwsVpcEndpointSchema = z.object({
  VpcEndpointId: z.string(),
  VpcEndpointType: z.string().optional(),
  VpcId: z.string().optional(),
  ServiceName: z.string(),
  State: z.string().optional(),
  PolicyDocument: z.string().optional(),
  RouteTableIds: z.array(z.string()).optional(),
  SubnetIds: z.array(z.string()).optional(),
  Groups: z.array(z.object({ GroupId: z.string() })).optional(),
  PrivateDnsEnabled: z.boolean().optional(),
  DnsOptions: z
    .object({
      DnsRecordIpType: z.string().optional(),
      PrivateDnsOnlyForInboundResolverEndpoint: z.boolean().optional(),
    })
    .optional(),
  NetworkInterfaceIds: z.array(z.string()).optional(),
  DnsEntries: z.array(z.object({ DnsName: z.string().optional() })).optional(),
  OwnerId: z.string().optional(),
  Tags: AwsTagsSchema,
});

/** describe-vpc-block-public-access-options (aws-rules IGW-07): the Region's mode. */
export const AwsBlockPublicAccessOptionsSchema = z.object({
  AwsAccountId: z.string().optional(),
  AwsRegion: z.string().optional(),
  State: z.string().optional(),
  InternetGatewayBlockMode: z.string().optional(),
  ExclusionsAllowed: z.string().optional(),
});

/** describe-vpc-block-public-access-exclusions: one VPC or subnet exempted, by its ARN. */
export const AwsBlockPublicAccessExclusionSchema = z.object({
  ExclusionId: z.string().optional(),
  InternetGatewayExclusionMode: z.string().optional(),
  ResourceArn: z.string().optional(),
  State: z.string().optional(),
});

export type AwsTags = z.infer<typeof AwsTagsSchema>;
export type AwsVpc = z.infer<typeof AwsVpcSchema>;
export type AwsSubnet = z.infer<typeof AwsSubnetSchema>;
export type AwsRoute = z.infer<typeof AwsRouteSchema>;
export type AwsRouteTable = z.infer<typeof AwsRouteTableSchema>;
export type AwsIpPermission = z.infer<typeof AwsIpPermissionSchema>;
export type AwsSecurityGroup = z.infer<typeof AwsSecurityGroupSchema>;
export type AwsNetworkAcl = z.infer<typeof AwsNetworkAclSchema>;
export type AwsPeeringConnection = z.infer<typeof AwsPeeringConnectionSchema>;
export type AwsVpcEndpoint = z.infer<typeof AwsVpcEndpointSchema>;
