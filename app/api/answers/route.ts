import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { recordAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { enrolQuestionConcepts } from "@/lib/db/srs";
import { answerOutcome, solutionOf } from "@/lib/grading/outcome";
import { questionFromId } from "@/lib/scenario/generate";
import { parseJsonBody } from "@/app/http/json-body";
import { AnswerRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

const MAX_DURATION_MS = 6 * 60 * 60 * 1000;

/** Grades an answer on the server; the browser never holds the key before this call returns. */
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseJsonBody(request, AnswerRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;

  const generated = questionFromId(input.questionId);
  if (!generated.ok) {
    return Response.json({ error: generated.issues.map((i) => `questionId.${i.path}: ${i.message}`).join("; ") }, { status: 400 });
  }
  const question = generated.question;
  const known = new Set(question.options.map((option) => option.id));
  const unknown = input.response.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return Response.json({ error: `response: ${unknown.map((id) => `"${id}"`).join(", ")} is not an option of this question` }, { status: 400 });
  }
  if (input.reveal) return Response.json({ questionId: question.id, revealed: true, solution: solutionOf(question) });
  if (input.response.length === 0) return Response.json({ error: "response: choose at least one option" }, { status: 400 });

  const now = serverNow();
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
    context: `lesson:${input.context.slug}`,
    startedAt: new Date(now.getTime() - durationMs),
    answeredAt: now,
  });
  // Issue 7: a skill enters the review deck when the learner first meets it.
  await enrolQuestionConcepts(db(), learner.id, question.concepts, "lesson", now);
  return Response.json(outcome);
}
