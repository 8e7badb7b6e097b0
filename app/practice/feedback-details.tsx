import type { AnswerOutcome } from "@/lib/grading/outcome";

/** Right or wrong, why each option is right or wrong, the rules and the model's trace (server-rendered). */
export function FeedbackDetails({ outcome }: { outcome: AnswerOutcome }) {
  const solution = outcome.solution;
  return (
    <div className="feedback" aria-live="polite">
      <p
        className={outcome.correct ? "verdict ok" : "verdict bad"}
        data-verdict={outcome.correct ? "correct" : "incorrect"}
      >
        {outcome.correct ? "Correct." : "Not quite."}
      </p>
      {solution ? (
        <div className="explanation" data-testid="explanation">
          <p>{solution.summary}</p>
          <ul>
            {solution.options.map((option) => (
              <li key={option.optionId} className={option.correct ? "ok" : undefined}>
                <strong>
                  {option.correct ? "✓" : "✗"} {option.text}
                  {option.chosen ? " (your answer)" : ""}
                </strong>{" "}
                — {option.why}
              </li>
            ))}
          </ul>
          {solution.trace && solution.trace.length > 0 ? (
            <details>
              <summary>Hop-by-hop trace</summary>
              <ol className="trace">
                {solution.trace.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ol>
            </details>
          ) : null}
          {solution.rules.length > 0 ? <p className="rules">AWS rules: {solution.rules.join(", ")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
