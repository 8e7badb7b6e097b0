import { z } from "zod";
import type { PracticeSettings } from "@/lib/quiz/practice-settings";

// What the browser may send to /practice/api. Every 4xx names the field (app/http/json-body.ts).
const optionIds = z.array(z.string().min(1).max(40)).max(12);

export const PracticeSettingsSchema = z.object({
  everything: z.boolean(),
  conceptGroups: z.array(z.string().regex(/^[a-z-]+$/, "a concept group id")).max(20),
  families: z.array(z.string().regex(/^[a-z0-9-]+$/, "a question family id")).max(40),
  difficulties: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).max(3),
  /** null: until the learner finishes. */
  questionLimit: z.number().int().min(1).max(100).nullable(),
  adaptive: z.boolean(),
});

export const PracticeRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start"), settings: PracticeSettingsSchema }),
  z.object({
    action: z.literal("answer"),
    sessionId: z.uuid(),
    questionId: z.string().min(3).max(120),
    response: optionIds,
  }),
  z.object({ action: z.literal("next"), sessionId: z.uuid() }),
  z.object({ action: z.literal("finish"), sessionId: z.uuid() }),
]);

export type PracticeRequest = z.infer<typeof PracticeRequestSchema>;
export type PracticeSettingsInput = z.infer<typeof PracticeSettingsSchema>;

/** What lib/db keeps as the session's config. */
export const PracticeConfigSchema = z.object({
  settings: z.object({
    selection: z.union([
      z.object({ kind: z.literal("everything") }),
      z.object({
        kind: z.literal("chosen"),
        conceptGroups: z.array(z.string()),
        families: z.array(z.string()),
        difficulties: z.array(z.number().int()),
      }),
    ]),
    questionLimit: z.number().int().nullable(),
  }),
  adaptive: z.boolean(),
});

export type PracticeConfig = { readonly settings: PracticeSettings; readonly adaptive: boolean };
