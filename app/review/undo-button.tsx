"use client";

import { useCallback, useEffect, useState } from "react";
import { forPerson } from "@/app/practice/for-person";
import { undoAndShow } from "./actions";
import { useReviewLive } from "./review-live";
import { isTypingTarget } from "./typing-target";

/**
 * Takes back the latest review (button or Ctrl+Z, as in Anki). The label names that review's card and rating;
 * it comes from the page's live state, so it names a card answered a moment ago without a refresh.
 */
export function UndoButton() {
  const label = useReviewLive()?.state.undoLabel ?? null;
  return label === null ? null : (
    <p>
      <UndoControl label={label} />
    </p>
  );
}

/**
 * The button and its Ctrl+Z key; the card returns to the queue as it was. One request: the action undoes the
 * review and its response carries the page showing that card again (no refresh after it).
 */
function UndoControl({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = useCallback(async (): Promise<void> => {
    setBusy(true);
    // The cookie that keeps the answered card on screen is left alone here: the action drops it once the undo is
    // saved, so a refused or unsent undo leaves the card, its feedback and this button as they were.
    const result = await undoAndShow().catch(() => ({
      ok: false as const,
      error: "Could not reach the server. Nothing was lost; try again.",
    }));
    setBusy(false);
    setError(result.ok ? null : forPerson(result.error));
  }, []);
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z";
      if (!undoKey || busy || isTypingTarget(event.target)) return;
      event.preventDefault();
      void undo();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, undo]);
  return (
    <span className="review-undo">
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => void undo()}
        aria-keyshortcuts="Control+Z"
      >
        {label}
      </button>{" "}
      <span className="review-muted">(Ctrl+Z)</span>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </span>
  );
}
