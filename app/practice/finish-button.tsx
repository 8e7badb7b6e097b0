"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "./for-person";

/** Ends the practice session now and opens its summary. */
export function FinishButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function finish(): Promise<void> {
    setBusy(true);
    const result = await postJson("/practice/api", { action: "finish", sessionId });
    setBusy(false);
    if (result.ok) router.push(`/practice/${sessionId}`);
    else setError(forPerson(result.error));
  }
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={() => void finish()}
        disabled={busy}
        data-testid="finish"
      >
        Finish and see the summary
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
