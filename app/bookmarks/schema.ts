import { z } from "zod";

// What the browser may send to /bookmarks/api. The question id is the sealed id of the page it came from, so
// `where` (and the session) say which scope opens it.
const questionId = z.string().min(3).max(200);

export const BookmarkRequestSchema = z.discriminatedUnion("where", [
  z.object({
    where: z.enum(["practice", "exam"]),
    action: z.enum(["add", "remove"]),
    sessionId: z.uuid(),
    questionId,
  }),
  z.object({ where: z.literal("bookmarks"), action: z.literal("remove"), questionId }),
]);

export type BookmarkRequest = z.infer<typeof BookmarkRequestSchema>;
