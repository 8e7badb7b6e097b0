"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Removes one bookmark from the bookmarks page, then re-renders the list. */
export function RemoveBookmark({ questionId, label }: { questionId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startRefresh] = useTransition();
  async function remove(): Promise<void> {
    setError(null);
    const result = await postJson("/bookmarks/api", { where: "bookmarks", action: "remove", questionId });
    if (result.ok) startRefresh(() => router.refresh());
    else setError(forPerson(result.error));
  }
  return (
    <p>
      <button type="button" className="button secondary" disabled={pending} onClick={() => void remove()}>
        Remove bookmark<span className="sr-only"> {label}</span>
      </button>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </p>
  );
}
