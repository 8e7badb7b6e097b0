"use client";

import { useState } from "react";
import { BookmarkButton } from "@/app/bookmarks/bookmark-button";
import { FinishButton } from "./finish-button";
import { PracticeQuestion } from "./practice-question";
import type { PracticeView } from "./practice-view";

/**
 * The running session: the question on screen, its bookmark toggle and "Finish". "Next question" replaces the
 * view with the one its reply carries; keying by the sealed id starts the next question with nothing chosen.
 */
export function PracticeScreen({ initial }: { initial: PracticeView }) {
  const [view, setView] = useState(initial);
  // A server render (a refresh or navigation back here) brings the session as stored: it wins.
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setView(initial);
  }
  return (
    <>
      <PracticeQuestion key={view.questionId} view={view} onNext={setView} />
      <BookmarkButton
        key={`bookmark-${view.questionId}`}
        where="practice"
        sessionId={view.sessionId}
        questionId={view.questionId}
        bookmarked={view.bookmarked}
      />
      <FinishButton sessionId={view.sessionId} />
    </>
  );
}
