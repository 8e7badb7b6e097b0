import type { ReactNode } from "react";

export function ExamTip({ children }: { children: ReactNode }) {
  return (
    <div className="callout callout-tip" role="note" aria-label="Exam tip">
      <p className="callout-title">Exam tip</p>
      {children}
    </div>
  );
}

export function DriftNote({ children }: { children: ReactNode }) {
  return (
    <div className="callout callout-drift" role="note" aria-label="Note: AWS has changed this">
      <p className="callout-title">Note: the exam notes and AWS today</p>
      {children}
    </div>
  );
}

/** For a source note that was never right (not drift: AWS did not change, the note was wrong). */
export function NotesError({ children }: { children: ReactNode }) {
  return (
    <aside className="callout callout-notes-error" aria-label="Note: the course notes are wrong here">
      <p className="callout-title">The notes are wrong here</p>
      {children}
    </aside>
  );
}
