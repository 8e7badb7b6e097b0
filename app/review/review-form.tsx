"use client";

import { SolutionView } from "@/app/components/solution-view";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { AnswerOutcome } from "@/lib/grading/outcome";
import type { QuestionForClient } from "@/lib/scenario/question";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";
import { forgetOnScreen, rememberOnScreen } from "./on-screen-cookie";

type Answered = { outcome: AnswerOutcome; rating: string; nextDue: string };
type Props = {
  skillId: string;
  question: Pick<QuestionForClient, "id" | "options" | "multiSelect">;
  /** The card was answered already (a refresh or reload after the answer): show its feedback. */
  answered?: (Answered & { response: readonly string[] }) | undefined;
};

const RATING_LABEL: Record<string, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

/** Answers one review card: the server grades it and rates it (wrong: Again, right: Good); after a right
 * answer the learner may say it was Hard or Easy instead. */
export function ReviewForm({ skillId, question, answered: shown }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>(shown ? [...shown.response] : []);
  const [answered, setAnswered] = useState<Answered | null>(shown ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(new Date().toISOString());
  const multi = question.multiSelect === true;
  const solution = answered?.outcome.solution;

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (selected.length === 0) return;
    setBusy(true);
    setError(null);
    const result = await postJson<Answered>("/api/review/answer", {
      skillId,
      questionId: question.id,
      response: selected,
      shownAt: shownAt.current,
    });
    setBusy(false);
    if (!result.ok) return setError(forPerson(result.error));
    setAnswered(result.data);
    // The card stays on screen while the counters, deck table and Undo label catch up.
    rememberOnScreen({ skillId, questionId: question.id, response: selected });
    router.refresh();
  }

  function nextCard(): void {
    forgetOnScreen();
    router.refresh();
  }

  async function rate(rating: "hard" | "easy"): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await postJson<{ rating: string; nextDue: string }>("/api/review/rate", {
      skillId,
      questionId: question.id,
      rating,
    });
    setBusy(false);
    if (result.ok && answered) {
      setAnswered({ ...answered, ...result.data });
      router.refresh();
    } else if (!result.ok) setError(forPerson(result.error));
  }

  function toggle(id: string): void {
    setSelected((current) =>
      multi ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
    );
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="try-it-form review-form">
      <fieldset disabled={busy || answered !== null}>
        <legend className="sr-only">{multi ? "Choose all that apply" : "Choose one answer"}</legend>
        {question.options.map((option) => (
          <label
            key={option.id}
            className={`option${solution?.key.includes(option.id) ? " option-key" : ""}`}
            data-option-id={option.id}
          >
            <input
              type={multi ? "checkbox" : "radio"}
              name={question.id}
              value={option.id}
              checked={selected.includes(option.id)}
              onChange={() => toggle(option.id)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </fieldset>
      {answered === null ? (
        <div className="try-it-actions">
          <button type="submit" className="button" disabled={busy || selected.length === 0}>
            Check answer
          </button>
        </div>
      ) : null}
      <div aria-live="polite" className="try-it-feedback">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {answered ? (
          <>
            <p
              className={answered.outcome.correct ? "verdict ok" : "verdict bad"}
              data-verdict={answered.outcome.correct ? "correct" : "incorrect"}
            >
              {answered.outcome.correct ? "Correct." : "Not this time."} Rated{" "}
              <strong data-rating={answered.rating}>
                {RATING_LABEL[answered.rating] ?? answered.rating}
              </strong>
              ; next review {new Date(answered.nextDue).toLocaleString()}.
            </p>
            {solution ? <SolutionView solution={solution} showTrace={false} /> : null}
            <div className="try-it-actions review-rating">
              {answered.outcome.correct ? (
                <>
                  <span>How did it feel?</span>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy || answered.rating === "hard"}
                    onClick={() => void rate("hard")}
                  >
                    Hard
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy || answered.rating === "easy"}
                    onClick={() => void rate("easy")}
                  >
                    Easy
                  </button>
                </>
              ) : null}
              <button type="button" className="button" disabled={busy} onClick={nextCard}>
                Next card
              </button>
            </div>
          </>
        ) : null}
      </div>
    </form>
  );
}
