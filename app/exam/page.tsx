import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { sealQuestionId } from "@/app/security/question-token";
import { QuestionBody } from "@/app/practice/question-body";
import { serverEnv } from "@/app/server-env";
import { toClientQuestion } from "@/lib/grading/redact";
import { getExamReview } from "@/lib/quiz/exam-result";
import { Countdown } from "./countdown";
import { ExamAnswer, ExamNavigator, GotoButton, ReviewActions } from "./exam-controls";
import { loadActiveExam, questionsOf } from "./exam-session";
import { ExamStartForm } from "./start-form";
import { SubmitExpired } from "./submit-expired";
import { ExamGuide } from "./exam-guide";
import { ExamHeading } from "./exam-heading";
import { ScoreHistory } from "./score-history";
import { BookmarkButton } from "@/app/bookmarks/bookmark-button";
import { db } from "@/lib/db/client";
import { isBookmarked } from "@/lib/db/bookmarks";

export const metadata: Metadata = { title: "Mock exam" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const active = await loadActiveExam(learner.id);
  if (!active.ok || active.value === null) {
    const env = serverEnv();
    return (
      <>
        <h1>Mock exam</h1>
        <p className="lede">
          A timed exam across the topics: move back and forth, flag questions, review, submit. The clock is
          the server&apos;s; when time runs out the exam submits itself.
        </p>
        {!active.ok ? <p className="notice">Your last exam could not be resumed ({active.error}).</p> : null}
        <ExamStartForm
          defaultCount={env.REACHABLE_EXAM_QUESTIONS}
          defaultMinutes={Math.round(env.REACHABLE_EXAM_DURATION_MS / 6000) / 10}
        />
        <ExamGuide
          questionCount={env.REACHABLE_EXAM_QUESTIONS}
          durationMs={env.REACHABLE_EXAM_DURATION_MS}
          passPercent={env.REACHABLE_EXAM_PASS_PERCENT}
        />
        <ScoreHistory learnerId={learner.id} passPercent={env.REACHABLE_EXAM_PASS_PERCENT} />
      </>
    );
  }
  const { session, snapshot, config } = active.value;
  if (now.getTime() >= snapshot.context.deadline) {
    return (
      <>
        <h1>Mock exam</h1>
        <SubmitExpired sessionId={session.id} />
      </>
    );
  }
  const context = snapshot.context;
  const review = getExamReview(context);
  const navItems = context.questionIds.map((id, index) => ({
    index,
    answered: context.answers[id] !== undefined,
    flagged: context.flagged.includes(id),
    current: index === context.currentIndex && snapshot.matches({ inProgress: "answering" }),
  }));
  const reviewing = snapshot.matches({ inProgress: "reviewing" });
  const total = context.questionIds.length;
  // The sticky bar says where the learner is once the h1 has scrolled away; on a phone in its short form (Q3/10).
  const header = (
    <div className="exam-header" data-session-id={session.id}>
      <p className="exam-where" data-testid="exam-where">
        {config.retakeOf ? <span className="exam-where-long">Retake of the missed questions · </span> : null}
        {reviewing ? (
          `${total} questions`
        ) : (
          <>
            <span className="exam-where-long">
              Question {context.currentIndex + 1} of {total}
            </span>
            <span className="exam-where-short" aria-hidden="true">
              Q{context.currentIndex + 1}/{total}
            </span>
          </>
        )}
      </p>
      <Countdown
        sessionId={session.id}
        deadline={context.deadline}
        durationMs={context.deadline - context.startedAt}
        serverNow={now.getTime()}
      />
    </div>
  );

  if (reviewing) {
    return (
      <>
        <ExamHeading screen="review">Review before submitting</ExamHeading>
        {header}
        <section className="card" aria-label="Review" data-testid="review-screen">
          <p>
            {context.questionIds.length - review.unanswered.length} of {context.questionIds.length} answered ·{" "}
            {review.flagged.length} flagged
          </p>
          <ol className="review-list">
            {context.questionIds.map((id, index) => (
              <li key={id} data-review-index={index + 1}>
                <GotoButton sessionId={session.id} index={index} label={`Question ${index + 1}`} />{" "}
                {context.answers[id] === undefined ? (
                  <span className="tag">not answered</span>
                ) : (
                  <span className="tag">answered</span>
                )}{" "}
                {context.flagged.includes(id) ? <span className="tag flag-tag">flagged</span> : null}
              </li>
            ))}
          </ol>
          <ReviewActions sessionId={session.id} unanswered={review.unanswered.length} />
        </section>
      </>
    );
  }

  const questionId = context.questionIds[context.currentIndex];
  if (questionId === undefined) throw new Error(`exam ${session.id}: no question at ${context.currentIndex}`);
  const question = questionsOf([questionId]).get(questionId);
  if (question === undefined) throw new Error(`exam ${session.id}: ${questionId} missing`);
  // The browser sees a sealed id that opens only in this exam for this learner (app/security/question-token.ts).
  const shownId = sealQuestionId(question.id, { kind: "exam", sessionId: session.id, learnerId: learner.id });
  return (
    <>
      <ExamHeading screen={`question-${context.currentIndex}`}>
        Question {context.currentIndex + 1} of {total}
      </ExamHeading>
      {header}
      <ExamNavigator sessionId={session.id} items={navItems} />
      <section className="card" aria-label="Question" data-question-id={shownId}>
        <QuestionBody question={{ ...toClientQuestion(question), id: shownId }} exhibitHeadingLevel={2} />
        <ExamAnswer
          sessionId={session.id}
          questionId={shownId}
          options={question.options.map((option) => ({ id: option.id, text: option.text }))}
          multiSelect={question.multiSelect === true}
          selected={context.answers[question.id] ?? []}
          flagged={context.flagged.includes(question.id)}
          isFirst={context.currentIndex === 0}
          isLast={context.currentIndex === context.questionIds.length - 1}
        />
        <BookmarkButton
          key={`bookmark-${shownId}`}
          where="exam"
          sessionId={session.id}
          questionId={shownId}
          bookmarked={await isBookmarked(db(), learner.id, question.id)}
        />
      </section>
    </>
  );
}
