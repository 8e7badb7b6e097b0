"use client";

import { useState, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

type Fields = { desiredRetention: string; newCardsPerDay: string; maximumIntervalDays: string };

const FIELDS: readonly { name: keyof Fields; label: string; step: string; hint: string }[] = [
  { name: "desiredRetention", label: "Desired retention", step: "0.01", hint: "0.7 to 0.99" },
  { name: "newCardsPerDay", label: "New cards per day", step: "1", hint: "0 to 1000" },
  { name: "maximumIntervalDays", label: "Maximum interval (days)", step: "1", hint: "1 to 36500" },
];

const LABELS = Object.fromEntries(FIELDS.map((field) => [field.name, field.label]));

/** The learner's typed values stay in the form after a bad submit; the server keeps the last saved ones. */
export function SettingsForm({ saved }: { saved: Fields }) {
  const [values, setValues] = useState<Fields>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const result = await postJson<Record<keyof Fields, number>>("/api/review/settings", values, {
      method: "PUT",
    });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setValues({
        desiredRetention: String(result.data.desiredRetention),
        newCardsPerDay: String(result.data.newCardsPerDay),
        maximumIntervalDays: String(result.data.maximumIntervalDays),
      });
      setStatus({ text: "Saved.", bad: false });
    } else {
      // The API names fields; a person reads the form's own labels.
      setErrors(
        Object.fromEntries(
          Object.entries(result.fields).map(([name, text]) => [name, forPerson(text, LABELS)]),
        ),
      );
      setStatus({ text: `Not saved. ${forPerson(result.error, LABELS)}`, bad: true });
    }
  }

  return (
    <form className="review-settings" onSubmit={(event) => void onSubmit(event)} noValidate>
      {FIELDS.map((field) => {
        const error = errors[field.name];
        return (
          <div key={field.name} className="review-field">
            <label htmlFor={field.name}>{field.label}</label>
            <input
              id={field.name}
              name={field.name}
              type="number"
              step={field.step}
              inputMode="decimal"
              value={values[field.name]}
              aria-invalid={error !== undefined}
              aria-describedby={`${field.name}-hint`}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
            <span id={`${field.name}-hint`} className={error ? "error" : "review-muted"}>
              {error ?? field.hint}
            </span>
          </div>
        );
      })}
      <button type="submit" className="button" disabled={busy}>
        Save settings
      </button>
      {status ? (
        <p
          className={status.bad ? "error" : "review-ok"}
          role={status.bad ? "alert" : "status"}
          data-testid="settings-status"
        >
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
