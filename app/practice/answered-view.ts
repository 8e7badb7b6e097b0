import type { PracticeFeedback } from "./feedback";
import type { PracticeView } from "./practice-view";

/**
 * The view of a question once its answer is graded, as the server renders it after a reload: the feedback with
 * it, and the answer counted in the progress line. Applying it twice counts once.
 */
export function answeredView(view: PracticeView, feedback: PracticeFeedback): PracticeView {
  if (view.answered !== null) return { ...view, answered: feedback };
  return {
    ...view,
    answered: feedback,
    progress: {
      ...view.progress,
      right: view.progress.right + (feedback.correct ? 1 : 0),
      answered: view.progress.answered + 1,
    },
  };
}
