"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";
import { forgetOnScreen } from "./on-screen-cookie";

/** Takes back the latest review; the card returns to the queue as it was. */
export function UndoButton({ label }: { label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function undo(): Promise<void> {
    setBusy(true);
    const result = await postJson<{ skillId: string }>("/api/review/undo");
    setBusy(false);
    if (result.ok) {
      setError(null);
      forgetOnScreen();
      router.refresh();
    } else setError(forPerson(result.error));
  }
  return (
    <span className="review-undo">
      <button type="button" className="button secondary" disabled={busy} onClick={() => void undo()}>
        {label}
      </button>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </span>
  );
}
