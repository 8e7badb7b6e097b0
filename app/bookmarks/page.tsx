import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { SolutionView } from "@/app/components/solution-view";
import { viewingLearner } from "@/app/current-learner";
import { QuestionBody } from "@/app/practice/question-body";
import { sealQuestionId } from "@/app/security/question-token";
import { answeredQuestionIds, listBookmarks } from "@/lib/db/bookmarks";
import { db } from "@/lib/db/client";
import { solutionOf } from "@/lib/grading/outcome";
import { toClientQuestion } from "@/lib/grading/redact";
import { questionFromId } from "@/lib/scenario/generate";
import { formatQuestionId, isDifficulty } from "@/lib/scenario/question";
import { TryItForm } from "@/app/components/try-it-form";
import { examSessionOf, runningExamIds } from "./bookmark-service";
import { RemoveBookmark } from "./remove-bookmark";
import { formatDate, machineDateTime } from "@/app/format-date";

export const metadata: Metadata = { title: "Bookmarks" };
export const dynamic = "force-dynamic";

const whereText = (context: string) => (context.startsWith("exam:") ? "a mock exam" : "practice");

/**
 * Every bookmarked question, from every session. The explanation shows only for a question already answered:
 * a question bookmarked during a running exam must not reveal its key here.
 */
export default async function Page() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const bookmarks = await listBookmarks(db(), learner.id);
  const running = await runningExamIds(learner.id, bookmarks);
  const examRunning = (context: string) => running.has(examSessionOf(context) ?? "");
  const answered = await answeredQuestionIds(
    db(),
    learner.id,
    bookmarks.map((bookmark) => bookmark.questionId),
  );
  return (
    <>
      <h1>Bookmarks</h1>
      <p className="lede">
        Questions you bookmarked in practice or a mock exam, newest first. Use the bookmark button under a
        question to add one.
      </p>
      {bookmarks.length === 0 ? (
        <p data-testid="no-bookmarks">
          No bookmarks yet. <Link href="/practice">Practise</Link> or take a{" "}
          <Link href="/exam">mock exam</Link> and bookmark the questions you want to come back to.
        </p>
      ) : (
        <ol className="bookmark-list" data-testid="bookmarks">
          {bookmarks.map((bookmark, index) => {
            const id = isDifficulty(bookmark.difficulty)
              ? formatQuestionId(bookmark.family, bookmark.seed, bookmark.difficulty)
              : bookmark.questionId;
            const generated = questionFromId(id);
            if (!generated.ok) return null;
            const question = generated.question;
            const shownId = sealQuestionId(question.id, { kind: "bookmark", learnerId: learner.id });
            const label = `question ${index + 1}`;
            // Redacted: no key, no explanation (app/api/answers grades the answer).
            const client = { ...toClientQuestion(question), id: shownId };
            return (
              <li key={bookmark.questionId} className="card" data-question-id={shownId}>
                <p className="bookmark-meta">
                  Bookmarked in {whereText(bookmark.context)} on{" "}
                  <time dateTime={machineDateTime(bookmark.createdAt)}>{formatDate(bookmark.createdAt)}</time>
                </p>
                <QuestionBody question={client} />
                {answered.has(question.id) ? (
                  <details>
                    <summary>Show the answer and why</summary>
                    <SolutionView solution={solutionOf(question)} />
                  </details>
                ) : examRunning(bookmark.context) ? (
                  <p data-testid="bookmark-in-exam">
                    This question is in your running mock exam, so its explanation stays hidden.{" "}
                    <Link href={`/exam/${examSessionOf(bookmark.context) ?? ""}`}>Answer it in the exam</Link>
                    ; once you submit, you can answer it here too.
                  </p>
                ) : (
                  <div data-testid="bookmark-answer">
                    <p>Not answered yet: answer it here to see whether you are right and why.</p>
                    <TryItForm
                      question={{
                        id: client.id,
                        options: client.options,
                        ...(client.multiSelect ? { multiSelect: true } : {}),
                      }}
                      context={{ kind: "bookmark" }}
                    />
                  </div>
                )}
                <RemoveBookmark questionId={shownId} label={label} />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
