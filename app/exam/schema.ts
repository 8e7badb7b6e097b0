import { z } from "zod";

// What the browser may send to /exam/api. The session is always named, so a stale tab is told it is stale.
const sessionId = z.uuid();
const questionId = z.string().min(3).max(120);

export const ExamRequestSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("start"),
    /** Omitted: the server's default (REACHABLE_EXAM_QUESTIONS). */
    questionCount: z.number().int().min(1).max(65).optional(),
    durationMinutes: z.number().positive().max(300).optional(),
    /** Omitted: a fresh random seed. The same seed and length give the same exam. */
    examSeed: z.number().int().min(0).max(0xffffffff).optional(),
  }),
  z.object({ action: z.literal("retake"), sessionId }),
  z.object({
    action: z.literal("select"),
    sessionId,
    questionId,
    optionIds: z.array(z.string().min(1).max(40)).min(1).max(12),
  }),
  z.object({ action: z.literal("clear"), sessionId, questionId }),
  z.object({ action: z.literal("flag"), sessionId, questionId }),
  z.object({ action: z.literal("unflag"), sessionId, questionId }),
  z.object({ action: z.literal("goto"), sessionId, index: z.number().int().min(0).max(200) }),
  z.object({ action: z.literal("next"), sessionId }),
  z.object({ action: z.literal("previous"), sessionId }),
  z.object({ action: z.literal("review.open"), sessionId }),
  z.object({ action: z.literal("review.close"), sessionId }),
  z.object({ action: z.literal("submit"), sessionId }),
  /** The client's countdown reached zero; the server checks its own deadline. */
  z.object({ action: z.literal("tick"), sessionId }),
]);

export type ExamRequest = z.infer<typeof ExamRequestSchema>;
export type ExamStep = Exclude<ExamRequest, { action: "start" } | { action: "retake" }>;

export const ExamConfigSchema = z.object({
  questionCount: z.number().int(),
  durationMs: z.number().int(),
  passPercent: z.number(),
  /** A retake of the missed questions of this exam session. */
  retakeOf: z.string().nullable(),
});

export type ExamConfig = z.infer<typeof ExamConfigSchema>;

export const ExamScoreSchema = z.object({
  examSeed: z.number(),
  endedBy: z.enum(["learner", "timeout"]),
  submittedAt: z.number(),
  correct: z.number(),
  total: z.number(),
  percent: z.number(),
  passPercent: z.number(),
  passed: z.boolean(),
  domains: z.array(
    z.object({
      group: z.string(),
      correct: z.number(),
      total: z.number(),
      percent: z.number(),
      verdict: z.enum(["meets", "needs-improvement"]),
    }),
  ),
  items: z.array(
    z.object({
      questionId: z.string(),
      family: z.string(),
      seed: z.number().int(),
      difficulty: z.number(),
      concepts: z.array(z.string()),
      groups: z.array(z.string()),
      response: z.array(z.string()).nullable(),
      flagged: z.boolean(),
      correct: z.boolean(),
      key: z.array(z.string()),
      /** Absent in results stored before time per question was recorded. */
      timeMs: z.number().optional(),
      answeredAt: z.number().nullable().optional(),
    }),
  ),
});
