// Bookmarking a question the server served: the sealed id opens only in the session (or on the bookmarks page)
// and for the learner it was shown to; the stored row regenerates the question on the server.
import { refuse, type Outcome } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION, type QuestionScope } from "@/app/security/question-token";
import { addBookmark, removeBookmark } from "@/lib/db/bookmarks";
import { db } from "@/lib/db/client";
import { questionFromId } from "@/lib/scenario/generate";
import type { BookmarkRequest } from "./schema";

function scopeOf(request: BookmarkRequest, learnerId: string): QuestionScope {
  return request.where === "bookmarks"
    ? { kind: "bookmark", learnerId }
    : { kind: request.where, sessionId: request.sessionId, learnerId };
}

export async function changeBookmark(
  learnerId: string,
  request: BookmarkRequest,
  now: Date,
): Promise<Outcome<{ bookmarked: boolean }>> {
  const opened = openQuestionId(request.questionId, scopeOf(request, learnerId));
  if (!opened.ok) return refuse(409, `questionId: ${UNKNOWN_QUESTION}`);
  if (request.action === "remove") {
    await removeBookmark(db(), learnerId, opened.questionId);
    return { ok: true, value: { bookmarked: false } };
  }
  const generated = questionFromId(opened.questionId);
  if (!generated.ok) return refuse(409, "questionId: this question can no longer be generated");
  const { question } = generated;
  await addBookmark(
    db(),
    learnerId,
    {
      questionId: question.id,
      family: question.family,
      seed: question.seed,
      difficulty: question.difficulty,
      context: `${request.where}:${request.sessionId}`,
    },
    now,
  );
  return { ok: true, value: { bookmarked: true } };
}
