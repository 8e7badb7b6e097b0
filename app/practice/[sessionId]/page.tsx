import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { findConcept } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { findSession } from "@/lib/db/sessions";
import { lessonLinksFor } from "@/lib/content/lesson-links";
import { loadCourse } from "@/app/lessons/course";
import { sessionPageMetadata } from "@/app/session-metadata";

export function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  return sessionPageMetadata(params, "practice", "Practice summary");
}
export const dynamic = "force-dynamic";

/** The statement of a concept without the markdown emphasis the checklist uses for drift. */
const conceptText = (id: string) => (findConcept(id)?.text ?? "").replaceAll("**", "");

const SummarySchema = z.object({
  summary: z.object({
    graded: z.number(),
    correct: z.number(),
    byConcept: z.array(z.object({ concept: z.string(), right: z.number(), wrong: z.number() })),
    toReview: z.array(z.string()),
  }),
  startedAt: z.number(),
  finishedAt: z.number(),
});

/** The end of a practice session: score by concept, what to review, and where each concept is taught. */
export default async function Page({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const now = serverNow();
  const learner = await viewingLearner(now);
  const session = await findSession(db(), learner.id, sessionId);
  if (session === null || session.kind !== "practice") notFound();
  const parsed = SummarySchema.safeParse(session.result);
  if (!parsed.success) {
    return (
      <>
        <h1>Practice summary</h1>
        <p className="notice">This session is not finished yet.</p>
        <Link href="/practice">Back to practice</Link>
      </>
    );
  }
  const { summary } = parsed.data;
  return (
    <>
      <h1>Practice summary</h1>
      <p className="lede" data-testid="practice-score">
        {summary.correct} right of {summary.graded} answered.
      </p>
      {summary.graded === 0 ? (
        // Finished before any answer: no empty table, no "nothing missed".
        <p data-testid="nothing-answered">You didn&apos;t answer any questions in this session.</p>
      ) : (
        <>
          <section aria-labelledby="by-concept">
            <h2 id="by-concept">By concept</h2>
            <table className="score-table" data-testid="by-concept">
              <thead>
                <tr>
                  <th scope="col">Concept</th>
                  <th scope="col">Right</th>
                  <th scope="col">Wrong</th>
                </tr>
              </thead>
              <tbody>
                {summary.byConcept.map((score) => (
                  <tr key={score.concept} data-concept={score.concept}>
                    <th scope="row">
                      <span className="mono">{score.concept}</span> {conceptText(score.concept)}
                    </th>
                    <td>{score.right}</td>
                    <td>{score.wrong}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="to-review">
            <h2 id="to-review">What to review</h2>
            {summary.toReview.length === 0 ? (
              <p>Nothing missed in this session.</p>
            ) : (
              <ul className="review-list" data-testid="to-review">
                {summary.toReview.map((concept) => (
                  <li key={concept}>
                    <span className="mono">{concept}</span> {conceptText(concept)}
                    <ul>
                      {lessonLinksFor(loadCourse(), concept).map((link) => (
                        <li key={link.href}>
                          <Link href={link.href}>{link.title}</Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <p>
        <Link className="button" href="/practice">
          Practise again
        </Link>{" "}
        <Link href="/progress">See your progress</Link>
      </p>
    </>
  );
}
