"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Starts a new timed exam of fresh variants of the missed questions. */
export function RetakeButton({ sessionId, missed }: { sessionId: string; missed: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function retake(): Promise<void> {
    setBusy(true);
    const result = await postJson("/exam/api", { action: "retake", sessionId });
    setBusy(false);
    if (result.ok) router.push("/exam");
    else setError(forPerson(result.error));
  }
  return (
    <p>
      <button
        type="button"
        className="button"
        onClick={() => void retake()}
        disabled={busy}
        data-testid="retake"
      >
        Retake only the {missed} missed {missed === 1 ? "question" : "questions"}
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
