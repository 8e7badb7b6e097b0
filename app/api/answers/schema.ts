import { z } from "zod";

/** What a browser may send when it answers a lesson question: the sealed id the lesson page carries. */
export const AnswerRequestSchema = z.object({
  questionId: z.string().min(3).max(120),
  response: z.array(z.string().min(1).max(40)).max(12),
  context: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("lesson"), slug: z.string().regex(/^[a-z0-9-]+$/, "a lesson slug") }),
    /** A question answered from the bookmarks page (its sealed id opens for this learner's bookmarks only). */
    z.object({ kind: z.literal("bookmark") }),
  ]),
  /** When the learner first saw the question (ISO time), for the attempt's duration. */
  shownAt: z.iso.datetime().optional(),
  /** The learner asks for the solution after a recorded attempt; nothing is recorded. */
  reveal: z.boolean().optional(),
});

export type AnswerRequest = z.infer<typeof AnswerRequestSchema>;
