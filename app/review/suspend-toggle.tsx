"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

export function SuspendToggle({ skillId, suspended }: { skillId: string; suspended: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(): Promise<void> {
    setBusy(true);
    const result = await postJson(
      "/api/review/cards",
      { skillId, suspended: !suspended },
      { method: "PATCH" },
    );
    setBusy(false);
    if (result.ok) {
      setError(null);
      router.refresh();
    } else setError(forPerson(result.error));
  }
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        disabled={busy}
        onClick={() => void toggle()}
        aria-label={`${suspended ? "Unsuspend" : "Suspend"} ${skillId}`}
      >
        {suspended ? "Unsuspend" : "Suspend"}
      </button>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
