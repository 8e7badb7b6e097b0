import { SolutionView } from "@/app/components/solution-view";
import type { AnswerOutcome } from "@/lib/grading/outcome";

/** Right or wrong, why each option is right or wrong, the rules and the model's trace (server-rendered). */
export function FeedbackDetails({ outcome }: { outcome: AnswerOutcome }) {
  const solution = outcome.solution;
  return (
    <div className="feedback" aria-live="polite">
      <p
        className={outcome.correct ? "verdict ok" : "verdict bad"}
        data-verdict={outcome.correct ? "correct" : "incorrect"}
      >
        {outcome.correct ? "Correct." : "Not quite."}
      </p>
      {solution ? <SolutionView solution={solution} /> : null}
    </div>
  );
}
