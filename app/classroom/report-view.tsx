import type { GameReport } from "@/lib/classroom/game-report";

// The report of a quiz, live game or homework alike: the downloads, then how the room did on each question and
// each player on each concept. Server-rendered for the teacher only (it carries the keys).

const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`;

/** `base` is the quiz's API path (/classroom/api/<code> or /classroom/homework/api/<code>). */
export function ReportDownloads({ base }: { base: string }) {
  return (
    <>
      <a href={`${base}/report`} download data-testid="report-csv">
        Download as CSV
      </a>{" "}
      · Questions with keys for an LMS:{" "}
      <a href={`${base}/export?format=gift`} download data-testid="export-gift">
        Moodle GIFT
      </a>
      ,{" "}
      <a href={`${base}/export?format=moodle-xml`} download data-testid="export-moodle-xml">
        Moodle XML
      </a>
      ,{" "}
      <a href={`${base}/export?format=qti`} download data-testid="export-qti">
        QTI 2.1 package (Canvas, Blackboard)
      </a>
    </>
  );
}

export function ReportTables({ report, who = "Player" }: { report: GameReport; who?: string }) {
  const { questions, players } = report;
  return (
    <>
      <h2>Questions</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Questions of the report">
        <table className="classroom-report" data-testid="report-questions">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Concepts</th>
              <th scope="col">Answered</th>
              <th scope="col">Right</th>
              <th scope="col">Chosen (✓ the key)</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <tr key={question.number}>
                <td>{question.number}</td>
                <td>{question.concepts.join(", ")}</td>
                <td>
                  {question.answered} of {question.players}
                </td>
                <td>{percent(question.correct, question.answered)}</td>
                <td>
                  <ul className="report-options">
                    {question.options.map((option) => (
                      <li
                        key={option.optionId}
                        data-option-id={option.optionId}
                        data-count={option.chosen}
                        title={option.text}
                      >
                        {option.optionId.toUpperCase()}
                        {option.correct ? " ✓" : ""}: {option.chosen}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{who}s</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${who}s of the report`}>
        <table className="classroom-report" data-testid="report-players">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">{who}</th>
              <th scope="col">Points</th>
              <th scope="col">Right</th>
              <th scope="col">By concept</th>
            </tr>
          </thead>
          <tbody>
            {players.map((player) => (
              <tr key={player.displayName}>
                <td>{player.rank}</td>
                <td>{player.displayName}</td>
                <td>{player.points}</td>
                <td>
                  {player.correct} of {player.answered}
                </td>
                <td>
                  {player.concepts
                    .map((tally) => `${tally.concept} ${tally.correct}/${tally.answered}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
