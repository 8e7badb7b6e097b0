import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { learnerIdOfRequest } from "@/app/current-learner";
import { clientAddress } from "@/app/security/rate-limiter";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { answerGame, createGame, stepGame, viewForBrowser } from "../classroom-game";
import { classroomLimits, tooManyRequests } from "../classroom-limits";
import { classroomIdentity } from "../identity";
import { ClassroomRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

/** Creating, joining, answering and the teacher's steps. Timing is the server's: `now` is serverNow(). */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, ClassroomRequestSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const input = parsed.data;
  const address = clientAddress(request.headers);
  const limits = classroomLimits();
  if (input.action === "join" || input.action === "rejoin") {
    if (!limits.misses.allows(address, now.getTime()))
      return tooManyRequests("joinCode", limits.misses.retryAfterMs(address, now.getTime()));
    if (!limits.joins.hit(address, now.getTime()))
      return tooManyRequests("joinCode", limits.joins.retryAfterMs(address, now.getTime()));
  }
  if (input.action === "answer") {
    // The hot path: the Learner row was written at join, so an answer neither reads nor writes it.
    const learner = { id: await learnerIdOfRequest() };
    // The sealed id opens only in this game and for the learner it was shown to.
    const opened = openQuestionId(input.questionId, {
      kind: "classroom",
      joinCode: input.joinCode,
      learnerId: learner.id,
    });
    if (!opened.ok) return replyWith({ ok: false, status: 409, error: `questionId: ${UNKNOWN_QUESTION}` });
    return replyWith(await answerGame(learner.id, { ...input, questionId: opened.questionId }, now));
  }
  const who = await classroomIdentity(now, "write");
  if (input.action === "create") return replyWith(await createGame(who, input, now));
  const step = input;
  const outcome = await stepGame(who, step, now);
  if (!outcome.ok && outcome.status === 404) limits.misses.hit(address, now.getTime());
  return replyWith(outcome.ok ? { ok: true, value: viewForBrowser(outcome.value, who.deviceId) } : outcome);
});
