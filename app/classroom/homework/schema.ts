import { z } from "zod";
import { MAX_CLASSROOM_QUESTIONS } from "@/lib/classroom/plan-game";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/quiz/join-code";
import { joinCodeSchema, quizPlanFields } from "../schema";

// What a browser may send to /classroom/homework/api. Who is asking comes from the learner cookie, never the body.

/** An assignment's code has the join code's letters, so one pattern reads both. */
export const homeworkCodeSchema = joinCodeSchema;

export const HomeworkRequestSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("create"),
    ...quizPlanFields,
    /** An instant (ISO 8601 with offset): the browser turns the teacher's local date and time into one. */
    dueAt: z.iso.datetime({ offset: true, message: "give the due date and time" }),
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
