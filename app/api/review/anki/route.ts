import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { CONCEPTS } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { listCards } from "@/lib/db/srs";
import { conceptIdOf, conceptsToAnkiCsv } from "@/lib/srs/index";

export const dynamic = "force-dynamic";

/** An Anki-importable CSV of the concepts in the learner's deck (all concepts when the deck is empty). */
export const GET = jsonRoute(async (_request: Request): Promise<Response> => {
  const now = serverNow();
  const learner = await currentLearner(now);
  const inDeck = new Set((await listCards(db(), learner.id)).map((card) => conceptIdOf(card.skillId)));
  const concepts = inDeck.size === 0 ? CONCEPTS : CONCEPTS.filter((concept) => inDeck.has(concept.id));
  return new Response(conceptsToAnkiCsv(concepts), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="reachable-concepts-anki.csv"',
    },
  });
});
