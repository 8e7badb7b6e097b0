import { z } from "zod";
import { GoalsSchema } from "@/lib/lab/goals";
import { QuerySchema, RuleProtocolSchema } from "@/lib/net";

// What the browser may send to /lab/api. Every 4xx names the field (app/http/json-body.ts).
// Room for a 50-VPC lab (about 270 KB of YAML) and then some; a text this size takes the server about a second to parse.
export const LAB_TEXT_LIMIT = 1_000_000;

const ref = z.string().trim().min(1, "required").max(200);
const direction = z.enum(["inbound", "outbound"]);
const portNumber = z.number().int().min(0).max(65535);
const collection = z.string().regex(/^[a-zA-Z]{1,40}$/, "a topology list name");

const LabQuerySchema = QuerySchema.extend({ from: ref, to: ref });

const ChangeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("insert"), collection, index: z.number().int().min(0), item: z.unknown() }),
  z.object({ op: z.literal("remove"), collection, index: z.number().int().min(0), item: z.unknown() }),
  z.object({
    op: z.literal("replace"),
    collection,
    index: z.number().int().min(0),
    before: z.unknown(),
    after: z.unknown(),
  }),
  z.object({ op: z.literal("set-field"), field: collection, before: z.unknown(), after: z.unknown() }),
]);

const LabEditSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("add-route"),
    routeTableId: ref,
    route: z.object({ destination: ref, target: ref }),
  }),
  z.object({ kind: z.literal("remove-route"), routeTableId: ref, destination: ref }),
  z.object({
    kind: z.literal("add-sg-rule"),
    securityGroupId: ref,
    direction,
    rule: z.object({
      protocol: RuleProtocolSchema,
      fromPort: portNumber.optional(),
      toPort: portNumber.optional(),
      peer: ref,
    }),
  }),
  z.object({
    kind: z.literal("remove-sg-rule"),
    securityGroupId: ref,
    direction,
    index: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal("add-nacl-entry"),
    networkAclId: ref,
    direction,
    entry: z.object({
      ruleNumber: z.number().int().min(1).max(32766),
      protocol: RuleProtocolSchema,
      fromPort: portNumber.optional(),
      toPort: portNumber.optional(),
      cidrBlock: ref,
      action: z.enum(["allow", "deny"]),
    }),
  }),
  z.object({
    kind: z.literal("remove-nacl-entry"),
    networkAclId: ref,
    direction,
    ruleNumber: z.number().int().min(1).max(32766),
  }),
  z.object({
    kind: z.literal("add-peering"),
    requesterVpcId: ref,
    accepterVpcId: ref,
    accepted: z.boolean(),
  }),
  z.object({ kind: z.literal("accept-peering"), peeringId: ref }),
  z.object({
    kind: z.literal("add-gateway-endpoint"),
    vpcId: ref,
    service: z.enum(["s3", "dynamodb"]),
    routeTableIds: z.array(ref).max(50),
  }),
  z.object({
    kind: z.literal("add-interface-endpoint"),
    vpcId: ref,
    serviceName: ref,
    subnetId: ref,
    privateIp: ref,
    securityGroupIds: z.array(ref).max(5),
  }),
  z.object({
    kind: z.literal("add-gateway"),
    type: z.enum(["internet-gateway", "egress-only-internet-gateway", "nat-gateway"]),
    vpcId: ref.optional(),
    subnetId: ref.optional(),
    privateIp: ref.optional(),
    publicIp: z.string().trim().max(100).optional(),
  }),
  z.object({ kind: z.literal("remove-resource"), id: ref }),
  z.object({
    kind: z.literal("toggle-vpn-tunnel"),
    vpnConnectionId: ref,
    tunnel: z.number().int().min(0).max(1),
  }),
  z.object({ kind: z.literal("toggle-tgw-attachment"), attachmentId: ref }),
  z.object({
    kind: z.literal("apply-fix"),
    query: LabQuerySchema,
    fixId: z.string().regex(/^fix-(?:narrow-)?\d{1,3}$/, "a fix id"),
  }),
  z.object({ kind: z.literal("patch"), patch: z.array(ChangeSchema).max(5_000) }),
]);

const topologyText = z
  .string()
  .min(1, "the topology is empty")
  .max(LAB_TEXT_LIMIT, `at most ${LAB_TEXT_LIMIT} characters`);

export const LabRequestSchema = z.object({
  text: topologyText,
  goals: GoalsSchema.optional(),
  format: z.enum(["yaml", "json"]),
  query: LabQuerySchema.optional(),
  edit: LabEditSchema.optional(),
  baseText: topologyText.optional(),
  matrix: z
    .object({
      instances: z.array(ref).min(2, "pick at least two instances").max(12, "at most 12 instances"),
      protocol: z.enum(["tcp", "udp", "icmp"]),
      port: portNumber.optional(),
    })
    .optional(),
});

export type LabRequestInput = z.infer<typeof LabRequestSchema>;

/** An AWS snapshot: `describe-vpcs` (the file name without .json) -> the file's parsed JSON. */
export const LabImportSchema = z.object({
  files: z
    .record(z.string().regex(/^[a-z0-9-]+(\.[A-Za-z0-9_.:-]+)?$/, "a describe-* file name"), z.unknown())
    .refine((files) => Object.keys(files).length > 0, "upload at least one describe-*.json file")
    .refine((files) => Object.keys(files).length <= 200, "at most 200 files"),
});

const LAB_ID = z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, "a lab id");

/**
 * Saving a lab: its name (per learner) and its text as the editor holds it. A name the learner already uses
 * for another lab is refused unless `replace` is true (they confirmed) or `replaceId` is that lab (saving
 * the lab they opened again).
 */
export const LabSaveSchema = z.object({
  name: z.string().trim().min(1, "required").max(80, "at most 80 characters"),
  format: z.enum(["yaml", "json"]),
  text: topologyText,
  replace: z.boolean().optional(),
  replaceId: LAB_ID.optional(),
});

/** Turning the lab into an assignment: what the learner reads, the starting network, and the goals. */
export const AssignmentCreateSchema = z.object({
  title: z.string().trim().min(1, "required").max(120, "at most 120 characters"),
  instructions: z.string().trim().max(4_000, "at most 4000 characters"),
  format: z.enum(["yaml", "json"]),
  text: topologyText,
  goals: GoalsSchema,
});

/** A learner's submission: their network as the editor holds it (the server grades it). */
export const AssignmentSubmitSchema = z.object({
  format: z.enum(["yaml", "json"]),
  text: topologyText,
});

export const ASSIGNMENT_ID = /^[A-Za-z0-9_-]{10,40}$/;
