import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefusedPage } from "@/app/classroom/refused-page";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { ReportDownloads, ReportTables } from "../../../report-view";
import { reportHomework } from "../../homework-service";
import { homeworkCodeSchema } from "../../schema";
import { titleUnlessMissing } from "@/app/not-found-title";
import { db } from "@/lib/db/client";
import { findHomework } from "@/lib/db/homework";
import { LocalDateTime } from "@/app/classroom/local-date-time";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const code = homeworkCodeSchema.safeParse((await params).code);
  const homework = code.success ? await findHomework(db(), code.data) : null;
  return titleUnlessMissing(homework !== null, "Homework report");
}
export const dynamic = "force-dynamic";

/** The assignment's report, in the live game's report: per question, per student with concepts, CSV. */
export default async function HomeworkReportPage({ params }: { params: Promise<{ code: string }> }) {
  const code = homeworkCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const now = serverNow();
  const learner = await viewingLearner(now);
  const outcome = await reportHomework(learner.id, code.data);
  if (!outcome.ok) {
    if (outcome.status === 404) notFound();
    // Not the teacher (uxr5 finding 6: a bare "code: only the teacher…" line): say what happened, where to go.
    return (
      <RefusedPage
        title="This report is for the teacher"
        error={outcome.error}
        links={[
          { href: `/classroom/homework/${code.data}`, label: `Answer homework ${code.data}` },
          { href: "/account", label: "Sign in" },
          { href: "/classroom", label: "Classroom" },
        ]}
      />
    );
  }
  const { report, homework } = outcome.value;
  return (
    <>
      <h1>Report of homework {code.data}</h1>
      <p>
        {homework.dueAt.getTime() > now.getTime() ? "Due " : "Was due "}
        <LocalDateTime at={homework.dueAt} />. Points are for accuracy only (self-paced, so speed does not
        count).
      </p>
      <p>
        <ReportDownloads base={`/classroom/homework/api/${code.data}`} /> ·{" "}
        <Link href={`/classroom/homework/${code.data}`}>Back to the assignment</Link>
      </p>
      <ReportTables report={report} who="Student" />
    </>
  );
}
