import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { db } from "@/lib/db/client";
import { findCard, manageCard } from "@/lib/db/srs";
import { ManageCardSchema, badRequest, readJson } from "../../schemas";

export const dynamic = "force-dynamic";

/**
 * The card browser's actions on one of the current learner's cards: suspend, unsuspend, bury until
 * tomorrow, unbury, forget, reschedule to a day. The learner comes from the cookie, so a request can only
 * reach that learner's cards.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = ManageCardSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const now = serverNow();
  const learner = await currentLearner(now);
  const input = parsed.data;
  const database = db();
  const found = await findCard(database, learner.id, input.skillId);
  if (found === undefined)
    return badRequest([{ path: ["skillId"], message: `you have no card for ${input.skillId}` }], 404);
  // Noon of the chosen date lies inside that learner-day for any day offset within twelve hours of UTC.
  const action =
    input.action === "reschedule"
      ? { action: "reschedule" as const, day: new Date(`${input.due}T12:00:00Z`) }
      : { action: input.action };
  const managed = await manageCard(database, found, action, now);
  if (!managed.ok) return badRequest(managed.issues, 422);
  const card = managed.value;
  return Response.json({
    skillId: card.skillId,
    state: card.state,
    suspended: card.suspended,
    buriedUntil: card.buriedUntil,
    due: card.due,
  });
});
