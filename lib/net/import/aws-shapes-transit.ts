import { z } from "zod";
import { AwsTagsSchema } from "./aws-shapes-vpc";

// Output shapes of the transit gateway commands (PascalCase, unknown fields stripped).
// Source: EC2 API model, aws-rules [EC2-API].

export const AwsTransitGatewaySchema = z.object({
  TransitGatewayId: z.string(),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  Options: z
    .object({
      AmazonSideAsn: z.number().int().optional(),
      DefaultRouteTableAssociation: z.string().optional(),
      DefaultRouteTablePropagation: z.string().optional(),
      AssociationDefaultRouteTableId: z.string().optional(),
      PropagationDefaultRouteTableId: z.string().optional(),
      SecurityGroupReferencingSupport: z.string().optional(),
    })
    .optional(),
  Tags: AwsTagsSchema,
});

export const AwsTransitGatewayAttachmentSchema = z.object({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  ResourceType: z.string(),
  ResourceId: z.string().optional(),
  ResourceOwnerId: z.string().optional(),
  State: z.string().optional(),
  Association: z
    .object({ TransitGatewayRouteTableId: z.string().optional(), State: z.string().optional() })
    .optional(),
  Tags: AwsTagsSchema,
});

// describe-transit-gateway-vpc-attachments: the only command that prints the attachment subnets and
// appliance mode. When it is missing we fall back to the attachment ENIs (InterfaceType transit_gateway).
export const AwsTransitGatewayVpcAttachmentSchema = z.object({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string().optional(),
  VpcId: z.string().optional(),
  SubnetIds: z.array(z.string()).optional(),
  State: z.string().optional(),
  Options: z
    .object({
      ApplianceModeSupport: z.string().optional(),
      Ipv6Support: z.string().optional(),
      DnsSupport: z.string().optional(),
      SecurityGroupReferencingSupport: z.string().optional(),
    })
    .optional(),
});

export const AwsTgwRouteSchema = z.object({
  DestinationCidrBlock: z.string().optional(),
  PrefixListId: z.string().optional(),
  TransitGatewayAttachments: z
    .array(z.object({ TransitGatewayAttachmentId: z.string(), ResourceId: z.string().optional() }))
    .optional(),
  Type: z.string().optional(),
  State: z.string().optional(),
});

export const AwsTgwAssociationSchema = z.object({
  TransitGatewayAttachmentId: z.string(),
  ResourceId: z.string().optional(),
  ResourceType: z.string().optional(),
  State: z.string().optional(),
});

export const AwsTransitGatewayRouteTableSchema = z.object({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayId: z.string(),
  State: z.string().optional(),
  DefaultAssociationRouteTable: z.boolean().optional(),
  DefaultPropagationRouteTable: z.boolean().optional(),
  // Not printed by describe-transit-gateway-route-tables: the outputs of search-transit-gateway-routes,
  // get-transit-gateway-route-table-associations and -propagations for this table may be embedded here
  // under their own top-level keys (Routes, Associations, TransitGatewayRouteTablePropagations).
  Routes: z.array(AwsTgwRouteSchema).optional(),
  Associations: z.array(AwsTgwAssociationSchema).optional(),
  TransitGatewayRouteTablePropagations: z.array(AwsTgwAssociationSchema).optional(),
  Tags: AwsTagsSchema,
});

export type AwsTransitGateway = z.infer<typeof AwsTransitGatewaySchema>;
export type AwsTransitGatewayAttachment = z.infer<typeof AwsTransitGatewayAttachmentSchema>;
export type AwsTransitGatewayVpcAttachment = z.infer<typeof AwsTransitGatewayVpcAttachmentSchema>;
export type AwsTgwRoute = z.infer<typeof AwsTgwRouteSchema>;
export type AwsTgwAssociation = z.infer<typeof AwsTgwAssociationSchema>;
export type AwsTransitGatewayRouteTable = z.infer<typeof AwsTransitGatewayRouteTableSchema>;
