import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { ExamConfigSchema, ExamScoreSchema } from "@/app/exam/schema";
import { CONCEPT_GROUPS, CONCEPTS } from "@/lib/content/concepts";
import { listGradedAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { listGradedReviews } from "@/lib/db/srs";
import { listFinishedSessions, type StoredSession } from "@/lib/db/sessions";
import { gradedAnswers } from "@/lib/practice/graded-answers";
import { computeMastery, type ConceptMastery } from "@/lib/practice/mastery";
import { DEFAULT_CATALOG } from "@/lib/practice/catalog";
import { domainReadiness, READINESS_WINDOW, type ReadinessVerdict } from "@/lib/practice/readiness";
import { serverEnv } from "@/app/server-env";
import { questionFromId } from "@/lib/scenario/generate";
import { formatDateTime } from "@/app/format-date";

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

const READINESS_TEXT: Record<ReadinessVerdict, string> = {
  "likely-ready": "Likely ready",
  "not-yet": "Not yet",
  uncertain: "Unclear: answer more",
  "no-data": "No answers yet",
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

function historyLine(session: StoredSession): { href: string; text: string } {
  const when = formatDateTime(session.finishedAt ?? session.updatedAt);
  if (session.kind === "exam") {
    const score = ExamScoreSchema.safeParse(session.result);
    const config = ExamConfigSchema.safeParse(session.config);
    // A retake of the missed questions is practice on them, not a mock exam that can be passed.
    if (config.success && config.data.retakeOf !== null) {
      const detail = score.success ? `${score.data.correct}/${score.data.total} right` : "no result";
      return { href: `/exam/${session.id}`, text: `${when} · Retake of missed questions · ${detail}` };
    }
    const detail = score.success
      ? `${score.data.correct}/${score.data.total} (${score.data.percent}%), ${score.data.passed ? "pass" : "fail"}`
      : "no result";
    return { href: `/exam/${session.id}`, text: `${when} · Mock exam · ${detail}` };
  }
  const result = PracticeResultSchema.safeParse(session.result);
  const detail = result.success
    ? `${result.data.summary.correct}/${result.data.summary.graded} right`
    : "no result";
  return { href: `/practice/${session.id}`, text: `${when} · Practice · ${detail}` };
}

/** One mastery table; concepts not started yet are listed in their own folded one under it. */
function MasteryTable({
  concepts,
  mastery,
}: {
  concepts: readonly (typeof CONCEPTS)[number][];
  mastery: ReadonlyMap<string, ConceptMastery>;
}) {
  return (
    <table className="score-table progress-table mastery-table">
      <thead>
        <tr>
          <th scope="col">Concept</th>
          <th scope="col">Answered</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        {concepts.map((concept) => {
          const entry = mastery.get(concept.id);
          return (
            <tr key={concept.id} data-concept={concept.id} data-level={entry?.level ?? "not-started"}>
              <th scope="row">
                <span className="mono">{concept.id}</span> {concept.text.replaceAll("**", "")}
              </th>
              <td>{entry ? `${entry.right} of ${entry.answered} right` : "—"}</td>
              <td className={`level level-${entry?.level ?? "not-started"}`}>
                {entry ? LEVEL_TEXT[entry.level] : "Not started"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Mastery per concept from every graded answer (lessons, practice, exams) and the history of sessions. */
export default async function Page() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const [attempts, reviews, sessions] = await Promise.all([
    listGradedAttempts(db(), learner.id, { limit: ANSWERS_READ }),
    listGradedReviews(db(), learner.id, { limit: ANSWERS_READ }),
    listFinishedSessions(db(), learner.id, { limit: 30 }),
  ]);
  // Review answers count too (a review is a graded answer to a fresh variant).
  const answers = gradedAnswers({
    attempts,
    reviews,
    regenerate: (questionId) => {
      const generated = questionFromId(questionId);
      return generated.ok ? generated.question.concepts : [];
    },
  });
  const mastery = new Map(computeMastery(answers).map((entry) => [entry.concept, entry]));
  const passPercent = serverEnv().REACHABLE_EXAM_PASS_PERCENT;
  const readiness = domainReadiness({
    answers,
    groups: CONCEPT_GROUPS.map((group) => group.id),
    groupOf: DEFAULT_CATALOG.groupOf,
    passPercent,
  });

  const started = CONCEPTS.filter((concept) => mastery.has(concept.id)).length;

  return (
    <>
      <h1>Your progress</h1>
      {/* Plain words first; how the numbers are worked out is one click away (uxr4 N7). */}
      <p className="lede">
        How ready you are for the exam in each domain, and how far you are with each concept. The ranges
        narrow as you answer more questions.
      </p>
      <details className="progress-method" data-testid="progress-method">
        <summary>How is this worked out?</summary>
        <p>
          Your answers everywhere count: lessons, practice, exams and reviews. Each question counts once, at
          its first answer. A concept is mastered after at least three different questions, four of the last
          five right, and right answers on at least two different days.
        </p>
        <p>
          A domain&apos;s estimate is the share of questions you would get right, from your first answer to
          each of the last {READINESS_WINDOW} different questions in it, with a 95% Wilson score interval: the
          range the true share most likely lies in. Few answers give a wide range. Ready means the whole range
          is at or above the pass mark ({passPercent}%); not yet means it is all below.
        </p>
      </details>
      <section aria-labelledby="readiness">
        <h2 id="readiness">Exam readiness by domain</h2>
        <table className="score-table progress-table" data-testid="readiness">
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Right</th>
              <th scope="col">Estimate (likely range)</th>
              <th scope="col">Readiness</th>
            </tr>
          </thead>
          <tbody>
            {readiness.map((entry) => (
              <tr key={entry.group} data-domain={entry.group} data-verdict={entry.verdict}>
                <th scope="row">{CONCEPT_GROUPS.find((group) => group.id === entry.group)?.title}</th>
                <td>{entry.answered === 0 ? "—" : `${entry.right} of ${entry.answered}`}</td>
                <td>
                  {entry.answered === 0 ? (
                    "—"
                  ) : (
                    <>
                      {percent(entry.estimate)} ({percent(entry.low)}–{percent(entry.high)})
                      <span className="interval-bar" aria-hidden="true">
                        <span
                          className="interval-range"
                          style={{ left: percent(entry.low), width: percent(entry.high - entry.low) }}
                        />
                        <span className="interval-pass" style={{ left: `${passPercent}%` }} />
                      </span>
                    </>
                  )}
                </td>
                <td>{READINESS_TEXT[entry.verdict]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {started === 0 ? (
        <p className="progress-empty" data-testid="progress-empty">
          You have not answered a question yet, so all {CONCEPTS.length} concepts below are not started; each
          domain lists them folded. Start with <Link href="/lessons">a lesson</Link> or{" "}
          <Link href="/practice">practice</Link>, and they fill in as you answer.
        </p>
      ) : null}
      {CONCEPT_GROUPS.map((group) => {
        const concepts = CONCEPTS.filter((concept) => concept.group === group.id);
        const touched = concepts.filter((concept) => mastery.has(concept.id));
        const untouched = concepts.filter((concept) => !mastery.has(concept.id));
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`}>{group.title}</h2>
            {touched.length > 0 ? <MasteryTable concepts={touched} mastery={mastery} /> : null}
            {untouched.length > 0 ? (
              <details className="untouched-concepts" data-testid="untouched" data-group={group.id}>
                <summary>
                  {untouched.length === concepts.length
                    ? `${untouched.length} concepts, none started yet`
                    : `${untouched.length} more ${untouched.length === 1 ? "concept" : "concepts"} not started yet`}
                </summary>
                <MasteryTable concepts={untouched} mastery={mastery} />
              </details>
            ) : null}
          </section>
        );
      })}
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
