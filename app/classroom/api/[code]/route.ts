import { describeZodError } from "@/app/api/answers/schema";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { viewGame } from "../../classroom-game";
import { joinCodeSchema } from "../../schema";

export const dynamic = "force-dynamic";

/** The poll: the caller's view of the game (teacher or player), about once a second. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ code: string }> },
): Promise<Response> {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success)
    return Response.json(
      { error: describeZodError(code.error).replace(/^body/, "joinCode") },
      { status: 400 },
    );
  const now = serverNow();
  const learner = await currentLearner(now);
  const outcome = await viewGame(learner.id, code.data, now);
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
  return Response.json(outcome.value, { headers: { "cache-control": "no-store" } });
}
