import type { ClassroomView } from "@/lib/classroom/classroom-view";
import { RuleList, RuleText } from "@/app/components/rule-text";
import { TileMark } from "./option-tiles";
import { keyFirst } from "./reveal-order";

type Reveal = NonNullable<ClassroomView["reveal"]>;
type Options = NonNullable<ClassroomView["question"]>["options"];

/** How the room answered, option by option, with the key marked and every option's reason. */
export function RevealPanel({
  reveal,
  options,
  isPlayer,
  yourChoice,
  answeredCount,
}: {
  reveal: Reveal;
  options: Options;
  /** How many players answered the question. */
  answeredCount: number;
  isPlayer: boolean;
  /**
   * The option ids this player sent (null when they sent none, or for the teacher). A sent answer also means
   * their verdict is on its way, so "time's up" would be wrong.
   */
  yourChoice: readonly string[] | null;
}) {
  const answered = yourChoice !== null;
  const chosen = new Set(yourChoice ?? []);
  const counts = new Map(reveal.distribution.map((entry) => [entry.optionId, entry.count]));
  const lettersOf = (ids: (id: string) => boolean): string =>
    listWords(options.flatMap((option, index) => (ids(option.id) ? [letterOf(index)] : [])));
  const yours = lettersOf((id) => chosen.has(id));
  const keyLetters = lettersOf((id) => reveal.key.includes(id));
  const total = Math.max(1, ...reveal.distribution.map((entry) => entry.count));
  // The summary is often the key option's own reason word for word: said once, below the options, it is not
  // repeated under the option.
  const summary = reveal.summary.trim();
  // With one right option, how many of the room chose it; several right options are counted one by one below.
  const keyCount = reveal.key.length === 1 ? (counts.get(reveal.key[0] ?? "") ?? 0) : null;
  return (
    <section className="classroom-reveal" aria-labelledby="reveal-title">
      {/* The heading names the right option(s), and they come first below: a room reading the projector must not
          take the first (or the most chosen) option for the answer (uxr4 C1). Letters and shapes stay the options'. */}
      <h2 id="reveal-title" data-testid="reveal-key">
        The answer: <span className="classroom-key-letters">✓ {keyLetters}</span>{" "}
        {keyCount !== null ? (
          <span className="classroom-key-count">
            · {keyCount} of {answeredCount} chose it
          </span>
        ) : null}
      </h2>
      {reveal.yourAnswerCorrect !== null ? (
        <p className={`verdict ${reveal.yourAnswerCorrect ? "ok" : "bad"}`} data-testid="your-verdict">
          {reveal.yourAnswerCorrect
            ? `Right! You chose ${yours}: +${reveal.yourPoints ?? 0} points`
            : answered
              ? `Not this time: you chose ${yours}; the answer is ${keyLetters}.`
              : "Not this time."}
        </p>
      ) : isPlayer && !answered ? (
        <p className="verdict bad" data-testid="your-verdict">
          Time&apos;s up: no answer this time.
        </p>
      ) : null}
      <ul className="classroom-distribution" data-testid="distribution">
        {keyFirst(options, reveal.key).map(({ option, index }) => {
          const count = counts.get(option.id) ?? 0;
          const isKey = reveal.key.includes(option.id);
          const reason = reveal.options.find((entry) => entry.optionId === option.id)?.why ?? "";
          const why = reason.trim() === summary ? "" : reason;
          const isYours = chosen.has(option.id);
          return (
            <li
              key={option.id}
              className={[isKey ? "option-key" : "", isYours ? "option-yours" : ""].join(" ").trim()}
              data-option-id={option.id}
              data-count={count}
              data-key={isKey ? "true" : "false"}
              data-yours={isYours ? "true" : "false"}
            >
              <div className="classroom-bar-label">
                <span>
                  <span className={`tile-chip tile-${index % 4}`}>
                    <TileMark index={index} />
                  </span>{" "}
                  <span className="sr-only">{letterOf(index)}: </span>
                  {isKey ? (
                    <strong>
                      ✓ <span className="sr-only">(right answer) </span>
                    </strong>
                  ) : null}
                  {option.text}
                  {isYours ? (
                    <>
                      {" "}
                      <strong className="classroom-yours" data-testid="your-choice">
                        {isKey ? "Your answer ✓" : "Your answer"}
                      </strong>
                    </>
                  ) : null}
                </span>
                <span className="classroom-count">
                  <span aria-hidden="true">{count}</span>
                  <span className="sr-only">{playersChose(count)}</span>
                </span>
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

function letterOf(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}

/** "A", "A and C", "A, B and D". */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** A count as a screen reader should say it: "1 player chose this", "3 players chose this". */
export function playersChose(count: number): string {
  return `${count} ${count === 1 ? "player" : "players"} chose this`;
}

/** Ranks, names and points; the viewer's own row is marked. */
export function LeaderboardTable({
  entries,
  title,
}: {
  entries: NonNullable<ClassroomView["leaderboard"]>;
  /** Its heading; none when the page's own heading already says "Leaderboard …" (uxr4 N5). */
  title: string | null;
}) {
  return (
    <section
      className="classroom-leaderboard"
      {...(title === null ? { "aria-label": "Leaderboard" } : { "aria-labelledby": "leaderboard-title" })}
    >
      {title === null ? null : <h2 id="leaderboard-title">{title}</h2>}
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

/**
 * The top three on steps, as a projector shows them at the end: first in the middle, second left, third right.
 * The list itself is in the leaderboard's order (so a screen reader and the table agree); the steps are placed by
 * CSS. When players tie, they stand side by side in the table's order, left to right, and a line says so.
 */
export function Podium({ entries }: { entries: NonNullable<ClassroomView["leaderboard"]> }) {
  const top = entries.filter((entry) => entry.rank <= 3).slice(0, 3);
  if (top.length === 0) return null;
  const tied = new Set(top.map((entry) => entry.rank)).size < top.length;
  const ties = [...new Set(top.map((entry) => entry.rank))].flatMap((rank) => {
    const names = top.filter((entry) => entry.rank === rank).map((entry) => entry.displayName);
    return names.length > 1 ? [`${listWords(names)} share rank ${rank}`] : [];
  });
  return (
    <>
      <ol
        className={`classroom-podium${tied ? " podium-tied" : ""}`}
        data-testid="podium"
        aria-label="Podium"
      >
        {top.map((entry) => (
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
      {ties.length > 0 ? (
        <p className="podium-tie" data-testid="podium-tie">
          A tie: {ties.join("; ")}.
        </p>
      ) : null}
    </>
  );
}
