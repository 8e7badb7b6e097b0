"use client";

import { useEffect, useRef, useState } from "react";
import { shortTimeWarning, timeIsLow, timeWarning } from "@/lib/quiz/exam-time-warning";
import { useExamAction } from "./use-exam-action";

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/**
 * The browser clock's offset from the server's, per server render (`serverNow` is that render's clock). Back and
 * Forward replay a render the client router cached, with its old `serverNow`: measuring again then would take the
 * render's age for clock skew and show more time than is left, so a render's offset is measured once.
 */
const skews = new Map<string, number>();
function skewOf(sessionId: string, serverNow: number): number {
  const key = `${sessionId}:${serverNow}`;
  let skew = skews.get(key);
  if (skew === undefined) {
    skew = serverNow - Date.now();
    skews.set(key, skew);
  }
  return skew;
}

/**
 * Counts down to the deadline the server holds. The server's clock at render time corrects for a browser clock
 * that is off; at zero it asks the server to check its own deadline, which submits the exam. The clock stays on
 * screen (sticky header) and each warning is announced to screen readers once; the ticking seconds are not.
 */
export function Countdown({
  sessionId,
  deadline,
  durationMs,
  serverNow,
}: {
  sessionId: string;
  deadline: number;
  /** The exam's whole length: which warnings it gives (lib/quiz/exam-time-warning.ts). */
  durationMs: number;
  serverNow: number;
}) {
  const [remaining, setRemaining] = useState(deadline - serverNow);
  const { act } = useExamAction(sessionId);
  // When the tick last went out: a browser clock slightly ahead may ask before the server's deadline, so ask again.
  const lastTick = useRef(0);

  useEffect(() => {
    const skew = skewOf(sessionId, serverNow);
    const timer = window.setInterval(() => {
      const left = deadline - (Date.now() + skew);
      setRemaining(left);
      if (left <= 0 && Date.now() - lastTick.current > 1500) {
        lastTick.current = Date.now();
        void act({ action: "tick" });
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [act, deadline, serverNow, sessionId]);

  const warning = timeWarning(remaining, durationMs);
  const short = shortTimeWarning(remaining, durationMs);
  return (
    <div className="countdown-box">
      <p
        className={`countdown${timeIsLow(remaining, durationMs) ? " countdown-low" : ""}`}
        role="timer"
        aria-live="off"
        data-testid="countdown"
      >
        {remaining > 0 ? `Time left ${format(remaining)}` : "Time is up: submitting…"}
      </p>
      {/* The full sentence is announced; a narrow screen shows the short form, so the bar stays one line. */}
      <p className="countdown-warning" role="status" aria-live="polite" data-testid="time-warning">
        {warning ?? ""}
      </p>
      <p className="countdown-warning-short" aria-hidden="true" data-testid="time-warning-short">
        {short === null ? "" : `⚠ ${short}`}
      </p>
    </div>
  );
}
