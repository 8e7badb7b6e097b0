import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { QuestionPreview } from "../../../question-preview";
import { homeworkQuestions } from "../../homework-service";
import { homeworkCodeSchema } from "../../schema";
import { titleUnlessMissing } from "@/app/not-found-title";
import { db } from "@/lib/db/client";
import { findHomework } from "@/lib/db/homework";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = homeworkCodeSchema.safeParse((await params).code);
  const homework = code.success ? await findHomework(db(), code.data) : null;
  return titleUnlessMissing(homework !== null, "Preview of the assignment's questions");
}
export const dynamic = "force-dynamic";

/** Every question of an assignment with its key, for the teacher who set it. */
export default async function HomeworkPreviewPage({ params }: { params: Promise<{ code: string }> }) {
  const code = homeworkCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const learner = await viewingLearner(serverNow());
  const questions = await homeworkQuestions(learner.id, code.data);
  if (!questions.ok) {
    if (questions.status === 404) notFound();
    return (
      <RefusedPage
        title="These questions are for the teacher"
        error={questions.error}
        links={[
          { href: `/classroom/homework/${code.data}`, label: `Answer homework ${code.data}` },
          { href: "/account", label: "Sign in" },
          { href: "/classroom", label: "Classroom" },
        ]}
      />
    );
  }
  return (
    <>
      <h1>Questions of homework {code.data}</h1>
      <p>
        Only you see this page: the {questions.value.length} questions in the order students get them, each
        with its key. <Link href={`/classroom/homework/${code.data}`}>Back to the assignment</Link>
      </p>
      <QuestionPreview questions={questions.value} />
    </>
  );
}
