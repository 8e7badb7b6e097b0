import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { badRequest, parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { createAssignment } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { goalRefProblems } from "@/lib/lab/goals";
import { formatIssue, parseTopologyText } from "@/lib/net";
import { AssignmentCreateSchema } from "../schema";

export const dynamic = "force-dynamic";

/**
 * Turns the lab into an assignment owned by the learner who sends it (the instructor): the starting network
 * must parse and every goal must name something in it. Answers the assignment link's id.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, AssignmentCreateSchema);
  if (!parsed.ok) return parsed.response;
  const { text, format, goals } = parsed.data;
  const topology = parseTopologyText(text, format);
  if (!topology.ok)
    return badRequest([{ path: ["text"], message: topology.issues.map(formatIssue).join("; ") }], 422);
  const problems = goalRefProblems(topology.topology, goals);
  if (problems.length > 0) return badRequest(problems, 422);
  const now = serverNow();
  const owner = await currentLearner(now);
  const id = await createAssignment(db(), owner.id, parsed.data, now);
  return replyWith({ ok: true, value: { id } });
});
