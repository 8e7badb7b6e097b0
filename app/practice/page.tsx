import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { sealQuestionId } from "@/app/security/question-token";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { answerOutcome } from "@/lib/grading/outcome";
import { toClientQuestion } from "@/lib/grading/redact";
import { DEFAULT_CATALOG } from "@/lib/practice/catalog";
import { currentPracticeAttempt } from "@/lib/quiz/practice-machine";
import { questionFromId } from "@/lib/scenario/generate";
import { FAMILIES } from "@/lib/scenario/registry";
import { FeedbackDetails } from "./feedback-details";
import { FinishButton } from "./finish-button";
import { PracticeAnswer } from "./practice-answer";
import { loadActivePractice } from "./practice-session";
import { QuestionBody } from "./question-body";
import { PracticeSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

function settingsChoices() {
  const covered = new Set(
    DEFAULT_CATALOG.families.flatMap((family) => family.concepts.map((c) => DEFAULT_CATALOG.groupOf(c))),
  );
  return {
    groups: CONCEPT_GROUPS.filter((group) => covered.has(group.id)).map((group) => ({
      id: group.id,
      title: group.title,
    })),
    families: FAMILIES.map((family) => ({ id: family.name, title: family.title })),
  };
}

export default async function Page() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const active = await loadActivePractice(learner.id);
  if (!active.ok || active.value === null) {
    return (
      <>
        <h1>Practice</h1>
        <p className="lede">
          Question, answer, feedback with the path traced, next. Choose what to practise.
        </p>
        {!active.ok ? (
          <p className="notice">Your last session could not be resumed ({active.error}).</p>
        ) : null}
        <PracticeSettingsForm {...settingsChoices()} />
      </>
    );
  }
  const { session, snapshot, config } = active.value;
  const attempt = currentPracticeAttempt(snapshot.context);
  if (attempt === undefined) throw new Error(`practice session ${session.id} has no question`);
  const generated = questionFromId(attempt.questionId);
  if (!generated.ok) throw new Error(`practice: ${attempt.questionId} no longer generates`);
  const question = generated.question;
  // The browser sees a sealed id that opens only in this session for this learner (app/security/question-token.ts).
  const shownId = sealQuestionId(question.id, {
    kind: "practice",
    sessionId: session.id,
    learnerId: learner.id,
  });
  const answered = snapshot.matches("answered") && attempt.response !== null;
  const outcome =
    answered && attempt.response ? answerOutcome(question, attempt.response, "always") : undefined;
  const graded = snapshot.context.asked.filter((a) => a.correct !== null);
  const right = graded.filter((a) => a.correct === true).length;
  const limit = config.settings.questionLimit;

  return (
    <>
      <h1>Practice</h1>
      <p className="practice-progress" data-testid="practice-progress">
        Question {snapshot.context.asked.length}
        {limit === null ? "" : ` of ${limit}`} · {right} right of {graded.length} answered
      </p>
      <section
        className="card practice-question"
        data-question-id={shownId}
        data-session-id={session.id}
        aria-label="Question"
      >
        <QuestionBody question={{ ...toClientQuestion(question), id: shownId }} highlight={answered} />
        <PracticeAnswer
          sessionId={session.id}
          questionId={shownId}
          options={question.options.map((option) => ({ id: option.id, text: option.text }))}
          multiSelect={question.multiSelect === true}
          answered={
            outcome && attempt.response
              ? { response: attempt.response, key: outcome.solution?.key ?? [], correct: outcome.correct }
              : undefined
          }
        />
        {outcome ? <FeedbackDetails outcome={outcome} /> : null}
      </section>
      <FinishButton sessionId={session.id} />
    </>
  );
}
