import { z } from "zod";
import {
  MAX_CLASSROOM_QUESTIONS,
  MAX_SECONDS_PER_QUESTION,
  MIN_SECONDS_PER_QUESTION,
} from "@/lib/classroom/plan-game";
import { CONCEPTS } from "@/lib/content/concepts";
import { JOIN_CODE_ALPHABET, MAX_DISPLAY_NAME_LENGTH } from "@/lib/quiz/join-code";
import { SCORING_MODES } from "@/lib/quiz/scoring";

/** More concept ids than the checklist holds is not a choice. */
export const CONCEPT_LIMIT = CONCEPTS.length;

// What a browser may send to /classroom/api. The game is always named by its join code; who is asking comes from
// the learner cookie, never from the body.
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    new RegExp(`^[${JOIN_CODE_ALPHABET}]{4,8}$`),
    "a join code is the 6 letters and digits on the teacher's screen",
  );

/** What to ask, shared by a live game and a homework assignment: drawn by topic, concept and difficulty, or pinned. */
export const quizPlanFields = {
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
  /** Question ids from a preview ("family.seed.difficulty"): these questions in this order, instead of drawn ones. */
  pinned: z.array(z.string().min(3).max(80)).min(1).max(MAX_CLASSROOM_QUESTIONS).optional(),
};

/** An answer's own fields: the sealed id of the question shown and the options chosen. */
const answerFields = {
  questionId: z.string().min(3).max(120),
  optionIds: z.array(z.string().min(1).max(40)).min(1, "choose at least one option").max(12),
};

/** The body of POST /classroom/api/<code>/answer (the game is named by the URL). */
export const AnswerBodySchema = z.object(answerFields);

export const ClassroomRequestSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("create"),
    ...quizPlanFields,
    secondsPerQuestion: z.number().int().min(MIN_SECONDS_PER_QUESTION).max(MAX_SECONDS_PER_QUESTION),
    /** Omitted: speed and streak. */
    scoring: z.enum(SCORING_MODES as ["speed", "accuracy"]).optional(),
  }),
  z.object({
    action: z.literal("join"),
    joinCode: joinCodeSchema,
    displayName: z.string().max(MAX_DISPLAY_NAME_LENGTH * 2),
  }),
  z.object({
    action: z.literal("answer"),
    joinCode: joinCodeSchema,
    ...answerFields,
  }),
  z.object({
    action: z.literal("rejoin"),
    joinCode: joinCodeSchema,
    rejoinCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(
        new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`),
        "a rejoin code is the 8 letters and digits shown when you joined",
      ),
  }),
  z.object({
    action: z.literal("remove"),
    joinCode: joinCodeSchema,
    displayName: z
      .string()
      .min(1)
      .max(MAX_DISPLAY_NAME_LENGTH * 2),
  }),
  z.object({ action: z.literal("open"), joinCode: joinCodeSchema }),
  z.object({ action: z.literal("close"), joinCode: joinCodeSchema }),
  z.object({ action: z.literal("leaderboard"), joinCode: joinCodeSchema }),
  z.object({ action: z.literal("finish"), joinCode: joinCodeSchema }),
]);

export type ClassroomRequest = z.infer<typeof ClassroomRequestSchema>;
export type ClassroomStep = Exclude<ClassroomRequest, { action: "create" }>;

/** What the game row keeps as its settings. */
export const ClassroomConfigSchema = z.object({
  families: z.array(z.string()),
  /** Present when the teacher narrowed the drawn questions to these concepts. */
  concepts: z.array(z.string()).optional(),
  difficulty: z.number().int(),
  questionCount: z.number().int(),
  secondsPerQuestion: z.number().int(),
  gameSeed: z.number().int(),
  scoring: z.enum(["speed", "accuracy"]).optional(),
  /** The questions were named by the teacher, not drawn from the families with the seed. */
  pinned: z.boolean().optional(),
});

export type ClassroomConfig = z.infer<typeof ClassroomConfigSchema>;
