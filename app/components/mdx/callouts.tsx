import type { ReactNode } from "react";

export function ExamTip({ children }: { children: ReactNode }) {
  return (
    <aside className="callout callout-tip" aria-label="Exam tip">
      <p className="callout-title">Exam tip</p>
      {children}
    </aside>
  );
}

export function DriftNote({ children }: { children: ReactNode }) {
  return (
    <aside className="callout callout-drift" aria-label="Note: AWS has changed this">
      <p className="callout-title">Note: the exam notes and AWS today</p>
      {children}
    </aside>
  );
}
