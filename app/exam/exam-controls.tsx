"use client";

import { useEffect, useState } from "react";
import { optionIndexForKey } from "@/app/practice/practice-question";
import { useHydrated } from "@/app/practice/use-hydrated";
import { isTypingTarget } from "@/app/review/typing-target";
import type { QuestionOption } from "@/lib/scenario/question";
import { useExamAction, useExamSaves } from "./use-exam-action";

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

const LETTERS = "abcdef";

/**
 * The current exam question's options (saved on the server at each change), flag, and moving on. The keys are
 * practice's: 1–9 or a–f choose (toggle, on a multi-select question), N next, P previous.
 */
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
  const saves = useExamSaves(sessionId);
  // Until hydrated a click would be lost: the options show as not ready (disabled) until they work.
  const ready = useHydrated();
  // A tick and a flag show at once (uxr5/uxr6 finding 2: they waited 0.1-3.8 s for the server) and are saved
  // behind them, in order (app/exam/save-queue.ts). The server stays the authority: once the saves are done and
  // the page re-rendered, its `selected` and `flagged` show again, so a refused save rolls back, with a message.
  // Keyed by question: a choice still shown while the next question arrives belongs to the one it was made on.
  const [pendingChoice, setPendingChoice] = useState<{ questionId: string; ids: readonly string[] } | null>(
    null,
  );
  const [pendingFlag, setPendingFlag] = useState<{ questionId: string; flagged: boolean } | null>(null);
  const shown = pendingChoice?.questionId === questionId ? pendingChoice.ids : selected;
  const shownFlag = pendingFlag?.questionId === questionId ? pendingFlag.flagged : flagged;
  if (!saves.saving && (pendingChoice !== null || pendingFlag !== null)) {
    // The server's page is back with every save in it (or without a refused one): it shows again.
    setPendingChoice(null);
    setPendingFlag(null);
  }
  function choose(id: string): void {
    const next = multiSelect ? (shown.includes(id) ? shown.filter((x) => x !== id) : [...shown, id]) : [id];
    if (!multiSelect && shown.length === 1 && shown[0] === id) return;
    setPendingChoice({ questionId, ids: next });
    saves.save(
      next.length === 0
        ? { action: "clear", questionId }
        : { action: "select", questionId, optionIds: [...next] },
    );
  }
  function toggleFlag(): void {
    const next = !shownFlag;
    setPendingFlag({ questionId, flagged: next });
    saves.save({ action: next ? "flag" : "unflag", questionId });
  }
  // A move (next, previous, review) in flight locks the options; a save in flight does not. `act` sends a move
  // after the saves made before it.
  const moving = busy;
  const move = act;
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey || moving || !ready) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "n" || key === "p") {
        if (key === "n" ? isLast : isFirst) return;
        event.preventDefault();
        void move({ action: key === "n" ? "next" : "previous" });
        return;
      }
      // A focused button or link keeps its own keys.
      const target = event.target as HTMLElement | null;
      if (target?.tagName === "BUTTON" || target?.tagName === "A") return;
      const index = optionIndexForKey(event.key);
      const option = index === null ? undefined : options[index];
      if (option === undefined) return;
      event.preventDefault();
      choose(option.id);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  return (
    <div className="exam-answer" data-testid="exam-answer" data-ready={ready} data-saving={saves.saving}>
      <fieldset disabled={moving || !ready}>
        <legend className="sr-only">
          {multiSelect ? "Choose as many answers as the question states" : "Choose one answer"}
        </legend>
        {options.map((option, index) => (
          <label key={option.id} className="option" data-option-id={option.id}>
            <input
              type={multiSelect ? "checkbox" : "radio"}
              name={questionId}
              value={option.id}
              checked={shown.includes(option.id)}
              onChange={() => choose(option.id)}
            />
            <span className="option-shortcut key-hint" aria-hidden="true">
              {index + 1}
            </span>
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="try-it-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy || isFirst}
          onClick={() => void move({ action: "previous" })}
        >
          Previous
        </button>
        <button
          type="button"
          className="button secondary"
          aria-pressed={shownFlag}
          disabled={moving || !ready}
          onClick={toggleFlag}
          data-testid="flag"
        >
          {shownFlag ? "Unflag" : "Flag for review"}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy || isLast}
          onClick={() => void move({ action: "next" })}
          data-testid="exam-next"
        >
          Next
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void move({ action: "review.open" })}
          data-testid="open-review"
        >
          Review and submit
        </button>
      </div>
      <p className="exam-saving muted" aria-live="polite" data-testid="exam-saving">
        {saves.saving ? "Saving your answer…" : ""}
      </p>
      {saves.failure ? (
        <p className="error" role="alert" data-testid="exam-save-failed">
          {saves.failure}
        </p>
      ) : null}
      <p className="shortcut-hint key-hint" data-testid="key-hints">
        Keys: 1–{Math.min(options.length, 9)} or a–{LETTERS[Math.min(options.length, 6) - 1]} choose, N next,
        P previous.
      </p>
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

/** "1 question is" / "3 questions are". */
function unansweredText(count: number): string {
  return count === 1 ? "1 question is not answered" : `${count} questions are not answered`;
}

/**
 * The review screen's actions: back to a question, back to answering, or submit. With questions unanswered the
 * warning stands above the buttons and the submit button says so itself: the confirmation is on the page, in
 * the app's words, not a browser dialog.
 */
export function ReviewActions({ sessionId, unanswered }: { sessionId: string; unanswered: number }) {
  const { act, busy, error } = useExamAction(sessionId);
  return (
    <>
      {unanswered > 0 ? (
        <p className="notice exam-submit-warning" data-testid="unanswered-warning">
          {unansweredText(unanswered)} and will count as wrong. Go back to answer{" "}
          {unanswered === 1 ? "it" : "them"}, or submit as it stands.
        </p>
      ) : null}
      <div className="try-it-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void act({ action: "review.close" })}
        >
          Back to the questions
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act({ action: "submit" })}
          data-testid="submit-exam"
        >
          {unanswered > 0 ? `Submit with ${unanswered} unanswered` : "Submit the exam"}
        </button>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </>
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
