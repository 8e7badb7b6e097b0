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
 * defaults. A refusal is a sentence with nothing saved: 503 when the optimiser cannot load on this server,
 * 422 for too little data or a failing fit. The before/after scores are on held-out reviews (lib/srs/optimise.ts).
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
  const [log, settings, optimiser] = await Promise.all([
    listReviewLog(database, learner.id),
    loadSrsSettings(database, learner.id),
    loadFsrsOptimiser(),
  ]);
  const outcome = await fitParameters(log, settings, now, optimiser);
  if (!outcome.ok) {
    // Unavailable on this server: 503, and nothing stored, so scheduling keeps the parameters it had.
    return Response.json({ error: outcome.reason }, { status: outcome.unavailable ? 503 : 422 });
  }
  await saveFsrsParameters(database, learner.id, outcome.parameters, outcome);
  return Response.json({
    fitted: true,
    reviews: outcome.reviews,
    before: outcome.before,
    after: outcome.after,
    heldOut: outcome.heldOut,
  });
});
