import { parseJsonBody } from "@/app/http/json-body";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { jsonRoute } from "@/app/http/json-route";
import { openQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import {
  answerPractice,
  finishPractice,
  nextPractice,
  startPractice,
  type Outcome,
} from "../practice-session";
import { practiceView } from "../practice-view";
import { PracticeRequestSchema } from "../schema";

export const dynamic = "force-dynamic";

function reply<T>(outcome: Outcome<T>): Response {
  return outcome.ok
    ? Response.json(outcome.value)
    : Response.json({ error: outcome.error }, { status: outcome.status });
}

/** Every practice step: start, answer (graded here, never in the browser), next, finish. */
export const POST = jsonRoute(async (request: Request): Promise<Response> => {
  const parsed = await parseJsonBody(request, PracticeRequestSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  const now = serverNow();
  const learner = await currentLearner(now);
  switch (input.action) {
    case "start": {
      // One request: the reply carries the first question (redacted), as Next's does.
      const started = await startPractice(learner.id, input.settings, now);
      if (!started.ok) return reply(started);
      const { sessionId, active } = started.value;
      return Response.json({ sessionId, question: await practiceView(learner.id, active) });
    }
    case "answer": {
      // The sealed id opens only in the session and for the learner it was served to.
      const opened = openQuestionId(input.questionId, {
        kind: "practice",
        sessionId: input.sessionId,
        learnerId: learner.id,
      });
      if (!opened.ok) return Response.json({ error: `questionId: ${UNKNOWN_QUESTION}` }, { status: 409 });
      return reply(await answerPractice(learner.id, input.sessionId, opened.questionId, input.response, now));
    }
    case "next": {
      // One request: the reply carries the next question (redacted), or says the session is finished.
      const moved = await nextPractice(learner.id, input.sessionId, now);
      if (!moved.ok) return reply(moved);
      if (moved.value.finished) return Response.json({ finished: true });
      return Response.json({ finished: false, question: await practiceView(learner.id, moved.value.active) });
    }
    case "finish":
      return reply(await finishPractice(learner.id, input.sessionId, now));
  }
});
