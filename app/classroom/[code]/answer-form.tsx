"use client";

import { useState } from "react";
import type { ClassroomView } from "@/lib/classroom/classroom-view";
import { TileMark } from "./option-tiles";

type Question = NonNullable<ClassroomView["question"]>;

/**
 * A player's one answer to the open question, as large tiles for a phone: one tap sends a single-choice answer;
 * a multiple-response question takes taps to choose and a confirm. The server refuses a second answer and late ones.
 */
export function AnswerForm({
  question,
  onSubmit,
  busy,
}: {
  question: Question;
  onSubmit: (optionIds: string[]) => void;
  busy: boolean;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const multi = question.multiSelect;

  function tap(id: string): void {
    if (!multi) {
      onSubmit([id]);
      return;
    }
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  }

  return (
    <div className="classroom-answer" data-testid="answer-form">
      <p className="sr-only">
        {multi ? "Choose as many answers as the question states, then confirm" : "Tap your answer"}
      </p>
      <div className="classroom-tiles" role="group" aria-label="Answers">
        {question.options.map((option, index) => (
          <button
            key={option.id}
            type="button"
            className={`classroom-tile tile-${index % 4}`}
            data-option-id={option.id}
            aria-pressed={multi ? selected.includes(option.id) : undefined}
            disabled={busy}
            onClick={() => tap(option.id)}
          >
            <TileMark index={index} />
            <span className="tile-text">{option.text}</span>
          </button>
        ))}
      </div>
      {multi ? (
        <div className="try-it-actions">
          <button
            type="button"
            className="button"
            disabled={busy || selected.length === 0}
            onClick={() => onSubmit(selected)}
            data-testid="submit-answer"
          >
            Confirm {selected.length} {selected.length === 1 ? "answer" : "answers"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
