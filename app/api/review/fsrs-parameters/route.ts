import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { listReviewLog, loadSrsSettings, resetFsrsParameters, saveFsrsParameters } from "@/lib/db/srs";
import { loadFsrsOptimiser } from "@/lib/srs/fsrs-optimiser";
import { fitParameters } from "@/lib/srs/index";
import { FsrsParametersActionSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

/**
 * Fits FSRS parameters to the learner's review log and schedules with them from now on, or resets to the
 * defaults. A refusal (too little data, optimiser unavailable or failing) is a 422 with a sentence; nothing
 * is saved then.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const body = FsrsParametersActionSchema.safeParse(read.body);
  if (!body.success) return badRequest(body.error.issues);
  const now = serverNow();
  const learner = await currentLearner(now);
  const database = db();
  if (body.data.action === "reset") {
    await resetFsrsParameters(database, learner.id);
    return Response.json({ fitted: false });
  }
  const optimiser = await loadFsrsOptimiser();
  if (typeof optimiser === "string") {
    return Response.json({ error: optimiser }, { status: 503 });
  }
  const [log, settings] = await Promise.all([
    listReviewLog(database, learner.id),
    loadSrsSettings(database, learner.id),
  ]);
  const outcome = await fitParameters(log, settings, now, optimiser);
  if (!outcome.ok) {
    return Response.json({ error: outcome.reason }, { status: 422 });
  }
  await saveFsrsParameters(database, learner.id, outcome.parameters, outcome);
  return Response.json({
    fitted: true,
    reviews: outcome.reviews,
    before: outcome.before,
    after: outcome.after,
  });
});
