"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import type { QuestionOption } from "@/lib/scenario/question";
import { postJson } from "@/app/http/post-json";

type Props = {
  sessionId: string;
  questionId: string;
  options: readonly QuestionOption[];
  multiSelect: boolean;
  /** Present once the server has graded the answer (the key arrives only then). */
  answered?: { response: readonly string[]; key: readonly string[]; correct: boolean } | undefined;
};

const LETTERS = "abcdef";

/** Index of the option a key picks: 1–9, or a–f. */
export function optionIndexForKey(key: string): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  const letter = LETTERS.indexOf(key.toLowerCase());
  return key.length === 1 && letter >= 0 ? letter : null;
}

/** Options, submit and next for one practice question. Keys: 1–9 or a–f choose, Enter submits, N goes on. */
export function PracticeAnswer({ sessionId, questionId, options, multiSelect, answered }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<readonly string[]>(answered?.response ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const locked = busy || refreshing || answered !== undefined;

  const toggle = useCallback(
    (id: string) =>
      setSelected((current) =>
        multiSelect ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
      ),
    [multiSelect],
  );

  const send = useCallback(
    async (body: Record<string, unknown>) => {
      setBusy(true);
      setError(null);
      const result = await postJson<{ finished?: boolean }>("/practice/api", { sessionId, ...body });
      setBusy(false);
      if (!result.ok) return setError(result.error);
      if (result.data.finished === true) router.push(`/practice/${sessionId}`);
      else startRefresh(() => router.refresh());
    },
    [router, sessionId],
  );

  const submit = useCallback(() => {
    if (!locked && selected.length > 0) void send({ action: "answer", questionId, response: selected });
  }, [locked, selected, send, questionId]);
  const next = useCallback(() => {
    if (answered && !busy && !refreshing) void send({ action: "next" });
  }, [answered, busy, refreshing, send]);

  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.tagName === "BUTTON" ||
        target?.tagName === "TEXTAREA" ||
        (target?.tagName === "INPUT" && (target as HTMLInputElement).type === "text")
      )
        return;
      if (event.key === "Enter") {
        event.preventDefault();
        if (answered) next();
        else submit();
        return;
      }
      if (event.key === "n" || event.key === "N") {
        if (answered) {
          event.preventDefault();
          next();
        }
        return;
      }
      const index = optionIndexForKey(event.key);
      const option = index === null ? undefined : options[index];
      if (option && !locked) {
        event.preventDefault();
        toggle(option.id);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [answered, locked, next, options, submit, toggle]);

  return (
    <div className="practice-answer" data-testid="practice-answer">
      <fieldset disabled={locked}>
        <legend className="sr-only">{multiSelect ? "Choose all that apply" : "Choose one answer"}</legend>
        {options.map((option, index) => {
          const isKey = answered?.key.includes(option.id) === true;
          const wrongPick = answered !== undefined && !isKey && answered.response.includes(option.id);
          return (
            <label
              key={option.id}
              className={`option${isKey ? " option-key" : ""}${wrongPick ? " option-wrong" : ""}`}
              data-option-id={option.id}
            >
              <input
                type={multiSelect ? "checkbox" : "radio"}
                name={questionId}
                value={option.id}
                checked={selected.includes(option.id)}
                onChange={() => toggle(option.id)}
              />
              <span className="option-shortcut" aria-hidden="true">
                {index + 1}
              </span>
              <span>{option.text}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="try-it-actions">
        {answered ? (
          <button
            type="button"
            className="button"
            onClick={next}
            disabled={busy || refreshing}
            data-testid="next"
          >
            Next question (N)
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={submit}
            disabled={locked || selected.length === 0}
            data-testid="submit"
          >
            Submit (Enter)
          </button>
        )}
      </div>
      <p className="shortcut-hint">
        Keys: 1–{Math.min(options.length, 9)} or a–{LETTERS[Math.min(options.length, 6) - 1]} choose, Enter
        submits, N next.
      </p>
      <div aria-live="polite">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
