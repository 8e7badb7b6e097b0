"use client";

import { OpenInLab } from "@/app/components/open-in-lab";
import { SolutionView } from "@/app/components/solution-view";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type SubmitEvent } from "react";
import type { AnswerOutcome } from "@/lib/grading/outcome";
import type { QuestionForClient } from "@/lib/scenario/question";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";
import type { ReviewPageUpdate } from "./deck-row";
import { rateAndShowNext } from "./actions";
import { forgetOnScreen, rememberOnScreen } from "./on-screen-cookie";
import { renderMemory } from "@/app/practice/render-memory";
import { useReviewLive } from "./review-live";
import { isTypingTarget } from "./typing-target";

type Rating = "again" | "hard" | "good" | "easy";
type Interval = { rating: Rating; due: string; label: string };
export type AnsweredCard = {
  outcome: AnswerOutcome;
  rating: string;
  nextDue: string;
  intervals: readonly Interval[];
  allowed: readonly string[];
};
type Props = {
  skillId: string;
  question: Pick<QuestionForClient, "id" | "options" | "multiSelect">;
  /** The card was answered already (a refresh or reload after the answer): show its feedback. */
  answered?: (AnsweredCard & { response: readonly string[] }) | undefined;
  /** Where the lab link says the question was served ("review:P3"), when the question has a network to open. */
  labFrom?: string | undefined;
};

/** A card answered on the page, per server render and question: Back to that render shows it answered. */
const cardMemory = renderMemory<{ selected: string[]; answered: AnsweredCard }>("review-card");

const RATINGS: readonly { rating: Rating; label: string; key: string }[] = [
  { rating: "again", label: "Again", key: "1" },
  { rating: "hard", label: "Hard", key: "2" },
  { rating: "good", label: "Good", key: "3" },
  { rating: "easy", label: "Easy", key: "4" },
];

function ratingLabel(rating: string): string {
  return RATINGS.find((entry) => entry.rating === rating)?.label ?? rating;
}

/**
 * Answers one review card, then rates it as in Anki. One request: the server grades the answer and stores it with
 * the automatic rating (wrong: Again, right: Good), so nothing is lost if the learner leaves, and the feedback
 * says which rating it has. After a right answer the four buttons show the interval each rating gives, and
 * choosing one (click or keys 1–4) replaces that rating and moves to the next card, also in one request (a
 * server action whose response carries the page with the next card). A wrong answer can only be rated Again, so
 * it gets no buttons, only Next card (and the page's Undo). Space submits the chosen answer, and after the
 * answer accepts the rating shown.
 */
export function ReviewForm({ skillId, question, answered: shown, labFrom }: Props) {
  const router = useRouter();
  const live = useReviewLive();
  // Back to this render after the answer (from a rule link) shows the answer and its feedback as they were.
  const memoryKey = live ? `${live.renderId}:${question.id}` : null;
  const [restored] = useState(() => (memoryKey === null ? undefined : cardMemory.recall(memoryKey)));
  const [selected, setSelected] = useState<string[]>(
    restored?.selected ?? (shown ? [...shown.response] : []),
  );
  const [answered, setAnswered] = useState<AnsweredCard | null>(restored?.answered ?? shown ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(new Date().toISOString());
  const multi = question.multiSelect === true;
  const solution = answered?.outcome.solution;

  const submit = useCallback(async (): Promise<void> => {
    if (selected.length === 0 || busy || answered !== null) return;
    setBusy(true);
    setError(null);
    const result = await postJson<AnsweredCard & { page: ReviewPageUpdate }>("/api/review/answer", {
      skillId,
      questionId: question.id,
      response: selected,
      shownAt: shownAt.current,
    });
    setBusy(false);
    if (!result.ok) {
      setError(forPerson(result.error));
      return;
    }
    const { page, ...card } = result.data;
    setAnswered(card);
    if (memoryKey !== null) cardMemory.remember(memoryKey, { selected, answered: card });
    // One request: the reply carries the counters, this card's deck row and the Undo label. The cookie keeps
    // this card and its feedback on screen through a reload, until "Next card".
    live?.apply(page);
    rememberOnScreen({ skillId, questionId: question.id, response: selected });
  }, [answered, busy, live, memoryKey, question.id, selected, skillId]);

  function onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void submit();
  }

  const nextCard = useCallback((): void => {
    forgetOnScreen();
    router.refresh();
  }, [router]);

  const rate = useCallback(
    async (rating: Rating): Promise<void> => {
      if (answered === null || busy || !answered.allowed.includes(rating)) return;
      if (rating === answered.rating) {
        nextCard();
        return;
      }
      setBusy(true);
      setError(null);
      // One request: the action re-rates the review and its response carries the page with the next card. The
      // on-screen cookie goes first so that render shows the next card; it comes back if the rating failed.
      forgetOnScreen();
      const result = await rateAndShowNext({ skillId, questionId: question.id, rating }).catch(() => ({
        ok: false as const,
        error: "Could not reach the server. Nothing was lost; try again.",
      }));
      setBusy(false);
      if (!result.ok) {
        rememberOnScreen({ skillId, questionId: question.id, response: selected });
        setError(forPerson(result.error));
      }
    },
    [answered, busy, nextCard, question.id, selected, skillId],
  );

  // Anki's keys: Space reveals (here: submits the chosen answer) and then accepts the rating; 1–4 rate.
  // Keys typed into a text field, and Space on a control that uses it (a button, a checkbox, an unchecked
  // radio), keep their usual meaning.
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === " ") {
        const target = event.target as HTMLElement | null;
        const usesSpace =
          target instanceof HTMLButtonElement ||
          target instanceof HTMLAnchorElement ||
          (target instanceof HTMLInputElement && (target.type === "checkbox" || !target.checked));
        if (usesSpace) return;
        event.preventDefault();
        if (answered === null) void submit();
        else nextCard();
        return;
      }
      const choice = RATINGS.find((entry) => entry.key === event.key);
      if (choice !== undefined && answered !== null) {
        event.preventDefault();
        void rate(choice.rating);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [answered, nextCard, rate, submit]);

  function toggle(id: string): void {
    setSelected((current) =>
      multi ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
    );
  }

  return (
    <form onSubmit={onSubmit} className="try-it-form review-form">
      <fieldset disabled={busy || answered !== null}>
        <legend className="sr-only">
          {multi ? "Choose as many answers as the question states" : "Choose one answer"}
        </legend>
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
          <button
            type="submit"
            className="button"
            disabled={busy || selected.length === 0}
            aria-keyshortcuts="Space"
          >
            Check answer
          </button>
          <span className="review-muted review-keys key-hint">Space checks the chosen answer</span>
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
              {answered.outcome.correct ? "Correct." : "Not this time."}
            </p>
            {/* The answer is already saved with its rating: say which, rather than offer the buttons as unrated. */}
            <p className="review-rated" data-testid="rated" data-current-rating={answered.rating}>
              {answered.outcome.correct ? (
                <>
                  Rated <strong>{ratingLabel(answered.rating)}</strong> for now; the buttons below the
                  explanation change it if the card was harder or easier than that.
                </>
              ) : (
                <>
                  Rated <strong>Again</strong>: a wrong answer can only be rated Again, so the card comes back
                  soon. Undo (below) takes the answer back.
                </>
              )}
            </p>
            {solution ? <SolutionView solution={solution} showTrace={false} /> : null}
            {answered.outcome.correct ? (
              <div className="review-rating-buttons" role="group" aria-label="Change the rating">
                {RATINGS.map(({ rating, label, key }) => {
                  const interval = answered.intervals.find((entry) => entry.rating === rating);
                  const current = answered.rating === rating;
                  // The name starts with the rating ("Good, next in <10m"); the key is aria-keyshortcuts.
                  return (
                    <button
                      key={rating}
                      type="button"
                      className={`button rating-${rating}${current ? "" : " secondary"}`}
                      disabled={busy || !answered.allowed.includes(rating)}
                      aria-pressed={current}
                      aria-keyshortcuts={key}
                      data-rating={rating}
                      onClick={() => void rate(rating)}
                    >
                      <span className="rating-label">
                        {label}
                        <span aria-hidden="true">
                          {" "}
                          <kbd>{key}</kbd>
                        </span>
                      </span>
                      <span className="rating-interval">
                        <span className="sr-only">, next in </span>
                        <span data-interval={rating}>{interval?.label ?? ""}</span>
                      </span>
                    </button>
                  );
                })}
              </div>
            ) : null}
            <div className="try-it-actions review-rating">
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={nextCard}
                aria-keyshortcuts="Space"
              >
                Next card
              </button>
              <span className="review-muted review-keys">
                {answered.outcome.correct ? (
                  <>
                    <span className="key-hint">Keys 1–4 rate and show the next card; </span>
                    Next card <span className="key-hint">(Space) </span>keeps{" "}
                    <strong>{ratingLabel(answered.rating)}</strong>.
                  </>
                ) : (
                  <span className="key-hint">Space shows the next card.</span>
                )}
                <span className="key-hint"> Ctrl+Z undoes the last rating.</span>
              </span>
            </div>
            {/* Rendered with the feedback, not by the server page: the answer is one request, with no refresh. */}
            {labFrom !== undefined ? <OpenInLab questionId={question.id} from={labFrom} /> : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
