import { z } from "zod";
import { recordedDurationSchema } from "../quiz/recorded-duration";
import { CARD_SOURCES, CARD_STATES } from "./card";
import { CARD_CHANGE_KINDS } from "./card-change";
import { REVIEW_RATINGS } from "./rating";
import { parseSkillId, formatSkillId, type SkillId } from "./skill-id";
import { fsrsParametersSchema } from "./settings";

// The zod schemas of an exported deck file, the one place untrusted deck data is parsed (style.md: parse at
// the edge, once). Error paths come out as e.g. ["cards", 0, "due"].

// Normalised to toISOString() form, so instants compare as strings the way the rest of lib/srs does.
const isoInstant = z.iso
  .datetime({ offset: true, error: "expected an ISO-8601 date-time" })
  .transform((text) => new Date(text).toISOString());

const skillIdField = z.string().transform((text, context): SkillId => {
  const parsed = parseSkillId(text);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      context.addIssue({ code: "custom", message: issue.message });
    }
    return z.NEVER;
  }
  return formatSkillId(parsed.value);
});

const nonNegative = z.number().min(0);
const count = z.number().int().min(0);

export const cardScheduleSchema = z.object({
  state: z.enum(CARD_STATES),
  due: isoInstant,
  stability: nonNegative,
  difficulty: nonNegative,
  scheduledDays: nonNegative,
  learningSteps: count,
  reps: count,
  lapses: count,
  lastReview: isoInstant.nullable(),
});

export const srsCardSchema = cardScheduleSchema.extend({
  learnerId: z.string().min(1),
  skillId: skillIdField,
  suspended: z.boolean(),
  // Decks exported before burying existed have no such field.
  buriedUntil: isoInstant.nullable().default(null),
  addedAt: isoInstant,
  source: z.enum(CARD_SOURCES),
});

export const reviewLogEntrySchema = z.object({
  learnerId: z.string().min(1),
  skillId: skillIdField,
  reviewedAt: isoInstant,
  rating: z.enum(REVIEW_RATINGS),
  correct: z.boolean(),
  timeTakenMs: recordedDurationSchema,
  questionSeed: z.string(),
  predictedRecall: z.number().min(0).max(1).nullable(),
  desiredRetention: z.number().gt(0).max(1),
  maximumIntervalDays: z.number().int().min(1),
  // Optional so decks exported before fitted parameters existed still import (they used the defaults).
  fsrsParameters: fsrsParametersSchema.nullable().optional(),
  before: cardScheduleSchema,
  nextDue: isoInstant,
});

export const cardChangeSchema = z.object({
  learnerId: z.string().min(1),
  skillId: skillIdField,
  changedAt: isoInstant,
  kind: z.enum(CARD_CHANGE_KINDS),
  before: cardScheduleSchema,
  after: cardScheduleSchema,
});

export const DECK_EXPORT_VERSION = 1;

export const deckExportSchema = z.object({
  version: z.literal(DECK_EXPORT_VERSION, { error: `unsupported version; expected ${DECK_EXPORT_VERSION}` }),
  exportedAt: isoInstant,
  learnerId: z.string().min(1),
  cards: z.array(srsCardSchema),
  log: z.array(reviewLogEntrySchema),
  // Forget and reschedule changes; decks exported before they existed have none.
  changes: z.array(cardChangeSchema).default([]),
});
