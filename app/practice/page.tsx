import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { ruleUse } from "@/app/rules/rule-use";
import { sealQuestionId } from "@/app/security/question-token";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { findRule } from "@/lib/content/rules-catalogue";
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
import { BookmarkButton } from "@/app/bookmarks/bookmark-button";
import { isBookmarked } from "@/lib/db/bookmarks";
import { db } from "@/lib/db/client";
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

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?rule=PCX-02` (the "practise this rule" link): the families that cite the rule, preselected. */
async function rulePreset(searchParams: Props["searchParams"]) {
  const raw = (await searchParams).rule;
  const rule = typeof raw === "string" ? findRule(raw) : undefined;
  if (!rule) return undefined;
  const families = ruleUse(rule.id).families;
  return families.length > 0 ? { rule: rule.id, families } : undefined;
}

export default async function Page({ searchParams }: Props) {
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
          <p className="notice">Your last session could not be resumed, so a new one starts here.</p>
        ) : null}
        <PracticeSettingsForm {...settingsChoices()} preset={await rulePreset(searchParams)} />
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
  const graded = snapshot.context.asked.filter((a) => a.correct !== null);
  const diagram = question.topology ? await layoutDiagram(topologyToDiagram(question.topology)) : undefined;

  return (
    <>
      <h1>Practice</h1>
      {/* Keyed by question: the next question starts with nothing chosen. */}
      <PracticeQuestion
        key={shownId}
        sessionId={session.id}
        questionId={shownId}
        options={question.options.map((option) => ({ id: option.id, text: option.text }))}
        multiSelect={question.multiSelect === true}
        diagram={diagram}
        progress={{
          number: snapshot.context.asked.length,
          limit: config.settings.questionLimit,
          right: graded.filter((a) => a.correct === true).length,
          answered: graded.length,
        }}
        answered={answered ? practiceFeedback(question, attempt.response) : undefined}
      >
        <QuestionBody question={{ ...toClientQuestion(question), id: shownId }} withDiagram={false} />
      </PracticeQuestion>
      <BookmarkButton
        key={`bookmark-${shownId}`}
        where="practice"
        sessionId={session.id}
        questionId={shownId}
        bookmarked={await isBookmarked(db(), learner.id, question.id)}
      />
      <FinishButton sessionId={session.id} />
    </>
  );
}
