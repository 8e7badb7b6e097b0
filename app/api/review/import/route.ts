import { jsonRoute } from "@/app/http/json-route";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { replaceDeck } from "@/lib/db/srs";
import { importDeck } from "@/lib/srs/index";
import { badRequest } from "../schemas";

export const dynamic = "force-dynamic";

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Replaces the learner's deck with an exported file (the raw JSON text as the body). The file is checked
 * whole first (shape, one card per skill, every card equal to what its log schedules); a bad file changes nothing.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const text = await request.text();
  if (text.length > MAX_BYTES)
    return badRequest([{ path: [], message: "the file is larger than 5 MB" }], 413);
  const deck = importDeck(text);
  if (!deck.ok) return badRequest(deck.issues, 422);
  const now = serverNow();
  const learner = await currentLearner(now);
  const counts = await replaceDeck(db(), learner.id, deck.value);
  return Response.json(counts);
});
