import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import { serverNow } from "@/app/clock";
import { gameQuestions } from "../../classroom-game";
import { QuestionPreview } from "../../question-preview";
import { classroomIdentity } from "../../identity";
import { joinCodeSchema } from "../../schema";
import { titleUnlessMissing } from "@/app/not-found-title";
import { db } from "@/lib/db/client";
import { findClassroomGame } from "@/lib/db/classroom";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = joinCodeSchema.safeParse((await params).code);
  const game = code.success ? await findClassroomGame(db(), code.data) : null;
  return titleUnlessMissing(game !== null, "Preview of the game's questions");
}
export const dynamic = "force-dynamic";

/**
 * Every question of a game with its key, for its teacher before (or during) the game. A page of its own, not a
 * panel of the lobby, so the keys stay on the teacher's screen while the lobby is on the projector.
 */
export default async function ClassroomPreviewPage({ params }: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const who = await classroomIdentity(serverNow(), "read");
  const questions = await gameQuestions(who, code.data);
  if (!questions.ok) {
    if (questions.status === 404) notFound();
    return (
      <RefusedPage
        title="These questions are for the teacher"
        error={questions.error}
        links={[
          { href: `/classroom/join?code=${code.data}`, label: `Join game ${code.data}` },
          { href: "/account", label: "Sign in" },
          { href: "/classroom", label: "Classroom" },
        ]}
      />
    );
  }
  return (
    <>
      <h1>Questions of game {code.data}</h1>
      <p>
        Only you see this page: the {questions.value.length} questions in the order they will be asked, each
        with its key. Keep it off the projector.{" "}
        <Link href={`/classroom/${code.data}`}>Back to the game</Link>
      </p>
      <QuestionPreview questions={questions.value} />
    </>
  );
}
