"use client";

import { useRef, useState, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import type { AnswerOutcome } from "@/lib/grading/outcome";
import { SolutionView } from "./solution-view";
import type { QuestionForClient } from "@/lib/scenario/question";

/** Where the question was served: its sealed id opens only there (app/api/answers/route.ts). */
export type TryItContext = { readonly kind: "lesson"; readonly slug: string } | { readonly kind: "bookmark" };

type Props = { question: Pick<QuestionForClient, "id" | "options" | "multiSelect">; context: TryItContext };

/** The interactive part of an inline question: choose, submit to the server, read the feedback, try again. */
export function TryItForm({ question, context }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [solution, setSolution] = useState<AnswerOutcome["solution"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(new Date().toISOString());
  const multi = question.multiSelect === true;
  const done = outcome?.correct === true || solution !== null;

  async function send(reveal: boolean): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await postJson<AnswerOutcome>("/api/answers", {
      questionId: question.id,
      response: reveal ? [] : selected,
      context,
      shownAt: shownAt.current,
      ...(reveal ? { reveal: true } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (reveal) setSolution(result.data.solution ?? null);
    else {
      setOutcome(result.data);
      if (result.data.solution) setSolution(result.data.solution);
    }
  }

  function onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (selected.length > 0) void send(false);
  }

  function toggle(id: string): void {
    setOutcome(null);
    setSelected((current) =>
      multi ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
    );
  }

  return (
    <form onSubmit={onSubmit} className="try-it-form" aria-describedby={`${question.id}-stem`}>
      <fieldset disabled={busy || done}>
        <legend className="sr-only">
          {multi ? "Choose as many answers as the question states" : "Choose one answer"}
        </legend>
        {question.options.map((option) => {
          const keyMark = solution?.key.includes(option.id);
          return (
            <label
              key={option.id}
              className={`option${keyMark ? " option-key" : ""}`}
              data-option-id={option.id}
            >
              <input
                type={multi ? "checkbox" : "radio"}
                name={question.id}
                value={option.id}
                checked={selected.includes(option.id)}
                onChange={() => toggle(option.id)}
              />
              <span>{option.text}</span>
            </label>
          );
        })}
      </fieldset>
      {!done ? (
        <div className="try-it-actions">
          <button type="submit" className="button" disabled={busy || selected.length === 0}>
            Check answer
          </button>
          {outcome ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => void send(true)}
              disabled={busy}
            >
              Show the answer
            </button>
          ) : null}
        </div>
      ) : null}
      <div aria-live="polite" className="try-it-feedback">
        {error ? <p className="error">{error}</p> : null}
        {outcome ? (
          <p
            className={outcome.correct ? "verdict ok" : "verdict bad"}
            data-verdict={outcome.correct ? "correct" : "incorrect"}
          >
            {outcome.correct ? "Correct." : "Not quite."}
          </p>
        ) : null}
        {outcome && !outcome.correct && !solution
          ? outcome.chosen.map((option) => (
              <p key={option.optionId} className="why">
                <strong>{option.text}</strong> — {option.why}
              </p>
            ))
          : null}
        {solution ? <SolutionView solution={solution} /> : null}
      </div>
    </form>
  );
}
