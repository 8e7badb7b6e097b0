import type { HomeworkFeedback } from "../homework-service";

/** A graded homework answer: right or not, the key, and why each option is right or wrong. */
export function HomeworkVerdict({ feedback }: { feedback: HomeworkFeedback }) {
  const { solution } = feedback;
  return (
    <div className="card" role="status" data-testid="homework-verdict" data-correct={feedback.correct}>
      <p>
        <strong>{feedback.correct ? "Right!" : "Not this time."}</strong> The answer:{" "}
        <span data-testid="homework-key">{solution.key.map((id) => id.toUpperCase()).join(", ")}</span>
      </p>
      <p>{solution.summary}</p>
      <ul>
        {solution.options.map((option) => (
          <li key={option.optionId}>
            {option.optionId.toUpperCase()}
            {option.correct ? " (right)" : ""}
            {option.chosen ? " — your choice" : ""}: {option.why}
          </li>
        ))}
      </ul>
    </div>
  );
}
