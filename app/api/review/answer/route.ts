import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { db } from "@/lib/db/client";
import { listAttempts } from "@/lib/db/attempts";
import {
  findUndoneQuestionId,
  listReviewedQuestionIds,
  listReviewLog,
  listCards,
  loadSrsSettings,
  saveReview,
} from "@/lib/db/srs";
import { answerReview, findOfferedCard, seenExceptRestored, seenSeedsOf } from "@/lib/review/index";
import { questionFromId } from "@/lib/scenario/generate";
import { allowedRatings, buildQueue, previewIntervals } from "@/lib/srs/index";
import { deckRow, undoLabel, type ReviewPageUpdate } from "@/app/review/deck-row";
import { AnswerReviewSchema, badRequest, readJson } from "../schemas";

export const dynamic = "force-dynamic";

const MAX_TIME_TAKEN_MS = 60 * 60 * 1000;

/**
 * Grades a review answer on the server, schedules the card and appends the log row; returns the solution and
 * what the review page shows around the card (queue counters, the card's deck row, the Undo label).
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = AnswerReviewSchema.safeParse(read.body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const input = parsed.data;

  const now = serverNow();
  const learner = await currentLearner(now);
  // The sealed id opens only for the card and the learner the review page served it to.
  const opened = openQuestionId(input.questionId, {
    kind: "review",
    skillId: input.skillId,
    learnerId: learner.id,
  });
  if (!opened.ok) return badRequest([{ path: ["questionId"], message: UNKNOWN_QUESTION }], 404);
  const generated = questionFromId(opened.questionId);
  if (!generated.ok) throw new Error(`review: sealed question ${opened.questionId} no longer generates`);
  const database = db();
  const [cards, log, settings] = await Promise.all([
    listCards(database, learner.id),
    listReviewLog(database, learner.id),
    loadSrsSettings(database, learner.id),
  ]);
  const card = findOfferedCard(buildQueue(cards, log, now, settings), input.skillId);
  if (card === undefined) {
    return badRequest(
      [{ path: ["skillId"], message: `${input.skillId} is not in today's review queue` }],
      409,
    );
  }
  // A review must be a variant the learner has not met: this refuses a resubmitted form (the card would be
  // reviewed twice) and a question whose key the learner already saw in a lesson or an earlier review.
  // Except the variant of the card's undone review, which the page shows again (lib/review/undo-restore.ts).
  const seen = seenSeedsOf(
    seenExceptRestored(
      [
        ...(await listReviewedQuestionIds(database, learner.id, input.skillId)),
        ...(await listAttempts(database, learner.id, { limit: 1000 })).map((attempt) => attempt.questionId),
      ],
      await findUndoneQuestionId(database, learner.id, input.skillId),
    ),
  );
  if (seen.has(generated.question.seed)) {
    return badRequest(
      [
        {
          path: ["questionId"],
          message: "this question was already seen; load the next card for a new variant",
        },
      ],
      409,
    );
  }
  const shownAt = input.shownAt === undefined ? now : new Date(input.shownAt);
  const timeTakenMs = Math.min(Math.max(0, now.getTime() - shownAt.getTime()), MAX_TIME_TAKEN_MS);
  const answered = answerReview({
    card,
    question: generated.question,
    response: input.response,
    now,
    settings,
    timeTakenMs,
  });
  if (!answered.ok) return badRequest(answered.issues);
  const saved = await saveReview(database, {
    card: answered.value.card,
    entry: answered.value.entry,
    questionId: generated.question.id,
    concepts: generated.question.concepts,
  });
  // The page around the card after this review, from what is already in memory (no second read): the review
  // page shows it without refreshing, so an answer is one request.
  const cardsAfter = cards.map((deckCard) =>
    deckCard.skillId === answered.value.card.skillId ? answered.value.card : deckCard,
  );
  const page: ReviewPageUpdate = {
    counts: buildQueue(cardsAfter, [...log, saved], now, settings).counts,
    row: deckRow(answered.value.card, now),
    undoLabel: undoLabel(saved),
  };
  return Response.json({
    page,
    outcome: { ...answered.value.outcome, questionId: input.questionId },
    rating: answered.value.rating,
    nextDue: answered.value.card.due,
    // What each rating button would schedule, from the card as it was before this answer.
    intervals: previewIntervals(answered.value.entry.before, now, settings),
    allowed: allowedRatings(answered.value.outcome.correct),
  });
});
