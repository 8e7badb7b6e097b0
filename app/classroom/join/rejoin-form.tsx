"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";

/** For a player who lost their browser: the code shown when they joined brings them back under their name. */
export function RejoinForm({ defaultCode }: { defaultCode: string }) {
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
      action: "rejoin",
      joinCode,
      rejoinCode: formText(form, "rejoinCode"),
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
      aria-label="Rejoin a live game"
    >
      <label className="field">
        Join code
        <input name="joinCode" defaultValue={defaultCode} required autoComplete="off" maxLength={8} />
      </label>
      <label className="field">
        Rejoin code
        <input name="rejoinCode" required autoComplete="off" autoCapitalize="characters" maxLength={8} />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="rejoin-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button secondary" disabled={busy} data-testid="rejoin-game">
        {busy ? "Rejoining…" : "Rejoin"}
      </button>
    </form>
  );
}
