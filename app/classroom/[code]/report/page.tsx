import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import { serverNow } from "@/app/clock";
import { reportGame } from "../../classroom-game";
import { ReportDownloads, ReportTables } from "../../report-view";
import { classroomIdentity } from "../../identity";
import { joinCodeSchema } from "../../schema";
import { titleUnlessMissing } from "@/app/not-found-title";
import { db } from "@/lib/db/client";
import { findClassroomGame } from "@/lib/db/classroom";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = joinCodeSchema.safeParse((await params).code);
  const game = code.success ? await findClassroomGame(db(), code.data) : null;
  return titleUnlessMissing(game !== null, "Game report");
}
export const dynamic = "force-dynamic";

/** After a game, for its teacher: how the room did on each question, and each player on each concept. */
export default async function ClassroomReportPage({ params }: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const who = await classroomIdentity(serverNow(), "read");
  const report = await reportGame(who, code.data);
  if (!report.ok) {
    if (report.status === 404) notFound();
    return (
      <RefusedPage
        title="This report is for the teacher"
        error={report.error}
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
      <h1>Report of game {code.data}</h1>
      <p>
        <ReportDownloads base={`/classroom/api/${code.data}`} /> ·{" "}
        <Link href={`/classroom/${code.data}`}>Back to the game</Link>
      </p>
      <ReportTables report={report.value} />
    </>
  );
}
