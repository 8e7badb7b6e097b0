import { QuestionBody } from "@/app/practice/question-body";
import { toClientQuestion } from "@/lib/grading/redact";
import type { Question } from "@/lib/scenario/question";

// The host's preview of a quiz before anyone plays it: every planned question as players will see it, with its
// key and explanation. Server-rendered behind the teacher check of the page that uses it, never sent elsewhere.
// Each question shows its id, which the create form takes as a pinned question to ask it again.

export function QuestionPreview({ questions }: { questions: readonly Question[] }) {
  return (
    <ol className="preview-list" data-testid="question-preview">
      {questions.map((question) => {
        const key = new Set(question.answer);
        return (
          <li key={question.id} data-question-id={question.id}>
            <p className="preview-meta">
              {question.family} · difficulty {question.difficulty} · concepts{" "}
              <span data-testid="preview-concepts">{question.concepts.join(", ")}</span> · id{" "}
              <code data-testid="preview-id">{question.id}</code>
            </p>
            <QuestionBody question={toClientQuestion(question)} />
            <ul>
              {question.options.map((option) => (
                <li
                  key={option.id}
                  data-option-id={option.id}
                  data-key={key.has(option.id)}
                  className={key.has(option.id) ? "preview-key" : undefined}
                >
                  {option.id.toUpperCase()}. {option.text}
                  {key.has(option.id) ? " ✓ key" : ""}
                </li>
              ))}
            </ul>
            <p data-testid="preview-explanation">{question.explanation.summary}</p>
          </li>
        );
      })}
    </ol>
  );
}
