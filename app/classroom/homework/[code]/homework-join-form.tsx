"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";

/** The student's name, given once per assignment; a taken name comes back as the server's sentence. */
export function HomeworkJoinForm({ code }: { code: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const displayName = formText(new FormData(event.currentTarget), "displayName");
    setBusy(true);
    setError(null);
    const result = await postJson("/classroom/homework/api", { action: "join", code, displayName });
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Start the assignment">
      <label className="field">
        Your name
        <input name="displayName" required maxLength={24} autoComplete="nickname" />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="homework-join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="homework-start">
        {busy ? "Starting…" : "Start"}
      </button>
    </form>
  );
}
