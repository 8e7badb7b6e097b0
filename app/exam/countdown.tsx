"use client";

import { useEffect, useRef, useState } from "react";
import { useExamAction } from "./use-exam-action";

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

const MINUTE = 60_000;

/** The warning for the time left: once at 5 minutes, once at 1 minute, then nothing new. */
export function timeWarning(remaining: number): string | null {
  if (remaining <= 0) return null;
  if (remaining <= MINUTE) return "1 minute left: the exam submits itself when the time is up.";
  if (remaining <= 5 * MINUTE) return "5 minutes left.";
  return null;
}

/**
 * Counts down to the deadline the server holds. The server's clock at render time corrects for a browser clock
 * that is off; at zero it asks the server to check its own deadline, which submits the exam. The clock stays on
 * screen (sticky header) and the two warnings are announced to screen readers; the ticking seconds are not.
 */
export function Countdown({
  sessionId,
  deadline,
  serverNow,
}: {
  sessionId: string;
  deadline: number;
  serverNow: number;
}) {
  const skew = useRef<number | null>(null);
  const [remaining, setRemaining] = useState(deadline - serverNow);
  const { act } = useExamAction(sessionId);
  // When the tick last went out: a browser clock slightly ahead may ask before the server's deadline, so ask again.
  const lastTick = useRef(0);

  useEffect(() => {
    skew.current ??= serverNow - Date.now();
    const timer = window.setInterval(() => {
      const left = deadline - (Date.now() + (skew.current ?? 0));
      setRemaining(left);
      if (left <= 0 && Date.now() - lastTick.current > 1500) {
        lastTick.current = Date.now();
        void act({ action: "tick" });
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [act, deadline, serverNow]);

  const warning = timeWarning(remaining);
  return (
    <div className="countdown-box">
      <p
        className={`countdown${remaining <= MINUTE ? " countdown-low" : ""}`}
        role="timer"
        aria-live="off"
        data-testid="countdown"
      >
        {remaining > 0 ? `Time left ${format(remaining)}` : "Time is up: submitting…"}
      </p>
      <p className="countdown-warning" role="status" aria-live="polite" data-testid="time-warning">
        {warning ?? ""}
      </p>
    </div>
  );
}
