import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { reportGame } from "../../classroom-game";
import { joinCodeSchema } from "../../schema";

export const metadata: Metadata = { title: "Game report" };
export const dynamic = "force-dynamic";

const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`;

/** After a game, for its teacher: how the room did on each question, and each player on each concept. */
export default async function ClassroomReportPage({ params }: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const learner = await viewingLearner(serverNow());
  const report = await reportGame(learner.id, code.data);
  if (!report.ok) {
    if (report.status === 404) notFound();
    return (
      <p className="error" role="alert">
        {report.error}
      </p>
    );
  }
  const { questions, players } = report.value;
  return (
    <>
      <h1>Report of game {code.data}</h1>
      <p>
        <a href={`/classroom/api/${code.data}/report`} download data-testid="report-csv">
          Download as CSV
        </a>{" "}
        · Questions with keys for an LMS:{" "}
        <a href={`/classroom/api/${code.data}/export?format=gift`} download data-testid="export-gift">
          Moodle GIFT
        </a>
        ,{" "}
        <a
          href={`/classroom/api/${code.data}/export?format=moodle-xml`}
          download
          data-testid="export-moodle-xml"
        >
          Moodle XML
        </a>
        ,{" "}
        <a href={`/classroom/api/${code.data}/export?format=qti`} download data-testid="export-qti">
          QTI 2.1 package (Canvas, Blackboard)
        </a>{" "}
        · <Link href={`/classroom/${code.data}`}>Back to the game</Link>
      </p>
      <h2>Questions</h2>
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
      <h2>Players</h2>
      <table className="classroom-report" data-testid="report-players">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Player</th>
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
    </>
  );
}
