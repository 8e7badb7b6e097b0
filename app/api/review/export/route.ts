import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { listCardChanges, loadDeck } from "@/lib/db/srs";
import { exportDeck, serializeDeck, type ReviewLogEntry } from "@/lib/srs/index";
import { formatDate } from "@/app/format-date";

export const dynamic = "force-dynamic";

/** The learner's cards, review log (undone reviews left out) and schedule changes as a JSON download. */
export const GET = jsonRoute(async (_request: Request): Promise<Response> => {
  const now = serverNow();
  const learner = await currentLearner(now);
  const database = db();
  const [{ cards, log }, changes] = await Promise.all([
    loadDeck(database, learner.id),
    listCardChanges(database, learner.id),
  ]);
  // Stored rows carry their row id and question id; the export format is the domain's entry only.
  const entries: ReviewLogEntry[] = log.map(({ id: _id, questionId: _questionId, ...entry }) => entry);
  const body = serializeDeck(exportDeck(learner.id, cards, entries, now, changes));
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="reachable-review-${formatDate(now)}.json"`,
    },
  });
});
