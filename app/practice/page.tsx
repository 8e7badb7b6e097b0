import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { topologyToDiagram } from "@/lib/diagram/from-topology";
import { layoutDiagram } from "@/lib/diagram/layout";
import { toClientQuestion } from "@/lib/grading/redact";
import { DEFAULT_CATALOG } from "@/lib/practice/catalog";
import { currentPracticeAttempt } from "@/lib/quiz/practice-machine";
import { questionFromId } from "@/lib/scenario/generate";
import { FAMILIES } from "@/lib/scenario/registry";
import { practiceFeedback } from "./feedback";
import { FinishButton } from "./finish-button";
import { loadActivePractice } from "./practice-session";
import { PracticeQuestion } from "./practice-question";
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
  const learner = await currentLearner(now);
  const active = await loadActivePractice(learner.id);
  if (!active.ok || active.value === null) {
    return (
      <>
        <h1>Practice</h1>
        <p className="lede">
          Question, answer, feedback with the path traced, next. Choose what to practise.
        </p>
        {!active.ok ? (
          <p className="notice">Your last session could not be resumed, so a new one starts here.</p>
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
  const answered = snapshot.matches("answered") && attempt.response !== null;
  const graded = snapshot.context.asked.filter((a) => a.correct !== null);
  const diagram = question.topology ? await layoutDiagram(topologyToDiagram(question.topology)) : undefined;

  return (
    <>
      <h1>Practice</h1>
      {/* Keyed by question: the next question starts with nothing chosen (issue 15, bug 1). */}
      <PracticeQuestion
        key={question.id}
        sessionId={session.id}
        questionId={question.id}
        options={question.options.map((option) => ({ id: option.id, text: option.text }))}
        multiSelect={question.multiSelect === true}
        diagram={diagram}
        progress={{
          number: snapshot.context.asked.length,
          limit: config.settings.questionLimit,
          right: graded.filter((a) => a.correct === true).length,
          answered: graded.length,
        }}
        answered={answered && attempt.response ? practiceFeedback(question, attempt.response) : undefined}
      >
        <QuestionBody question={toClientQuestion(question)} withDiagram={false} />
      </PracticeQuestion>
      <FinishButton sessionId={session.id} />
    </>
  );
}
