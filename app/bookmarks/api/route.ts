import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, replyWith } from "@/app/http/json-route";
import { changeBookmark } from "../bookmark-service";
import { BookmarkRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

/** Adds or removes a bookmark on a question served to this learner. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, BookmarkRequestSchema);
  if (!parsed.ok) return parsed.response;
  const now = serverNow();
  const learner = await currentLearner(now);
  return replyWith(await changeBookmark(learner.id, parsed.data, now));
});
