import { serverNow } from "@/app/clock";
import { currentLearner, viewingLearner } from "@/app/current-learner";
import { parseJsonBody } from "@/app/http/json-body";
import { jsonRoute, refuse, replyWith } from "@/app/http/json-route";
import { findLesson } from "@/app/lessons/course";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import { hasAttempt, recordAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { enrolQuestionConcepts } from "@/lib/db/srs";
import { answerOutcome, solutionOf } from "@/lib/grading/outcome";
import { questionFromId } from "@/lib/scenario/generate";
import { bookmarkAnswerable } from "@/app/bookmarks/bookmark-service";
import { AnswerRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

const MAX_DURATION_MS = 6 * 60 * 60 * 1000;

/**
 * Grades an answer to a lesson question (or a bookmarked one) on the server; the browser never holds the key
 * before this call returns. The question id is the sealed token the lesson page (or the learner's bookmarks page)
 * was built with: it opens only there, so an answer to a question no lesson served, or for a lesson that does not
 * exist, is refused and records nothing.
 */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, AnswerRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  let context: string;
  let opened: ReturnType<typeof openQuestionId>;
  if (input.context.kind === "lesson") {
    const slug = input.context.slug;
    if (findLesson(slug) === undefined) return replyWith(refuse(404, `context.slug: no lesson "${slug}"`));
    context = `lesson:${slug}`;
    opened = openQuestionId(input.questionId, { kind: "lesson", slug });
    if (!opened.ok) return replyWith(refuse(404, `questionId: ${UNKNOWN_QUESTION}`));
  } else {
    // uxr6 finding 3: a bookmarked question is answered from the bookmarks page, unless its mock exam still runs.
    const viewer = await viewingLearner(now);
    opened = openQuestionId(input.questionId, { kind: "bookmark", learnerId: viewer.id });
    if (!opened.ok) return replyWith(refuse(404, `questionId: ${UNKNOWN_QUESTION}`));
    const answerable = await bookmarkAnswerable(viewer.id, opened.questionId);
    if (!answerable.ok) return replyWith(refuse(answerable.status, answerable.error));
    context = "bookmark";
  }
  const generated = questionFromId(opened.questionId);
  if (!generated.ok) throw new Error(`${context}: sealed question ${opened.questionId} no longer generates`);
  const question = generated.question;
  const known = new Set(question.options.map((option) => option.id));
  const unknown = input.response.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return replyWith(
      refuse(400, `response: ${unknown.map((id) => `"${id}"`).join(", ")} is not an option of this question`),
    );
  }

  if (input.reveal) {
    // The solution follows the learner's own recorded attempt, never replaces it.
    const learner = await viewingLearner(now);
    if (!(await hasAttempt(db(), learner.id, question.id, context))) {
      return replyWith(
        refuse(409, "reveal: answer the question first; the solution is shown after your own attempt"),
      );
    }
    return Response.json({ questionId: input.questionId, revealed: true, solution: solutionOf(question) });
  }
  if (input.response.length === 0) return replyWith(refuse(400, "response: choose at least one option"));

  const shownAt = input.shownAt ? new Date(input.shownAt) : now;
  const durationMs = Math.min(Math.max(0, now.getTime() - shownAt.getTime()), MAX_DURATION_MS);
  const outcome = answerOutcome(question, input.response, "when-correct");
  const learner = await currentLearner(now);
  await recordAttempt(db(), learner.id, {
    questionId: question.id,
    family: question.family,
    seed: question.seed,
    difficulty: question.difficulty,
    response: input.response,
    correct: outcome.correct,
    score: outcome.score,
    durationMs,
    context,
    startedAt: new Date(now.getTime() - durationMs),
    answeredAt: now,
    concepts: question.concepts,
  });
  // Issue 7: a skill enters the review deck when the learner first meets it.
  await enrolQuestionConcepts(
    db(),
    learner.id,
    question.concepts,
    input.context.kind === "lesson" ? "lesson" : "practice",
    now,
  );
  return Response.json({ ...outcome, questionId: input.questionId });
});
