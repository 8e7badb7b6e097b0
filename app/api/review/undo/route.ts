import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { undoLatestReview } from "@/lib/db/srs";
import { badRequest } from "../schemas";

export const dynamic = "force-dynamic";

/** Takes back the learner's latest review: the log row is marked undone and the card restored. */
export const POST = jsonRoute(async (_request: Request): Promise<Response> => {
  const now = serverNow();
  const learner = await currentLearner(now);
  const undone = await undoLatestReview(db(), learner.id, now);
  if (!undone.ok) return badRequest(undone.issues, 409);
  return Response.json({
    skillId: undone.value.card.skillId,
    due: undone.value.card.due,
    state: undone.value.card.state,
  });
});
