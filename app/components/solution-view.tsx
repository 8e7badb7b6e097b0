import type { AnswerOutcome } from "@/lib/grading/outcome";

export type Solution = NonNullable<AnswerOutcome["solution"]>;

/**
 * The explanation of a question once it may be shown: why the key is right, why every option is right or wrong,
 * the model's trace and the AWS rules. No hooks, so both server pages and client islands render it.
 */
export function SolutionView({ solution, showTrace = true }: { solution: Solution; showTrace?: boolean }) {
  return (
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
      {showTrace && solution.trace && solution.trace.length > 0 ? (
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
  );
}
