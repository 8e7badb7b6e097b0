import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { badRequest, parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, refuse, replyWith } from "@/app/http/json-route";
import { findAssignment, recordSubmission } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { checkGoals } from "@/lib/lab/goals";
import { formatIssue, parseTopologyText } from "@/lib/net";
import { ASSIGNMENT_ID, AssignmentSubmitSchema } from "../../../schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * A learner submits their network: the server parses it and grades the assignment's goals with the model
 * itself (whatever the browser showed is not trusted), stores the submission and answers the grade.
 */
export const POST = jsonRoute(async (request: Request, context: Context): Promise<Response> => {
  const { id } = await context.params;
  if (!ASSIGNMENT_ID.test(id)) return replyWith(refuse(404, "id: no assignment has this link"));
  const parsed = await parseJsonBody(request, AssignmentSubmitSchema);
  if (!parsed.ok) return parsed.response;
  const assignment = await findAssignment(db(), id);
  if (!assignment) return replyWith(refuse(404, "id: no assignment has this link"));
  const topology = parseTopologyText(parsed.data.text, parsed.data.format);
  if (!topology.ok)
    return badRequest([{ path: ["text"], message: topology.issues.map(formatIssue).join("; ") }], 422);
  const results = checkGoals(topology.topology, assignment.goals);
  const now = serverNow();
  const learner = await currentLearner(now);
  const submission = await recordSubmission(
    db(),
    { assignmentId: id, learnerId: learner.id, ...parsed.data, results },
    now,
  );
  return replyWith({
    ok: true,
    value: {
      passed: submission.passed,
      total: submission.total,
      results: submission.results,
      submittedAt: submission.submittedAt.toISOString(),
    },
  });
});
