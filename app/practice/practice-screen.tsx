"use client";

import { useCallback, useState } from "react";
import { BookmarkButton } from "@/app/bookmarks/bookmark-button";
import { FinishButton } from "./finish-button";
import { PracticeQuestion } from "./practice-question";
import { answeredView } from "./answered-view";
import type { PracticeView } from "./practice-view";
import { renderMemory } from "./render-memory";

/** The view on screen, per server render of /practice: Back to that render shows it again. */
export const practiceMemory = renderMemory<PracticeView>("practice");

/**
 * The running session: the question on screen, its bookmark toggle and "Finish". "Next question" replaces the
 * view with the one its reply carries; keying by the sealed id starts the next question with nothing chosen.
 * What is on screen is noted under the server render's `renderId` (render-memory.ts), so Back to this page from a
 * rule link shows the question and its feedback as they were, not the render the client router cached.
 */
export function PracticeScreen({
  initial,
  renderId,
  arrived = false,
}: {
  initial: PracticeView;
  renderId: string;
  /** The first question was just started (not a page rendered or replayed): bring it into view. */
  arrived?: boolean;
}) {
  const [view, setView] = useState(() => practiceMemory.recall(renderId) ?? initial);
  // The question Start or Next just brought: it scrolls to its top and takes the focus.
  const [arrivedId, setArrivedId] = useState<string | null>(arrived ? initial.questionId : null);
  // A new server render (a refresh or a navigation here) brings the session as stored: it wins.
  const [rendered, setRendered] = useState(renderId);
  if (rendered !== renderId) {
    setRendered(renderId);
    setView(initial);
    setArrivedId(null);
  }
  const show = useCallback(
    (next: PracticeView) => {
      practiceMemory.remember(renderId, next);
      setView(next);
    },
    [renderId],
  );
  const onNext = useCallback(
    (next: PracticeView) => {
      setArrivedId(next.questionId);
      show(next);
    },
    [show],
  );
  const lastAnswered =
    view.answered !== null && view.progress.limit !== null && view.progress.number >= view.progress.limit;
  return (
    <>
      <PracticeQuestion
        key={view.questionId}
        view={view}
        arrived={arrivedId === view.questionId}
        onAnswered={(feedback) => show(answeredView(view, feedback))}
        onNext={onNext}
      />
      <BookmarkButton
        key={`bookmark-${view.questionId}`}
        where="practice"
        sessionId={view.sessionId}
        questionId={view.questionId}
        bookmarked={view.bookmarked}
      />
      {/* After the last question's answer, its "See the summary" does what Finish would: one button, not two. */}
      {lastAnswered ? null : <FinishButton sessionId={view.sessionId} />}
    </>
  );
}
