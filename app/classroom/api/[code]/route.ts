import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { badRequest } from "@/app/http/json-body";
import { viewGame } from "../../classroom-game";
import { joinCodeSchema } from "../../schema";

export const dynamic = "force-dynamic";

/** The poll: the caller's view of the game (teacher or player), about once a second. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ code: string }> },
): Promise<Response> {
  const code = joinCodeSchema.safeParse((await params).code);
  // The code comes from the URL, so its issues are named after the field it stands for.
  if (!code.success) return badRequest(code.error.issues.map((issue) => ({ ...issue, path: ["joinCode", ...issue.path] })));
  const now = serverNow();
  const learner = await currentLearner(now);
  const outcome = await viewGame(learner.id, code.data, now);
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
  return Response.json(outcome.value, { headers: { "cache-control": "no-store" } });
}
