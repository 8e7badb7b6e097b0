"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { takeExamArrival } from "./use-exam-action";

/**
 * The exam screen's h1. After Next, Previous, a navigator jump or opening and closing the review screen (the page
 * re-renders from the server), the new screen opens at its top and the focus moves to this heading, so the stem
 * is read from its start and a keyboard user's next Tab goes on from here (as practice does). A page loaded or
 * reloaded keeps the browser's own scroll position and focus.
 */
export function ExamHeading({ screen, children }: { screen: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!takeExamArrival()) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "start" });
  }, [screen]);
  return (
    <h1 ref={heading} tabIndex={-1} className="exam-heading" data-testid="exam-heading">
      {children}
    </h1>
  );
}
