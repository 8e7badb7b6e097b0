"use client";

import { useEffect, useRef, useState } from "react";
import { useExamAction } from "./use-exam-action";

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/**
 * Counts down to the deadline the server holds. The server's clock at render time corrects for a browser clock
 * that is off; at zero it asks the server to check its own deadline, which submits the exam.
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

  const low = remaining < 60_000;
  return (
    <p
      className={`countdown${low ? " countdown-low" : ""}`}
      role="timer"
      aria-live={low ? "polite" : "off"}
      data-testid="countdown"
    >
      {remaining > 0 ? `Time left ${format(remaining)}` : "Time is up: submitting…"}
    </p>
  );
}
