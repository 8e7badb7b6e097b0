import type { Metadata } from "next";
import Link from "next/link";
import { OpenInLab } from "@/app/components/open-in-lab";
import { SolutionView } from "@/app/components/solution-view";
import { notFound, redirect } from "next/navigation";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { sealQuestionId } from "@/app/security/question-token";
import { QuestionBody } from "@/app/practice/question-body";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { findSession } from "@/lib/db/sessions";
import { solutionOf } from "@/lib/grading/outcome";
import { toClientQuestion } from "@/lib/grading/redact";
import { questionsOf } from "../exam-session";
import { ExamConfigSchema, ExamScoreSchema } from "../schema";
import { ReportFilter, type ItemStatus } from "./report-filter";
import { RetakeButton } from "./retake-button";
import { sessionPageMetadata } from "@/app/session-metadata";

export function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  return sessionPageMetadata(params, "exam", "Exam result");
}
export const dynamic = "force-dynamic";

const STATUS_TEXT: Record<ItemStatus, string> = { right: "Right", wrong: "Wrong", skipped: "Skipped" };
const statusOf = (item: { correct: boolean; response: readonly string[] | null }): ItemStatus =>
  item.correct ? "right" : item.response === null || item.response.length === 0 ? "skipped" : "wrong";

function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, "0")} s`;
}

const groupTitle = (id: string) => CONCEPT_GROUPS.find((group) => group.id === id)?.title ?? id;

/** The score report: score, pass or fail, per domain, and every question with your answer, the key and why. */
export default async function Page({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const now = serverNow();
  const learner = await viewingLearner(now);
  const session = await findSession(db(), learner.id, sessionId);
  if (session === null || session.kind !== "exam") notFound();
  if (session.status === "active") redirect("/exam");
  const parsed = ExamScoreSchema.safeParse(session.result);
  if (!parsed.success) {
    return (
      <>
        <h1>Exam result</h1>
        <p className="notice">This exam was left unfinished when another one started; it has no result.</p>
      </>
    );
  }
  const score = parsed.data;
  const config = ExamConfigSchema.safeParse(session.config);
  // The exam seed is not shown: with the session id it would predict a retake's questions and their keys.
  const isRetake = config.success && config.data.retakeOf !== null;
  const questions = questionsOf(score.items.map((item) => item.questionId));
  const missed = score.items.filter((item) => !item.correct).length;
  const counts = {
    all: score.items.length,
    wrong: score.items.filter((item) => statusOf(item) === "wrong").length,
    flagged: score.items.filter((item) => item.flagged).length,
    skipped: score.items.filter((item) => statusOf(item) === "skipped").length,
  };
  const timeTaken = score.submittedAt - session.createdAt.getTime();
  const timed = score.items.every((item) => item.timeMs !== undefined);
  return (
    <>
      <h1>Exam result</h1>
      {isRetake ? (
        // A retake of the missed questions has no pass mark; it is not a mock exam.
        <p className="exam-verdict" data-testid="exam-verdict" data-retake="true">
          Retake of the missed questions: {score.correct} of {score.total} right.
        </p>
      ) : (
        <p
          className={`exam-verdict ${score.passed ? "ok" : "bad"}`}
          data-testid="exam-verdict"
          data-passed={String(score.passed)}
        >
          {score.passed ? "Pass" : "Fail"}: {score.correct} of {score.total} right ({score.percent}%), pass
          mark {score.passPercent}%.
        </p>
      )}
      <p data-testid="exam-ended-by">
        {score.endedBy === "timeout"
          ? "Time ran out: the exam was submitted automatically."
          : "You submitted the exam."}{" "}
        {isRetake ? "This was a retake of the missed questions." : ""}
      </p>
      <p data-testid="exam-time">
        Time taken: {minutesAndSeconds(timeTaken)}
        {config.success ? ` of ${minutesAndSeconds(config.data.durationMs)}` : ""} · {counts.wrong} wrong,{" "}
        {counts.skipped} skipped, {counts.flagged} flagged.
        {timed
          ? ` Average ${minutesAndSeconds(
              score.items.reduce((sum, item) => sum + (item.timeMs ?? 0), 0) /
                Math.max(1, score.items.length),
            )} per question.`
          : ""}
      </p>
      <section aria-labelledby="domains">
        <h2 id="domains">By domain</h2>
        <table className="score-table" data-testid="domains">
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Right</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {score.domains.map((domain) => (
              <tr key={domain.group} data-domain={domain.group} data-verdict={domain.verdict}>
                <th scope="row">{groupTitle(domain.group)}</th>
                <td>
                  {domain.correct} of {domain.total} ({domain.percent}%)
                </td>
                <td>{domain.verdict === "meets" ? "Meets" : "Needs improvement"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {missed > 0 ? <RetakeButton sessionId={session.id} missed={missed} /> : null}
      <section aria-labelledby="questions">
        <h2 id="questions">Every question</h2>
        <ReportFilter counts={counts}>
          {score.items.map((item, index) => {
            const question = questions.get(item.questionId);
            if (question === undefined) return null;
            const solution = solutionOf(question);
            const text = (ids: readonly string[] | null) =>
              ids === null || ids.length === 0
                ? "not answered"
                : ids.map((id) => question.options.find((o) => o.id === id)?.text ?? id).join("; ");
            return (
              <li
                key={item.questionId}
                className="card exam-item"
                data-item={index + 1}
                data-correct={String(item.correct)}
                data-status={statusOf(item)}
                data-flagged={String(item.flagged)}
              >
                <p className={item.correct ? "verdict ok" : "verdict bad"}>
                  {index + 1}. {STATUS_TEXT[statusOf(item)]}
                  {item.flagged ? " · flagged" : ""}
                  {item.timeMs !== undefined ? (
                    <span className="item-time" data-testid="item-time" data-ms={item.timeMs}>
                      {" "}
                      · {minutesAndSeconds(item.timeMs)} on this question
                    </span>
                  ) : null}
                </p>
                {/* uxr6 finding 7: 20 questions with every detail open made a 50,643 px phone page. A right
                    answer's detail starts collapsed; wrong and skipped ones, the ones to study, stay open. */}
                <details className="exam-item-detail" open={!item.correct} data-testid="exam-item-detail">
                  <summary>
                    {item.correct ? "Show the question and why" : "The question, your answer and why"}
                  </summary>
                  <QuestionBody question={toClientQuestion(question)} highlight />
                  <p>
                    <strong>Your answer:</strong> <span data-testid="your-answer">{text(item.response)}</span>
                  </p>
                  <p>
                    <strong>Key:</strong> <span data-testid="key">{text(item.key)}</span>
                  </p>
                  <SolutionView solution={solution} />
                </details>
                {item.response !== null && question.topology ? (
                  <OpenInLab
                    questionId={sealQuestionId(item.questionId, {
                      kind: "exam",
                      sessionId: session.id,
                      learnerId: learner.id,
                    })}
                    from={`exam:${session.id}`}
                  />
                ) : null}
              </li>
            );
          })}
        </ReportFilter>
      </section>
      <p>
        <Link href="/exam">Start another exam</Link> · <Link href="/progress">See your progress</Link>
      </p>
    </>
  );
}
