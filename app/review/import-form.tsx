"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/**
 * What to change, not the validator's words. A file of the wrong shape gets one sentence
 * naming the file to choose; a deck that is well-formed but inconsistent keeps the checker's explanation.
 */
function importProblem(error: string): string {
  if (/Invalid input|expected |Unrecognized|Required|not valid JSON/i.test(error))
    return "This file is not a deck saved with “Download deck (JSON)”: choose such a file and import again.";
  return `${forPerson(error)} Export the deck again with “Download deck (JSON)” and import that file.`;
}

/** Uploads an exported deck; the server checks the whole file and changes nothing when it is bad. */
export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    const result = await postJson<{ cards: number; reviews: number }>(
      "/api/review/import",
      await file.text(),
    );
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: `Nothing was imported. ${importProblem(result.error)}`, bad: true });
      return;
    }
    setMessage({
      text: `Imported ${result.data.cards} cards and ${result.data.reviews} reviews.`,
      bad: false,
    });
    router.refresh();
  }
  return (
    <form className="review-inline-form" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor="import-deck">Deck file (JSON export)</label>
      <input
        id="import-deck"
        type="file"
        accept="application/json,.json"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <button type="submit" className="button secondary" disabled={busy || file === null}>
        Import (replaces your deck)
      </button>
      {message ? (
        <p
          className={message.bad ? "error" : "review-ok"}
          role={message.bad ? "alert" : "status"}
          data-testid="import-message"
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
