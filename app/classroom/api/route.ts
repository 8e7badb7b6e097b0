import { parseJsonBody } from "@/app/http/json-body";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { createGame, stepGame, type Outcome } from "../classroom-game";
import { ClassroomRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

function reply(outcome: Outcome<unknown>): Response {
  if (outcome.ok) return Response.json(outcome.value);
  return Response.json({ error: outcome.error }, { status: outcome.status });
}

/** Creating, joining, answering and the teacher's steps. Timing is the server's: `now` is serverNow(). */
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseJsonBody(request, ClassroomRequestSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const learner = await currentLearner(now);
  const input = parsed.data;
  if (input.action === "create") return reply(await createGame(learner.id, input, now));
  return reply(await stepGame(learner.id, input, now));
}
