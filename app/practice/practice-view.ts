// The practice screen as data: what the page renders for the question on screen, and what "Next question"
// returns so the next question needs no second request. Built from the redacted question only (no key, no
// explanation) unless the question is already answered, when the feedback comes with it.
import { sealQuestionId } from "@/app/security/question-token";
import { topologyToDiagram } from "@/lib/diagram/from-topology";
import type { PlacedDiagram } from "@/lib/diagram/diagram";
import { layoutDiagram } from "@/lib/diagram/layout";
import { isBookmarked } from "@/lib/db/bookmarks";
import { db } from "@/lib/db/client";
import { toClientQuestion } from "@/lib/grading/redact";
import { currentPracticeAttempt } from "@/lib/quiz/practice-machine";
import type { Exhibit } from "@/lib/scenario/exhibit";
import { questionFromId } from "@/lib/scenario/generate";
import type { QuestionOption } from "@/lib/scenario/question";
import { practiceFeedback, type PracticeFeedback } from "./feedback";
import type { ActivePractice } from "./practice-session";

export type PracticeProgress = {
  readonly number: number;
  readonly limit: number | null;
  readonly right: number;
  readonly answered: number;
};

export type PracticeView = {
  readonly sessionId: string;
  /** The sealed id: it opens only in this session for this learner (app/security/question-token.ts). */
  readonly questionId: string;
  readonly stem: string;
  readonly exhibit: Exhibit | null;
  readonly options: readonly QuestionOption[];
  readonly multiSelect: boolean;
  readonly diagram: PlacedDiagram | null;
  readonly progress: PracticeProgress;
  readonly bookmarked: boolean;
  /** Present once the question is graded (a reload after the answer): the key arrives only then. */
  readonly answered: PracticeFeedback | null;
};

export async function practiceView(
  learnerId: string,
  { session, snapshot, config }: Pick<ActivePractice, "session" | "snapshot" | "config">,
): Promise<PracticeView> {
  const attempt = currentPracticeAttempt(snapshot.context);
  if (attempt === undefined) throw new Error(`practice session ${session.id} has no question`);
  const generated = questionFromId(attempt.questionId);
  if (!generated.ok) throw new Error(`practice: ${attempt.questionId} no longer generates`);
  const question = generated.question;
  const shown = toClientQuestion(question);
  const graded = snapshot.context.asked.filter((asked) => asked.correct !== null);
  const response = snapshot.matches("answered") ? attempt.response : null;
  return {
    sessionId: session.id,
    questionId: sealQuestionId(question.id, { kind: "practice", sessionId: session.id, learnerId }),
    stem: shown.stem,
    exhibit: shown.exhibit ?? null,
    options: shown.options,
    multiSelect: shown.multiSelect === true,
    diagram: shown.topology ? await layoutDiagram(topologyToDiagram(shown.topology)) : null,
    progress: {
      number: snapshot.context.asked.length,
      limit: config.settings.questionLimit,
      right: graded.filter((asked) => asked.correct === true).length,
      answered: graded.length,
    },
    bookmarked: await isBookmarked(db(), learnerId, question.id),
    answered: response === null ? null : practiceFeedback(question, response),
  };
}
