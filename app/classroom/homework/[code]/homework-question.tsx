"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import { choiceCountProblem } from "@/lib/scenario/answer-instruction";
import type { QuestionOption } from "@/lib/scenario/question";
import type { HomeworkAnswerReply, HomeworkFeedback } from "../homework-service";
import { forPerson } from "@/app/practice/for-person";
import { HomeworkVerdict } from "./homework-verdict";

/**
 * One homework question: choose, send, then the server's verdict with the key and the explanation (they arrive
 * only in the reply), then on to the next question. The page keys this by question, so each starts empty.
 * The progress line above it takes its counts from each reply (uxr5 finding 5: it stayed at the page's counts
 * until a reload), and the last answer says "All done" at once.
 */
export function HomeworkQuestion({
  code,
  questionIndex,
  questionId,
  stem,
  options,
  multiSelect,
  displayName,
  questionCount,
  progress: initialProgress,
  intro,
  children,
}: {
  code: string;
  questionIndex: number;
  questionId: string;
  /** The stem, for "(Choose two.)": how many options to tick before sending. */
  stem: string;
  options: readonly QuestionOption[];
  multiSelect: boolean;
  displayName: string;
  questionCount: number;
  /** The counts when the page was rendered; each answer's reply replaces them. */
  progress: { answered: number; right: number };
  /** Shown between the progress line and the question. */
  intro?: ReactNode;
  /** The stem and diagram, rendered on the server. */
  children: ReactNode;
}) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<HomeworkFeedback | null>(null);
  const [finished, setFinished] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [progress, setProgress] = useState(initialProgress);

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const optionIds = new FormData(event.currentTarget).getAll("option").map(String);
    const short = choiceCountProblem({ stem, multiSelect }, optionIds);
    if (short !== undefined) {
      setError(short);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await postJson<HomeworkAnswerReply>("/classroom/homework/api", {
      action: "answer",
      code,
      questionIndex,
      questionId,
      optionIds,
    });
    setBusy(false);
    if (result.ok) {
      setFeedback(result.data.feedback);
      setFinished(result.data.finished);
      setProgress(result.data.progress);
    } else setError(forPerson(result.error));
  }

  return (
    <>
      <p data-testid="homework-student">
        Answering as {displayName}: {progress.answered} of {questionCount} answered, {progress.right} right.
      </p>
      {intro}
      <section aria-labelledby="homework-question-title">
        <h2 id="homework-question-title">
          Question {questionIndex + 1} of {questionCount}
        </h2>
        {children}
        <form onSubmit={(event) => void submit(event)} data-testid="homework-answer-form">
          <fieldset disabled={busy || feedback !== null}>
            <legend>{multiSelect ? "Choose as many answers as the question states" : "Choose one"}</legend>
            <div className="homework-options">
              {options.map((option) => (
                <label key={option.id} className="option">
                  <input
                    type={multiSelect ? "checkbox" : "radio"}
                    name="option"
                    value={option.id}
                    data-option-id={option.id}
                    required={!multiSelect}
                  />
                  <span>
                    {option.id.toUpperCase()}. {option.text}
                  </span>
                </label>
              ))}
            </div>
            {feedback === null ? (
              <button type="submit" className="button" data-testid="homework-submit">
                {busy ? "Sending…" : "Send answer"}
              </button>
            ) : null}
          </fieldset>
        </form>
        {error ? (
          <p className="error" role="alert" data-testid="homework-error">
            {error}
          </p>
        ) : null}
        {feedback !== null ? (
          <>
            <HomeworkVerdict feedback={feedback} />
            {finished ? (
              <p className="homework-all-done" role="status" data-testid="homework-done">
                All done: {progress.right} of {questionCount} right. Your teacher sees your results.
              </p>
            ) : null}
            <button
              type="button"
              className="button"
              disabled={refreshing}
              onClick={() => startRefresh(() => router.refresh())}
              data-testid="homework-next"
            >
              {finished ? "See your results" : "Next question"}
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}
