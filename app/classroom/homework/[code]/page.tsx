import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import QRCode from "qrcode";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { findAccountByLearner } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { QuestionBody } from "@/app/practice/question-body";
import { ReportDownloads } from "../../report-view";
import { viewHomework, type HomeworkStudentView, type HomeworkTeacherView } from "../homework-service";
import { homeworkCodeSchema } from "../schema";
import { HomeworkJoinForm } from "./homework-join-form";
import { HomeworkQuestion } from "./homework-question";
import { HomeworkVerdict } from "./homework-verdict";
import { titleUnlessMissing } from "@/app/not-found-title";
import { findHomework } from "@/lib/db/homework";
import { LocalDateTime } from "@/app/classroom/local-date-time";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = homeworkCodeSchema.safeParse((await params).code);
  const homework = code.success ? await findHomework(db(), code.data) : null;
  return titleUnlessMissing(homework !== null, "Homework");
}
export const dynamic = "force-dynamic";

function Due({ dueAt, open }: { dueAt: Date; open: boolean }) {
  return (
    <p data-testid="homework-due">
      {open ? "Due " : "Was due "}
      <LocalDateTime at={dueAt} />
      {open ? "" : " — closed"}
    </p>
  );
}

async function TeacherView({ view, link }: { view: HomeworkTeacherView; link: string }) {
  const { homework } = view;
  const qr = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <>
      <h1>Homework {homework.code}</h1>
      <Due dueAt={homework.dueAt} open={view.open} />
      <p>
        Give your students this link; each answers the {homework.questionIds.length} questions at their own
        pace until the due date. The key of a question shows to a student only after they answered it.
      </p>
      <p className="classroom-link">
        <a href={link} data-testid="homework-link">
          {link}
        </a>
      </p>
      <div
        className="classroom-qr"
        data-testid="homework-qr"
        role="img"
        aria-label="QR code of the assignment link"
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <p data-testid="homework-progress">
        {view.students} {view.students === 1 ? "student has" : "students have"} started; {view.answers}{" "}
        {view.answers === 1 ? "answer" : "answers"} so far.
      </p>
      <ul>
        <li>
          <Link href={`/classroom/homework/${homework.code}/preview`} data-testid="homework-preview">
            Preview the questions and their keys
          </Link>
        </li>
        <li>
          <Link href={`/classroom/homework/${homework.code}/report`} data-testid="homework-report">
            Report (per question, per student, by concept)
          </Link>
        </li>
        <li>
          <ReportDownloads base={`/classroom/homework/api/${homework.code}`} />
        </li>
      </ul>
    </>
  );
}

/**
 * How to carry on elsewhere. Answers belong to the learner: signed in, that is the account on every device;
 * anonymous, this browser, until signing in moves them into an account.
 */
function ContinueElsewhere({ username }: { username: string | null }) {
  return username === null ? (
    <p data-testid="homework-continue">
      Your answers are kept in this browser. To continue on another device,{" "}
      <Link href="/account">sign in or create an account</Link> here first: your answers so far move into it,
      and signing in on the other device brings them along.
    </p>
  ) : (
    <p data-testid="homework-continue">
      Signed in as {username}: continue on any device where you sign in; questions you answered stay answered.
    </p>
  );
}

function StudentView({ view, username }: { view: HomeworkStudentView; username: string | null }) {
  const right = view.answered.filter((answer) => answer.correct).length;
  const heading = (
    <>
      <h1>Homework {view.code}</h1>
      <Due dueAt={view.dueAt} open={view.open} />
    </>
  );
  if (view.displayName === null) {
    if (!view.open)
      return (
        <>
          {heading}
          <p className="error" role="alert" data-testid="homework-closed">
            This assignment was due <LocalDateTime at={view.dueAt} />; it no longer takes answers.
          </p>
        </>
      );
    return (
      <>
        {heading}
        <p>
          {view.questionCount} questions, at your own pace. Give the name your teacher knows you by; you can
          stop and come back until the due date.
        </p>
        <ContinueElsewhere username={username} />
        <HomeworkJoinForm code={view.code} />
      </>
    );
  }
  const next = view.next;
  return (
    <>
      {heading}
      {next !== null ? (
        <HomeworkQuestion
          key={next.question.id}
          code={view.code}
          questionIndex={next.index}
          questionId={next.question.id}
          stem={next.question.stem}
          options={next.question.options}
          multiSelect={next.question.multiSelect === true}
          displayName={view.displayName}
          questionCount={view.questionCount}
          progress={{ answered: view.answered.length, right }}
          intro={<ContinueElsewhere username={username} />}
        >
          <QuestionBody question={next.question} exhibitHeadingLevel={2} />
        </HomeworkQuestion>
      ) : (
        <>
          <p data-testid="homework-student">
            Answering as {view.displayName}: {view.answered.length} of {view.questionCount} answered, {right}{" "}
            right.
          </p>
          {view.open ? (
            <p data-testid="homework-done">
              All done: {right} of {view.questionCount} right. Your teacher sees your results.
            </p>
          ) : (
            <p className="error" role="alert" data-testid="homework-closed">
              This assignment was due <LocalDateTime at={view.dueAt} />; it no longer takes answers.
            </p>
          )}
          {view.answered.length > 0 ? (
            <section aria-labelledby="your-answers" data-testid="homework-your-answers">
              <h2 id="your-answers">Your answers</h2>
              <ol>
                {view.answered.map((feedback) => (
                  <li key={feedback.questionIndex} value={feedback.questionIndex + 1}>
                    <HomeworkVerdict feedback={feedback} />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

/** An assignment link: its teacher's overview, or a student's name, next question and results. */
export default async function HomeworkPage({ params }: { params: Promise<{ code: string }> }) {
  const code = homeworkCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const now = serverNow();
  const learner = await viewingLearner(now);
  const outcome = await viewHomework(learner.id, code.data, now);
  if (!outcome.ok) {
    if (outcome.status === 404) notFound();
    return (
      <RefusedPage
        title={`Homework ${code.data}`}
        error={outcome.error}
        links={[{ href: "/classroom", label: "Classroom" }]}
      />
    );
  }
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const view = outcome.value;
  return view.role === "teacher" ? (
    <TeacherView view={view} link={`${protocol}://${host}/classroom/homework/${code.data}`} />
  ) : (
    <StudentView view={view} username={(await findAccountByLearner(db(), learner.id))?.username ?? null} />
  );
}
