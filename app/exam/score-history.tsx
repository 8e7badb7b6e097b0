import Link from "next/link";
import { db } from "@/lib/db/client";
import { listFinishedSessions } from "@/lib/db/sessions";
import { examScoreHistory, type FinishedExam } from "@/lib/practice/exam-history";
import { ExamConfigSchema, ExamScoreSchema } from "./schema";
import { ScoreHistoryChart } from "./score-history-chart";
import { formatDateTime } from "@/app/format-date";

/** Mock exams read for the chart: enough to show a trend without an unbounded read. */
const EXAMS_READ = 50;

/** The learner's mock-exam scores across attempts: a chart and the same numbers as a table. */
export async function ScoreHistory({ learnerId, passPercent }: { learnerId: string; passPercent: number }) {
  const sessions = await listFinishedSessions(db(), learnerId, { kind: "exam", limit: EXAMS_READ });
  const exams = sessions.flatMap((session): FinishedExam[] => {
    const score = ExamScoreSchema.safeParse(session.result);
    const config = ExamConfigSchema.safeParse(session.config);
    if (!score.success) return [];
    return [
      {
        sessionId: session.id,
        finishedAt: (session.finishedAt ?? session.updatedAt).getTime(),
        isRetake: config.success && config.data.retakeOf !== null,
        percent: score.data.percent,
        correct: score.data.correct,
        total: score.data.total,
        passed: score.data.passed,
      },
    ];
  });
  const history = examScoreHistory(exams);
  return (
    <section aria-labelledby="score-history">
      <h2 id="score-history">Your scores</h2>
      {history.length === 0 ? (
        <p>No mock exam finished yet: your scores will be charted here.</p>
      ) : (
        <>
          <ScoreHistoryChart
            points={history.map((point) => ({ attempt: point.attempt, percent: point.percent }))}
            passPercent={passPercent}
          />
          <table className="score-table" data-testid="score-history">
            <caption>Score of each mock exam, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Exam</th>
                <th scope="col">Finished</th>
                <th scope="col">Score</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {history.map((point) => (
                <tr key={point.sessionId}>
                  <th scope="row">
                    <Link href={`/exam/${point.sessionId}`}>#{point.attempt}</Link>
                  </th>
                  <td>{formatDateTime(point.finishedAt)}</td>
                  <td>
                    {point.correct} of {point.total} ({point.percent}%)
                  </td>
                  <td>{point.passed ? "Pass" : "Fail"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
