import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { badRequest, parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { db } from "@/lib/db/client";
import { saveLabUnlessTaken } from "@/lib/db/labs";
import { LabSaveSchema } from "../schema";

export const dynamic = "force-dynamic";

/**
 * Saves the learner's lab under its name and answers its share link's id. A name the learner already gave
 * another lab is refused (409, field `replace`) until they confirm: saving never silently replaces a lab.
 * A shared copy saved by someone else becomes their own lab: nobody writes another learner's lab.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, LabSaveSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const learner = await currentLearner(now);
  const { replace, replaceId, ...lab } = parsed.data;
  const saved = await saveLabUnlessTaken(db(), learner.id, lab, now, { replace, replaceId });
  if (!saved.ok)
    return badRequest(
      [
        {
          path: ["replace"],
          message: `you already have a lab named “${lab.name}”: replace it, or save under another name`,
        },
      ],
      409,
    );
  return replyWith({ ok: true, value: { id: saved.id, name: lab.name } });
});
