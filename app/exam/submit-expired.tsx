"use client";

import { useEffect, useRef } from "react";
import { useExamAction } from "./use-exam-action";

/**
 * Shown when the exam page is opened after the deadline. A GET never writes, so the browser asks
 * the server to check its own deadline, which submits the exam and opens the result.
 */
export function SubmitExpired({ sessionId }: { sessionId: string }) {
  const { act, busy, error } = useExamAction(sessionId);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void act({ action: "tick" });
  }, [act]);
  return (
    <>
      <p role="status">Time is up: your exam is being submitted.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void act({ action: "tick" })}>
        See the result
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
