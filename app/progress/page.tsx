import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { ExamScoreSchema } from "@/app/exam/schema";
import { CONCEPT_GROUPS, CONCEPTS } from "@/lib/content/concepts";
import { listAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { listFinishedSessions, type StoredSession } from "@/lib/db/sessions";
import { computeMastery, type ConceptMastery } from "@/lib/practice/mastery";
import { questionFromId } from "@/lib/scenario/generate";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

/** How many recent answers the mastery table reads: enough for every concept's recent window. */
const ANSWERS_READ = 1000;

const PracticeResultSchema = z.object({ summary: z.object({ graded: z.number(), correct: z.number() }) });

const LEVEL_TEXT: Record<ConceptMastery["level"], string> = {
  mastered: "Mastered",
  learning: "Learning",
  struggling: "Needs work",
};

function historyLine(session: StoredSession): { href: string; text: string } {
  const when = (session.finishedAt ?? session.updatedAt).toISOString().slice(0, 16).replace("T", " ");
  if (session.kind === "exam") {
    const score = ExamScoreSchema.safeParse(session.result);
    const detail = score.success
      ? `${score.data.correct}/${score.data.total} (${score.data.percent}%), ${score.data.passed ? "pass" : "fail"}`
      : "no result";
    return { href: `/exam/${session.id}`, text: `${when} UTC · Mock exam · ${detail}` };
  }
  const result = PracticeResultSchema.safeParse(session.result);
  const detail = result.success
    ? `${result.data.summary.correct}/${result.data.summary.graded} right`
    : "no result";
  return { href: `/practice/${session.id}`, text: `${when} UTC · Practice · ${detail}` };
}

/** Mastery per concept from every graded answer (lessons, practice, exams) and the history of sessions. */
export default async function Page() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const [attempts, sessions] = await Promise.all([
    listAttempts(db(), learner.id, { limit: ANSWERS_READ }),
    listFinishedSessions(db(), learner.id, { limit: 30 }),
  ]);
  const conceptsById = new Map<string, readonly string[]>();
  const answers = attempts.map((attempt) => {
    let concepts = conceptsById.get(attempt.questionId);
    if (concepts === undefined) {
      const generated = questionFromId(attempt.questionId);
      concepts = generated.ok ? generated.question.concepts : [];
      conceptsById.set(attempt.questionId, concepts);
    }
    return { concepts, correct: attempt.correct, answeredAt: attempt.answeredAt.getTime() };
  });
  const mastery = new Map(computeMastery(answers).map((entry) => [entry.concept, entry]));

  return (
    <>
      <h1>Your progress</h1>
      <p className="lede">
        Mastery per concept from your last answers everywhere: lessons, practice and exams. Mastered means at
        least three answers and four of the last five right.
      </p>
      {CONCEPT_GROUPS.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.title}</h2>
          <table className="score-table mastery-table">
            <thead>
              <tr>
                <th scope="col">Concept</th>
                <th scope="col">Answered</th>
                <th scope="col">Level</th>
              </tr>
            </thead>
            <tbody>
              {CONCEPTS.filter((concept) => concept.group === group.id).map((concept) => {
                const entry = mastery.get(concept.id);
                return (
                  <tr key={concept.id} data-concept={concept.id} data-level={entry?.level ?? "not-started"}>
                    <th scope="row">
                      <span className="mono">{concept.id}</span> {concept.text.replaceAll("**", "")}
                    </th>
                    <td>{entry ? `${entry.right}/${entry.answered} right` : "—"}</td>
                    <td className={`level level-${entry?.level ?? "not-started"}`}>
                      {entry ? LEVEL_TEXT[entry.level] : "Not started"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        {sessions.length === 0 ? (
          <p>
            No finished sessions yet. <Link href="/practice">Practise</Link> or take a{" "}
            <Link href="/exam">mock exam</Link>.
          </p>
        ) : (
          <ul className="history" data-testid="history">
            {sessions.map((session) => {
              const line = historyLine(session);
              return (
                <li key={session.id} data-kind={session.kind}>
                  <Link href={line.href}>{line.text}</Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
