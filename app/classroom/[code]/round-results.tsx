import type { ClassroomView } from "@/lib/classroom/classroom-view";
import { RuleList, RuleText } from "@/app/components/rule-text";
import { TileMark } from "./option-tiles";

type Reveal = NonNullable<ClassroomView["reveal"]>;
type Options = NonNullable<ClassroomView["question"]>["options"];

/** How the room answered, option by option, with the key marked and every option's reason. */
export function RevealPanel({
  reveal,
  options,
  isPlayer,
  answered,
}: {
  reveal: Reveal;
  options: Options;
  isPlayer: boolean;
  /** Whether this player sent an answer: their verdict is on its way, so "time's up" would be wrong. */
  answered: boolean;
}) {
  const counts = new Map(reveal.distribution.map((entry) => [entry.optionId, entry.count]));
  const total = Math.max(1, ...reveal.distribution.map((entry) => entry.count));
  // The summary is often the key option's own reason word for word: said once, below the options, it is not
  // repeated under the option.
  const summary = reveal.summary.trim();
  return (
    <section className="classroom-reveal" aria-labelledby="reveal-title">
      <h2 id="reveal-title">The answer</h2>
      {reveal.yourAnswerCorrect !== null ? (
        <p className={`verdict ${reveal.yourAnswerCorrect ? "ok" : "bad"}`} data-testid="your-verdict">
          {reveal.yourAnswerCorrect ? `Right! +${reveal.yourPoints ?? 0} points` : "Not this time."}
        </p>
      ) : isPlayer && !answered ? (
        <p className="verdict bad" data-testid="your-verdict">
          Time&apos;s up: no answer this time.
        </p>
      ) : null}
      <ul className="classroom-distribution" data-testid="distribution">
        {options.map((option, index) => {
          const count = counts.get(option.id) ?? 0;
          const isKey = reveal.key.includes(option.id);
          const reason = reveal.options.find((entry) => entry.optionId === option.id)?.why ?? "";
          const why = reason.trim() === summary ? "" : reason;
          return (
            <li
              key={option.id}
              className={isKey ? "option-key" : ""}
              data-option-id={option.id}
              data-count={count}
              data-key={isKey ? "true" : "false"}
            >
              <div className="classroom-bar-label">
                <span>
                  <span className={`tile-chip tile-${index % 4}`}>
                    <TileMark index={index} />
                  </span>{" "}
                  {isKey ? <strong>✓ </strong> : null}
                  {option.text}
                </span>
                <span className="classroom-count">{count}</span>
              </div>
              <div className="classroom-bar" aria-hidden="true">
                <span style={{ width: `${(100 * count) / total}%` }} />
              </div>
              {why ? (
                <p className="classroom-why">
                  <RuleText text={why} />
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p data-testid="explanation">
        <RuleText text={reveal.summary} />
      </p>
      {reveal.rules.length > 0 ? (
        <p className="rules">
          Rules: <RuleList ids={reveal.rules} />
        </p>
      ) : null}
    </section>
  );
}

/** Ranks, names and points; the viewer's own row is marked. */
export function LeaderboardTable({
  entries,
  title,
}: {
  entries: NonNullable<ClassroomView["leaderboard"]>;
  title: string;
}) {
  return (
    <section className="classroom-leaderboard" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">{title}</h2>
      <table data-testid="leaderboard">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Player</th>
            <th scope="col">Right</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.displayName}
              className={entry.isYou ? "classroom-you" : ""}
              data-rank={entry.rank}
              data-name={entry.displayName}
            >
              <td>{entry.rank}</td>
              <td>
                {entry.displayName}
                {entry.isYou ? " (you)" : ""}
              </td>
              <td>{entry.correctAnswers}</td>
              <td>{entry.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The top three on steps, second left, first in the middle, third right, as a projector shows them at the end. */
export function Podium({ entries }: { entries: NonNullable<ClassroomView["leaderboard"]> }) {
  const top = entries.filter((entry) => entry.rank <= 3).slice(0, 3);
  const order = [top[1], top[0], top[2]].filter((entry) => entry !== undefined);
  if (order.length === 0) return null;
  return (
    <ol className="classroom-podium" data-testid="podium" aria-label="Podium">
      {order.map((entry) => (
        <li
          key={entry.displayName}
          className={`podium-${entry.rank}`}
          data-rank={entry.rank}
          data-name={entry.displayName}
        >
          <span className="podium-name">{entry.displayName}</span>
          <span className="podium-points">{entry.points} points</span>
          <span className="podium-step" aria-hidden="true">
            {entry.rank}
          </span>
        </li>
      ))}
    </ol>
  );
}
