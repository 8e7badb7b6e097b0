import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { examDomainShares } from "@/lib/practice/exam-questions";

const groupTitle = (id: string) => CONCEPT_GROUPS.find((group) => group.id === id)?.title ?? id;

/** How the mock exam is built and scored, in the manner of an exam guide: length, time, pass mark, domains. */
export function ExamGuide({
  questionCount,
  durationMs,
  passPercent,
}: {
  questionCount: number;
  durationMs: number;
  passPercent: number;
}) {
  const shares = examDomainShares(questionCount);
  return (
    <section aria-labelledby="exam-guide" data-testid="exam-guide">
      <h2 id="exam-guide">Exam guide</h2>
      <ul>
        <li>
          {questionCount} questions in {Math.round(durationMs / 60_000)} minutes by default (you may change
          both above). Single-answer and &ldquo;(Choose two.)&rdquo; questions; a multiple-response question
          scores only when every chosen option is right and none is missing.
        </li>
        <li>
          <strong>Pass mark: {passPercent}%</strong> of the questions right. Unanswered questions score as
          wrong; there is no penalty for guessing.
        </li>
        <li>
          Each domain is reported as &ldquo;Meets&rdquo; when at least {passPercent}% of its questions are
          right, otherwise &ldquo;Needs improvement&rdquo;. Each question counts in one domain.
        </li>
        <li>The report shows the time you spent on each question, measured by the server.</li>
      </ul>
      <table className="score-table" data-testid="domain-weights">
        <caption>Domain weights for a {questionCount}-question exam</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Share of the exam</th>
            <th scope="col">Questions</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share) => (
            <tr key={share.group} data-domain={share.group}>
              <th scope="row">{groupTitle(share.group)}</th>
              <td>{share.percent}%</td>
              <td>{share.fewest === share.most ? share.fewest : `${share.fewest} or ${share.most}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
