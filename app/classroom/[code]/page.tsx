import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import QRCode from "qrcode";
import { serverNow } from "@/app/clock";
import { QuestionBody, QuestionStem } from "@/app/practice/question-body";
import { questionOf } from "@/lib/classroom/run-command";
import { toClientQuestion } from "@/lib/grading/redact";
import { viewForBrowser, viewGame } from "../classroom-game";
import { classroomIdentity } from "../identity";
import { joinCodeSchema } from "../schema";
import { ClassroomLive } from "./classroom-live";
import { titleUnlessMissing } from "@/app/not-found-title";
import { db } from "@/lib/db/client";
import { findClassroomGame } from "@/lib/db/classroom";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = joinCodeSchema.safeParse((await params).code);
  const game = code.success ? await findClassroomGame(db(), code.data) : null;
  return titleUnlessMissing(game !== null, "Live classroom");
}

/** Characters past which a stem steps down a size on the projector (still at least 22 px at 1280 px). */
const LONG_STEM = 280;
export const dynamic = "force-dynamic";

/**
 * One game, for its teacher or a player. The stem, diagram and exhibit of the current question are rendered here on
 * the server from the redacted question (the stem apart, as the live screen puts the answers right under it); the live part listens to the game's event stream and asks for a fresh render when the question changes.
 */
export default async function ClassroomGamePage({ params }: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const now = serverNow();
  const who = await classroomIdentity(now, "read");
  const outcome = await viewGame(who, code.data, now);
  if (!outcome.ok) {
    if (outcome.status === 403) redirect(`/classroom/join?code=${code.data}`);
    if (outcome.status === 404) notFound();
    return (
      <RefusedPage
        title={`Game ${code.data}`}
        error={outcome.error}
        links={[
          { href: `/classroom/join?code=${code.data}`, label: `Join game ${code.data}` },
          { href: "/account", label: "Sign in" },
          { href: "/classroom", label: "Classroom" },
        ]}
      />
    );
  }
  const view = viewForBrowser(outcome.value, who.deviceId);
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const served = outcome.value.question;
  const question =
    served && view.question ? { ...toClientQuestion(questionOf(served.id)), id: view.question.id } : null;
  const joinLink = `${protocol}://${host}/classroom/join?code=${view.joinCode}`;
  // Drawn here so the QR library never reaches a browser bundle; only the teacher's lobby shows it.
  const joinQrSvg =
    view.role === "teacher" && view.phase === "lobby"
      ? await QRCode.toString(joinLink, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
      : null;
  return (
    <ClassroomLive
      initial={view}
      renderedQuestionId={question?.id ?? null}
      networkQuestionId={question?.topology ? question.id : null}
      joinLink={joinLink}
      joinQrSvg={joinQrSvg}
      stem={
        question ? (
          <section
            className={`classroom-question-body${question.stem.length > LONG_STEM ? " classroom-stem-long" : ""}`}
            data-question-id={question.id}
          >
            <QuestionStem question={question} />
          </section>
        ) : null
      }
    >
      {question && (question.topology || question.exhibit) ? (
        <QuestionBody question={question} withStem={false} exhibitHeadingLevel={2} />
      ) : null}
    </ClassroomLive>
  );
}
