// Bookmarking a question the server served: the sealed id opens only in the session (or on the bookmarks page)
// and for the learner it was shown to; the stored row regenerates the question on the server.
import { refuse, type Outcome } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION, type QuestionScope } from "@/app/security/question-token";
import { addBookmark, findBookmark, removeBookmark } from "@/lib/db/bookmarks";
import { findSession } from "@/lib/db/sessions";
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

/** The running mock exam a bookmark was made in, if that exam is still running (its key must not show yet). */
export function examSessionOf(context: string): string | null {
  return context.startsWith("exam:") ? context.slice("exam:".length) : null;
}

/**
 * Whether the learner may answer a bookmarked question on the bookmarks page (uxr6 finding 3): it must be one of
 * their bookmarks, and not from a mock exam still running, where the answer is given (and graded) in the exam.
 */
export async function bookmarkAnswerable(
  learnerId: string,
  questionId: string,
): Promise<{ ok: true } | { ok: false; status: 404 | 409; error: string; examId?: string }> {
  const bookmark = await findBookmark(db(), learnerId, questionId);
  if (bookmark === null)
    return { ok: false, status: 404, error: "questionId: this question is not bookmarked" };
  const examId = examSessionOf(bookmark.context);
  if (examId !== null) {
    const exam = await findSession(db(), learnerId, examId);
    if (exam?.status === "active")
      return {
        ok: false,
        status: 409,
        error: "questionId: this question is in your running mock exam; answer it there",
        examId,
      };
  }
  return { ok: true };
}

/** The mock exams, among these bookmarks' sessions, that are still running. */
export async function runningExamIds(
  learnerId: string,
  bookmarks: readonly { readonly context: string }[],
): Promise<Set<string>> {
  const ids = new Set(
    bookmarks.map((bookmark) => examSessionOf(bookmark.context)).filter((id) => id !== null),
  );
  const running = new Set<string>();
  for (const id of ids) if ((await findSession(db(), learnerId, id))?.status === "active") running.add(id);
  return running;
}
