import { z } from "zod";
import { parseSkillId, formatSkillId, REVIEW_RATINGS, type SkillId } from "@/lib/srs/index";

// Request bodies of /api/review/*, parsed once at the edge. Every 4xx names the field: "skillId: ...".

const skillId = z
  .string()
  .max(80)
  .transform((text, context): SkillId => {
    const parsed = parseSkillId(text);
    if (!parsed.ok) {
      for (const issue of parsed.issues) context.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }
    return formatSkillId(parsed.value);
  });

export const AnswerReviewSchema = z.object({
  skillId,
  questionId: z.string().min(3).max(120),
  response: z.array(z.string().min(1).max(40)).max(12),
  /** When the question was shown (ISO time), for the logged time taken. */
  shownAt: z.iso.datetime().optional(),
});

export const RateReviewSchema = z.object({
  skillId,
  questionId: z.string().min(3).max(120),
  rating: z.enum(REVIEW_RATINGS, { error: 'rating must be "again", "hard", "good" or "easy"' }),
});

/** One card-browser action on one of the learner's cards; `due` (a calendar day) only for "reschedule". */
export const ManageCardSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ skillId, action: z.enum(["suspend", "unsuspend", "bury", "unbury", "forget"]) }),
    z.object({
      skillId,
      action: z.literal("reschedule"),
      due: z.iso.date({ error: "due must be a date such as 2026-12-31" }),
    }),
  ],
  { error: 'action must be "suspend", "unsuspend", "bury", "unbury", "forget" or "reschedule"' },
);

export const AddCardSchema = z.object({ skillId });
export const SuspendCardSchema = z.object({
  skillId,
  suspended: z.boolean({ error: "suspended must be true or false" }),
});

/** Form fields arrive as text; blank is "not a number" rather than silently taking a default. */
const numberField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? Number.NaN : Number(value)) : value),
  z.unknown(),
);

export const SettingsFormSchema = z.object({
  desiredRetention: numberField,
  newCardsPerDay: numberField,
  maximumIntervalDays: numberField,
});

export { badRequest, describeIssues, readJson } from "@/app/http/json-body";

/** The stats page's parameter buttons: fit to the learner's log, or go back to the defaults. */
export const FsrsParametersActionSchema = z.object({
  action: z.enum(["optimise", "reset"], { error: "action must be optimise or reset" }),
});
