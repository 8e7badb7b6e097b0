"use client";

import { useHydrated } from "@/app/practice/use-hydrated";
import type { QuestionOption } from "@/lib/scenario/question";
import { useExamAction } from "./use-exam-action";

type AnswerProps = {
  sessionId: string;
  questionId: string;
  options: readonly QuestionOption[];
  multiSelect: boolean;
  selected: readonly string[];
  flagged: boolean;
  isFirst: boolean;
  isLast: boolean;
};

/** The current exam question's options (saved on the server at each change), flag, and moving on. */
export function ExamAnswer({
  sessionId,
  questionId,
  options,
  multiSelect,
  selected,
  flagged,
  isFirst,
  isLast,
}: AnswerProps) {
  const { act, busy, error } = useExamAction(sessionId);
  // Until hydrated a click would be lost: the options show as not ready (disabled) until they work.
  const ready = useHydrated();
  function choose(id: string): void {
    const next = multiSelect
      ? selected.includes(id)
        ? selected.filter((x) => x !== id)
        : [...selected, id]
      : [id];
    void act(
      next.length === 0 ? { action: "clear", questionId } : { action: "select", questionId, optionIds: next },
    );
  }
  return (
    <div className="exam-answer" data-testid="exam-answer" data-ready={ready}>
      <fieldset disabled={busy || !ready}>
        <legend className="sr-only">
          {multiSelect ? "Choose as many answers as the question states" : "Choose one answer"}
        </legend>
        {options.map((option) => (
          <label key={option.id} className="option" data-option-id={option.id}>
            <input
              type={multiSelect ? "checkbox" : "radio"}
              name={questionId}
              value={option.id}
              checked={selected.includes(option.id)}
              onChange={() => choose(option.id)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="try-it-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy || isFirst}
          onClick={() => void act({ action: "previous" })}
        >
          Previous
        </button>
        <button
          type="button"
          className="button secondary"
          aria-pressed={flagged}
          disabled={busy}
          onClick={() => void act({ action: flagged ? "unflag" : "flag", questionId })}
          data-testid="flag"
        >
          {flagged ? "Unflag" : "Flag for review"}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy || isLast}
          onClick={() => void act({ action: "next" })}
          data-testid="exam-next"
        >
          Next
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act({ action: "review.open" })}
          data-testid="open-review"
        >
          Review and submit
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type NavItem = { index: number; answered: boolean; flagged: boolean; current: boolean };

/** Jump to any question; marks show answered and flagged ones. */
export function ExamNavigator({ sessionId, items }: { sessionId: string; items: readonly NavItem[] }) {
  const { act, busy } = useExamAction(sessionId);
  return (
    <nav aria-label="Questions" className="exam-nav">
      <ol>
        {items.map((item) => (
          <li key={item.index}>
            <button
              type="button"
              className={`exam-nav-item${item.answered ? " answered" : ""}${item.flagged ? " flagged" : ""}`}
              aria-current={item.current ? "step" : undefined}
              aria-label={`Question ${item.index + 1}${item.answered ? ", answered" : ", not answered"}${item.flagged ? ", flagged" : ""}`}
              disabled={busy}
              onClick={() => void act({ action: "goto", index: item.index })}
              data-testid={`nav-${item.index + 1}`}
            >
              {item.index + 1}
              {item.flagged ? " ⚑" : ""}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The review screen's actions: back to a question, back to answering, or submit. */
export function ReviewActions({ sessionId, unanswered }: { sessionId: string; unanswered: number }) {
  const { act, busy, error } = useExamAction(sessionId);
  function submit(): void {
    if (
      unanswered > 0 &&
      !window.confirm(`${unanswered} question(s) are not answered and will count as wrong. Submit anyway?`)
    )
      return;
    void act({ action: "submit" });
  }
  return (
    <div className="try-it-actions">
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => void act({ action: "review.close" })}
      >
        Back to the questions
      </button>
      <button type="button" className="button" disabled={busy} onClick={submit} data-testid="submit-exam">
        Submit the exam
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function GotoButton({ sessionId, index, label }: { sessionId: string; index: number; label: string }) {
  const { act, busy } = useExamAction(sessionId);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      onClick={() => void act({ action: "goto", index })}
    >
      {label}
    </button>
  );
}
