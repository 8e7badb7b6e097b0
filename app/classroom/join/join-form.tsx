"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";

/** Code and display name; a taken name comes back as the server's message, and the player picks another. */
export function JoinForm({ defaultCode }: { defaultCode: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const joinCode = formText(form, "joinCode").trim().toUpperCase();
    setBusy(true);
    setError(null);
    const result = await postJson("/classroom/api", {
      action: "join",
      joinCode,
      displayName: formText(form, "displayName"),
    });
    if (result.ok) {
      router.push(`/classroom/${joinCode}`);
      return;
    }
    setBusy(false);
    setError(result.error);
  }

  return (
    <form
      className="card classroom-join"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Join a live game"
    >
      <label className="field">
        Join code
        <input
          name="joinCode"
          defaultValue={defaultCode}
          required
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={8}
        />
      </label>
      <label className="field">
        Your name
        <input name="displayName" required maxLength={24} autoComplete="nickname" />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="join-game">
        {busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
