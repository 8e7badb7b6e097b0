"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Length, time and seed of a new mock exam; empty fields take the defaults shown. */
export function ExamStartForm({
  defaultCount,
  defaultMinutes,
}: {
  defaultCount: number;
  defaultMinutes: number;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => {
      const text = formText(form, name).trim();
      return text === "" ? undefined : Number(text);
    };
    setBusy(true);
    setError(null);
    const result = await postJson("/exam/api", {
      action: "start",
      questionCount: number("questionCount"),
      durationMinutes: number("durationMinutes"),
    });
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(forPerson(result.error));
  }

  return (
    <form
      className="card exam-start"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Start a mock exam"
    >
      <label className="field">
        Questions
        <input type="number" name="questionCount" min={1} max={65} placeholder={String(defaultCount)} />
      </label>
      <label className="field">
        Time limit in minutes
        <input
          type="number"
          name="durationMinutes"
          min={1}
          max={300}
          step="any"
          placeholder={String(defaultMinutes)}
        />
      </label>
      <button type="submit" className="button" disabled={busy} data-testid="start-exam">
        Start the exam
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
