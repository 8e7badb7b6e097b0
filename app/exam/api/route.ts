import { parseJsonBody } from "@/app/http/json-body";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
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
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseJsonBody(request, ExamRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  const learner = await currentLearner(now);
  if (input.action === "start") return reply(await startExam(learner.id, input, now));
  if (input.action === "retake") return reply(await retakeExam(learner.id, input.sessionId, now));
  return reply(await stepExam(learner.id, input, now));
}
