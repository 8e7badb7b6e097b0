// "Open in the lab" from an answered question's feedback: `/lab?q=<sealed id>&from=<where it was served>`.
// The sealed id opens only in the scope and for the learner it was served to, and only once that learner
// has answered it there: the lab would show the answer before the learner gives it.
import { openQuestionId, type QuestionScope } from "@/app/security/question-token";
import { hasAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { labFromQuestion, type QuestionLab } from "@/lib/lab/from-question";

const FROM = /^(practice|exam):([A-Za-z0-9_-]{1,100})$/;

export async function openQuestionInLab(
  token: string,
  from: string,
  learnerId: string,
): Promise<QuestionLab> {
  const where = FROM.exec(from);
  const kind = where?.[1];
  const sessionId = where?.[2];
  if ((kind !== "practice" && kind !== "exam") || !sessionId)
    return { ok: false, error: "from: a practice or exam session" };
  const scope: QuestionScope = { kind, sessionId, learnerId };
  const opened = openQuestionId(token, scope);
  if (!opened.ok) return { ok: false, error: "q: this question was not served to you there" };
  if (!(await hasAttempt(db(), learnerId, opened.questionId, `${kind}:${sessionId}`)))
    return { ok: false, error: "q: answer the question first; the lab opens its network after that" };
  return labFromQuestion(opened.questionId);
}
