"use client";

import { useState } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

type Props = {
  readonly where: "practice" | "exam";
  readonly sessionId: string;
  /** The sealed id shown on the page. */
  readonly questionId: string;
  readonly bookmarked: boolean;
};

/** A toggle (aria-pressed) that keeps the question on the bookmarks page across sessions. */
export function BookmarkButton({ where, sessionId, questionId, bookmarked }: Props) {
  const [on, setOn] = useState(bookmarked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await postJson<{ bookmarked: boolean }>("/bookmarks/api", {
      where,
      sessionId,
      questionId,
      action: on ? "remove" : "add",
    });
    setBusy(false);
    if (result.ok) setOn(result.data.bookmarked);
    else setError(forPerson(result.error));
  }
  return (
    <div className="bookmark-toggle">
      <button
        type="button"
        className="button secondary"
        aria-pressed={on}
        disabled={busy}
        onClick={() => void toggle()}
        data-testid="bookmark"
      >
        {on ? "★ Bookmarked" : "☆ Bookmark this question"}
      </button>
      <span aria-live="polite">
        {error ? (
          <span className="error" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    </div>
  );
}
