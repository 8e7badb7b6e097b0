import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { rateReview } from "@/app/review/rate-review";
import { RateReviewSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

/**
 * The learner's rating replaces the automatic rating of the latest review (app/review/rate-review.ts). The
 * review page uses a server action instead, whose response carries the next card too.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = RateReviewSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const now = serverNow();
  const learner = await currentLearner(now);
  const rated = await rateReview(learner.id, parsed.data, now);
  if (!rated.ok) return badRequest(rated.issues, rated.status);
  return Response.json(rated.value);
});
