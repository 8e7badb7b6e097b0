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

/**
 * For a source note that was never right (not drift: AWS did not change, the note was wrong). A note like the
 * other callouts, not an <aside>: an aside is a complementary landmark, and a lesson with two of these listed
 * two same-named landmarks (axe landmark-unique) for what is part of the running text.
 */
export function NotesError({ children }: { children: ReactNode }) {
  return (
    <div
      className="callout callout-notes-error"
      role="note"
      aria-label="Note: the course notes are wrong here"
    >
      <p className="callout-title">The notes are wrong here</p>
      {children}
    </div>
  );
}
