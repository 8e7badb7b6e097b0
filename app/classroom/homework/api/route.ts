import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { clientAddress } from "@/app/security/rate-limiter";
import { classroomLimits, tooManyRequests } from "../../classroom-limits";
import { answerHomework, createHomeworkAssignment, joinHomework } from "../homework-service";
import { HomeworkRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

/** Setting an assignment, a student giving their name, and an answer. Time is the server's (serverNow). */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, HomeworkRequestSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const input = parsed.data;
  if (input.action === "join") {
    // Names are tried like join codes: the live classroom's per-address limit applies.
    const address = clientAddress(request.headers);
    const { joins } = classroomLimits();
    if (!joins.hit(address, now.getTime()))
      return tooManyRequests("code", joins.retryAfterMs(address, now.getTime()));
  }
  // The Learner row is written here: a student's answers become their attempts.
  const learner = await currentLearner(now);
  switch (input.action) {
    case "create":
      return replyWith(await createHomeworkAssignment(learner.id, input, now));
    case "join":
      return replyWith(await joinHomework(learner.id, input.code, input.displayName, now));
    case "answer":
      return replyWith(await answerHomework(learner.id, input, now));
  }
});
