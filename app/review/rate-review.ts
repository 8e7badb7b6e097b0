// Re-rating a review, shared by POST /api/review/rate (JSON for programs) and the review page's server action
// (which answers with the next card in the same response).
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
import type { z } from "zod";
import type { RateReviewSchema } from "@/app/api/review/schemas";

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };
export type RateResult =
  | { readonly ok: true; readonly value: { readonly rating: string; readonly nextDue: string } }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly status: number };

/** The re-rated row keeps the concepts of the question reviewed, as the row it replaces did. */
function conceptsOfQuestion(questionId: string): readonly string[] | undefined {
  const generated = questionFromId(questionId);
  return generated.ok ? generated.question.concepts : undefined;
}

/**
 * The learner's rating (Again, Hard, Good or Easy after a right answer; only Again after a wrong one) replaces
 * the automatic rating of that review. Rating it as it already is changes nothing.
 */
export async function rateReview(
  learnerId: string,
  input: z.infer<typeof RateReviewSchema>,
  now: Date,
): Promise<RateResult> {
  const opened = openQuestionId(input.questionId, { kind: "review", skillId: input.skillId, learnerId });
  if (!opened.ok)
    return { ok: false, issues: [{ path: ["questionId"], message: UNKNOWN_QUESTION }], status: 404 };
  const database = db();
  const card = await findCard(database, learnerId, input.skillId);
  if (card === undefined)
    return {
      ok: false,
      issues: [{ path: ["skillId"], message: `you have no card for ${input.skillId}` }],
      status: 404,
    };
  const log = await listReviewLog(database, learnerId, input.skillId);
  const last = findLastStoredReview(log, learnerId, input.skillId);
  if (last === undefined)
    return {
      ok: false,
      issues: [{ path: ["skillId"], message: "this card has no review to rate" }],
      status: 409,
    };
  if (last.questionId === opened.questionId && last.rating === input.rating)
    return { ok: true, value: { rating: last.rating, nextDue: card.due } };
  const settings = await loadSrsSettings(database, learnerId);
  const rerated = rerateReview(card, log, input.rating, settings, opened.questionId);
  if (!rerated.ok) return { ok: false, issues: rerated.issues, status: 409 };
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
  return { ok: true, value: { rating: rerated.value.entry.rating, nextDue: rerated.value.card.due } };
}
