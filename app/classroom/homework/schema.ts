import { z } from "zod";
import { MAX_CLASSROOM_QUESTIONS } from "@/lib/classroom/plan-game";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/quiz/join-code";
import { CONCEPT_LIMIT, joinCodeSchema } from "../schema";

// What a browser may send to /classroom/homework/api. Who is asking comes from the learner cookie, never the body.

/** An assignment's code has the join code's letters, so one pattern reads both. */
export const homeworkCodeSchema = joinCodeSchema;

export const HomeworkRequestSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("create"),
    // May be empty when questions are pinned; the planner refuses no topics for a drawn game.
    families: z.array(z.string().min(1).max(60)).max(20),
    /** Concept ids of the checklist: every drawn question assesses one of them. Omitted or empty: any. */
    concepts: z
      .array(z.string().regex(/^[A-Z][0-9]{1,2}$/, "a concept id such as P3"))
      .max(CONCEPT_LIMIT)
      .optional(),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    questionCount: z.number().int().min(1).max(MAX_CLASSROOM_QUESTIONS),
    /** Omitted: a fresh random seed. */
    gameSeed: z.number().int().min(0).max(0xffffffff).optional(),
    /** An instant (ISO 8601 with offset): the browser turns the teacher's local date and time into one. */
    dueAt: z.iso.datetime({ offset: true, message: "give the due date and time" }),
    /** Question ids from a preview ("family.seed.difficulty"): these questions in this order, instead of drawn ones. */
    pinned: z.array(z.string().min(3).max(80)).min(1).max(MAX_CLASSROOM_QUESTIONS).optional(),
  }),
  z.object({
    action: z.literal("join"),
    code: homeworkCodeSchema,
    displayName: z.string().max(MAX_DISPLAY_NAME_LENGTH * 2),
  }),
  z.object({
    action: z.literal("answer"),
    code: homeworkCodeSchema,
    questionIndex: z
      .number()
      .int()
      .min(0)
      .max(MAX_CLASSROOM_QUESTIONS - 1),
    questionId: z.string().min(3).max(200),
    optionIds: z.array(z.string().min(1).max(40)).min(1, "choose at least one option").max(12),
  }),
]);

export type HomeworkRequest = z.infer<typeof HomeworkRequestSchema>;

/** What the assignment row keeps as its settings. */
export const HomeworkConfigSchema = z.object({
  families: z.array(z.string()),
  /** Present when the teacher narrowed the drawn questions to these concepts. */
  concepts: z.array(z.string()).optional(),
  difficulty: z.number().int(),
  questionCount: z.number().int(),
  gameSeed: z.number().int(),
  pinned: z.boolean().optional(),
});

export type HomeworkConfig = z.infer<typeof HomeworkConfigSchema>;
