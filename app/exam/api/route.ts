import { parseJsonBody } from "@/app/http/json-body";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { retakeExam, startExam, stepExam } from "../exam-session";
import { ExamRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

type Reply = { ok: true; value: unknown } | { ok: false; status: number; error: string; finished?: boolean };

function reply(outcome: Reply): Response {
  if (outcome.ok) return Response.json(outcome.value);
  return Response.json(
    { error: outcome.error, ...(outcome.finished === undefined ? {} : { finished: outcome.finished }) },
    { status: outcome.status },
  );
}

/** Every exam step. Timing is the server's: `now` is serverNow(), never a time the browser sends. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, ExamRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  const learner = await currentLearner(now);
  if (input.action === "start") {
    // The server chooses the exam: a chosen seed would let anyone rebuild the questions and their keys.
    if (input.examSeed !== undefined)
      return reply({ ok: false, status: 400, error: "examSeed: the server chooses the exam's questions" });
    return reply(
      await startExam(
        learner.id,
        { questionCount: input.questionCount, durationMinutes: input.durationMinutes },
        now,
      ),
    );
  }
  if (input.action === "retake") return reply(await retakeExam(learner.id, input.sessionId, now));
  if ("questionId" in input) {
    // The sealed id opens only in the exam and for the learner it was served to.
    const opened = openQuestionId(input.questionId, {
      kind: "exam",
      sessionId: input.sessionId,
      learnerId: learner.id,
    });
    if (!opened.ok) return reply({ ok: false, status: 409, error: `questionId: ${UNKNOWN_QUESTION}` });
    return reply(await stepExam(learner.id, { ...input, questionId: opened.questionId }, now));
  }
  return reply(await stepExam(learner.id, input, now));
});
