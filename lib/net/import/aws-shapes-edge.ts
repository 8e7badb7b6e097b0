import { z } from "zod";
import { AwsTagsSchema } from "./aws-shapes-vpc";

// Output shapes of the `aws ec2 describe-*` commands for gateways, interfaces and instances
// (PascalCase, unknown fields stripped). Source: EC2 API model, aws-rules [EC2-API].

const AttachmentSchema = z.object({ State: z.string().optional(), VpcId: z.string() });

export const AwsInternetGatewaySchema = z.object({
  InternetGatewayId: z.string(),
  OwnerId: z.string().optional(),
  Attachments: z.array(AttachmentSchema).optional(),
  Tags: AwsTagsSchema,
});

export const AwsEgressOnlyInternetGatewaySchema = z.object({
  EgressOnlyInternetGatewayId: z.string(),
  Attachments: z.array(AttachmentSchema).optional(),
  Tags: AwsTagsSchema,
});

export const AwsNatGatewaySchema = z.object({
  NatGatewayId: z.string(),
  // aws-rules NAT-07: a regional NAT gateway (AvailabilityMode "regional") has no subnet.
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  State: z.string().optional(),
  ConnectivityType: z.string().optional(),
  AvailabilityMode: z.string().optional(),
  AutoProvisionZones: z.string().optional(),
  RouteTableId: z.string().optional(),
  NatGatewayAddresses: z
    .array(
      z.object({
        AllocationId: z.string().optional(),
        NetworkInterfaceId: z.string().optional(),
        PrivateIp: z.string().optional(),
        PublicIp: z.string().optional(),
        IsPrimary: z.boolean().optional(),
        // Regional NAT gateways: the zone whose outbound traffic this Elastic IP translates.
        AvailabilityZone: z.string().optional(),
        Status: z.string().optional(),
      }),
    )
    .optional(),
  Tags: AwsTagsSchema,
});

const IpAssociationSchema = z
  .object({
    PublicIp: z.string().optional(),
    PublicDnsName: z.string().optional(),
    AllocationId: z.string().optional(),
  })
  .optional();

const GroupRefSchema = z.object({ GroupId: z.string(), GroupName: z.string().optional() });

// An ENI and an instance's NetworkInterfaces[] print their addresses in the same shape.
const PrivateIpAddressesSchema = z
  .array(
    z.object({
      PrivateIpAddress: z.string(),
      Primary: z.boolean().optional(),
      Association: IpAssociationSchema,
    }),
  )
  .optional();

const Ipv6AddressesSchema = z.array(z.object({ Ipv6Address: z.string() })).optional();

export const AwsNetworkInterfaceSchema = z.object({
  NetworkInterfaceId: z.string(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  AvailabilityZone: z.string().optional(),
  Description: z.string().optional(),
  InterfaceType: z.string().optional(),
  OwnerId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PrivateDnsName: z.string().optional(),
  PrivateIpAddresses: PrivateIpAddressesSchema,
  Association: IpAssociationSchema,
  Ipv6Addresses: Ipv6AddressesSchema,
  Groups: z.array(GroupRefSchema).optional(),
  SourceDestCheck: z.boolean().optional(),
  /** "available" = not attached to anything (aws-rules RT-08: a route to it is a blackhole). */
  Status: z.string().optional(),
  Attachment: z
    .object({ InstanceId: z.string().optional(), DeviceIndex: z.number().int().optional() })
    .optional(),
  RequesterManaged: z.boolean().optional(),
  // ENIs print their tags as TagSet, not Tags.
  TagSet: AwsTagsSchema,
});

export const AwsInstanceSchema = z.object({
  InstanceId: z.string(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  PrivateDnsName: z.string().optional(),
  PublicDnsName: z.string().optional(),
  State: z.object({ Name: z.string().optional() }).optional(),
  SecurityGroups: z.array(GroupRefSchema).optional(),
  SourceDestCheck: z.boolean().optional(),
  Placement: z.object({ AvailabilityZone: z.string().optional() }).optional(),
  NetworkInterfaces: z
    .array(
      z.object({
        NetworkInterfaceId: z.string(),
        SubnetId: z.string().optional(),
        PrivateIpAddress: z.string().optional(),
        PrivateIpAddresses: PrivateIpAddressesSchema,
        Association: IpAssociationSchema,
        Ipv6Addresses: Ipv6AddressesSchema,
        Groups: z.array(GroupRefSchema).optional(),
        SourceDestCheck: z.boolean().optional(),
        Attachment: z.object({ DeviceIndex: z.number().int().optional() }).optional(),
      }),
    )
    .optional(),
  Tags: AwsTagsSchema,
});

export const AwsReservationSchema = z.object({
  OwnerId: z.string().optional(),
  Instances: z.array(AwsInstanceSchema).optional(),
});

export const AwsVpnGatewaySchema = z.object({
  VpnGatewayId: z.string(),
  State: z.string().optional(),
  AmazonSideAsn: z.number().int().optional(),
  VpcAttachments: z.array(AttachmentSchema).optional(),
  Tags: AwsTagsSchema,
});

export const AwsCustomerGatewaySchema = z.object({
  CustomerGatewayId: z.string(),
  BgpAsn: z.string().optional(),
  IpAddress: z.string().optional(),
  State: z.string().optional(),
  Tags: AwsTagsSchema,
});

export const AwsVpnConnectionSchema = z.object({
  VpnConnectionId: z.string(),
  CustomerGatewayId: z.string(),
  VpnGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  State: z.string().optional(),
  Options: z
    .object({
      StaticRoutesOnly: z.boolean().optional(),
      LocalIpv4NetworkCidr: z.string().optional(),
      RemoteIpv4NetworkCidr: z.string().optional(),
    })
    .optional(),
  Routes: z
    .array(
      z.object({
        DestinationCidrBlock: z.string(),
        Source: z.string().optional(),
        State: z.string().optional(),
      }),
    )
    .optional(),
  // One entry per tunnel; Status UP/DOWN is what decides whether the tunnel carries traffic.
  VgwTelemetry: z
    .array(
      z.object({
        OutsideIpAddress: z.string().optional(),
        Status: z.string().optional(),
        StatusMessage: z.string().optional(),
        AcceptedRouteCount: z.number().int().optional(),
      }),
    )
    .optional(),
  Tags: AwsTagsSchema,
});

export const AwsManagedPrefixListSchema = z.object({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  AddressFamily: z.string().optional(),
  OwnerId: z.string().optional(),
  MaxEntries: z.number().int().optional(),
  // Not printed by describe-managed-prefix-lists; accepted here in get-managed-prefix-list-entries' shape.
  Entries: z.array(z.object({ Cidr: z.string(), Description: z.string().optional() })).optional(),
  Tags: AwsTagsSchema,
});

export type AwsInternetGateway = z.infer<typeof AwsInternetGatewaySchema>;
export type AwsEgressOnlyInternetGateway = z.infer<typeof AwsEgressOnlyInternetGatewaySchema>;
export type AwsNatGateway = z.infer<typeof AwsNatGatewaySchema>;
export type AwsNetworkInterface = z.infer<typeof AwsNetworkInterfaceSchema>;
export type AwsInstance = z.infer<typeof AwsInstanceSchema>;
export type AwsVpnGateway = z.infer<typeof AwsVpnGatewaySchema>;
export type AwsCustomerGateway = z.infer<typeof AwsCustomerGatewaySchema>;
export type AwsVpnConnection = z.infer<typeof AwsVpnConnectionSchema>;
export type AwsManagedPrefixList = z.infer<typeof AwsManagedPrefixListSchema>;
