import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { db } from "@/lib/db/client";
import {
  findCard,
  findLastStoredReview,
  listReviewLog,
  loadSrsSettings,
  replaceLatestReview,
} from "@/lib/db/srs";
import { rerateReview } from "@/lib/review/index";
import { questionFromId } from "@/lib/scenario/generate";
import { RateReviewSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

/** The re-rated row keeps the concepts of the question reviewed, as the row it replaces did. */
function conceptsOfQuestion(questionId: string): readonly string[] | undefined {
  const generated = questionFromId(questionId);
  return generated.ok ? generated.question.concepts : undefined;
}

/**
 * The learner's rating (Again, Hard, Good or Easy after a right answer; only Again after a wrong one) replaces
 * the automatic rating of that review. Rating it as it already is changes nothing.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = RateReviewSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const input = parsed.data;
  const now = serverNow();
  const learner = await currentLearner(now);
  const opened = openQuestionId(input.questionId, {
    kind: "review",
    skillId: input.skillId,
    learnerId: learner.id,
  });
  if (!opened.ok) return badRequest([{ path: ["questionId"], message: UNKNOWN_QUESTION }], 404);
  const database = db();
  const card = await findCard(database, learner.id, input.skillId);
  if (card === undefined)
    return badRequest([{ path: ["skillId"], message: `you have no card for ${input.skillId}` }], 404);
  const log = await listReviewLog(database, learner.id, input.skillId);
  const last = findLastStoredReview(log, learner.id, input.skillId);
  if (last === undefined)
    return badRequest([{ path: ["skillId"], message: "this card has no review to rate" }], 409);
  if (last.questionId === opened.questionId && last.rating === input.rating)
    return Response.json({ rating: last.rating, nextDue: card.due });
  const settings = await loadSrsSettings(database, learner.id);
  const rerated = rerateReview(card, log, input.rating, settings, opened.questionId);
  if (!rerated.ok) return badRequest(rerated.issues, 409);
  await replaceLatestReview(
    database,
    { id: last.id },
    {
      card: rerated.value.card,
      entry: rerated.value.entry,
      questionId: last.questionId,
      concepts: conceptsOfQuestion(last.questionId),
    },
    now,
  );
  return Response.json({ rating: rerated.value.entry.rating, nextDue: rerated.value.card.due });
});
