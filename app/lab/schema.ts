import { z } from "zod";
import { QuerySchema } from "@/lib/net";

// What the browser may send to /lab/api. Every 4xx names the field (app/http/json-body.ts).
export const LAB_TEXT_LIMIT = 200_000;

const ref = z.string().trim().min(1, "required").max(200);

const LabQuerySchema = QuerySchema.extend({ from: ref, to: ref });

const LabEditSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("add-route"),
    routeTableId: ref,
    route: z.object({ destination: ref, target: ref }),
  }),
  z.object({ kind: z.literal("remove-route"), routeTableId: ref, destination: ref }),
  z.object({
    kind: z.literal("apply-fix"),
    query: LabQuerySchema,
    fixId: z.string().regex(/^fix-\d{1,3}$/, "a fix id"),
  }),
]);

export const LabRequestSchema = z.object({
  text: z
    .string()
    .min(1, "the topology is empty")
    .max(LAB_TEXT_LIMIT, `at most ${LAB_TEXT_LIMIT} characters`),
  format: z.enum(["yaml", "json"]),
  query: LabQuerySchema.optional(),
  edit: LabEditSchema.optional(),
});

export type LabRequestInput = z.infer<typeof LabRequestSchema>;
