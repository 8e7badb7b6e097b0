import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { db } from "@/lib/db/client";
import { saveLab } from "@/lib/db/labs";
import { LabSaveSchema } from "../schema";

export const dynamic = "force-dynamic";

/**
 * Saves the learner's lab under its name (the same name again replaces it) and answers its share link's id.
 * A shared copy saved by someone else becomes their own lab: nobody writes another learner's lab.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, LabSaveSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const learner = await currentLearner(now);
  const id = await saveLab(db(), learner.id, parsed.data, now);
  return replyWith({ ok: true, value: { id, name: parsed.data.name } });
});
