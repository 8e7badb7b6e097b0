"use client";

import { useState, type FormEvent } from "react";
import type { ClassroomView } from "@/lib/classroom/classroom-view";

type Question = NonNullable<ClassroomView["question"]>;

/** A player's one answer to the open question; the server refuses a second one and late ones. */
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

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (selected.length > 0) onSubmit(selected);
  }

  function toggle(id: string): void {
    setSelected((current) =>
      multi ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
    );
  }

  return (
    <form onSubmit={submit} className="try-it-form" data-testid="answer-form">
      <fieldset disabled={busy}>
        <legend className="sr-only">{multi ? "Choose all that apply" : "Choose one answer"}</legend>
        {question.options.map((option) => (
          <label key={option.id} className="option" data-option-id={option.id}>
            <input
              type={multi ? "checkbox" : "radio"}
              name={question.id}
              value={option.id}
              checked={selected.includes(option.id)}
              onChange={() => toggle(option.id)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="try-it-actions">
        <button
          type="submit"
          className="button"
          disabled={busy || selected.length === 0}
          data-testid="submit-answer"
        >
          Send answer
        </button>
      </div>
    </form>
  );
}
