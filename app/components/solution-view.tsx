import type { AnswerOutcome } from "@/lib/grading/outcome";
import { RuleList, RuleText } from "./rule-text";

export type Solution = NonNullable<AnswerOutcome["solution"]>;

/**
 * The explanation of a question once it may be shown: why the key is right, why every option is right or wrong,
 * the model's trace and the AWS rules. No hooks, so both server pages and client islands render it.
 */
export function SolutionView({ solution, showTrace = true }: { solution: Solution; showTrace?: boolean }) {
  return (
    <div className="explanation" data-testid="explanation">
      <p>
        <RuleText text={solution.summary} />
      </p>
      <ul>
        {solution.options.map((option) => (
          <li key={option.optionId} className={option.correct ? "ok" : undefined}>
            <strong>
              {option.correct ? "✓" : "✗"} {option.text}
              {option.chosen ? " (your answer)" : ""}
            </strong>{" "}
            — <RuleText text={option.why} />
          </li>
        ))}
      </ul>
      {showTrace && solution.trace && solution.trace.length > 0 ? (
        <details>
          <summary>Hop-by-hop trace</summary>
          <ol className="trace">
            {solution.trace.map((line, index) => (
              <li key={index}>
                <RuleText text={line} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {solution.rules.length > 0 ? (
        <p className="rules">
          AWS rules: <RuleList ids={solution.rules} />
        </p>
      ) : null}
    </div>
  );
}
