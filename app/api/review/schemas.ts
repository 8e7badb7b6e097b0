import { z } from "zod";
import { parseSkillId, formatSkillId, type SkillId } from "@/lib/srs/index";

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
  rating: z.enum(["hard", "easy"], { error: 'rating must be "hard" or "easy"' }),
});

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
