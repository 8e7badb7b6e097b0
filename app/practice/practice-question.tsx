"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { OpenInLab } from "@/app/components/open-in-lab";
import { QuestionExhibit } from "@/app/components/question-exhibit";
import { SolutionView } from "@/app/components/solution-view";
import { TopologyDiagram } from "@/app/components/topology-diagram";
import { postJson } from "@/app/http/post-json";
import type { PathHighlight } from "@/lib/diagram/diagram";
import type { PracticeFeedback } from "./feedback";
import { forPerson } from "./for-person";
import type { PracticeView } from "./practice-view";
import { useHydrated } from "./use-hydrated";
import { isTypingTarget } from "@/app/review/typing-target";
import { choiceCountProblem, statedChoiceCount } from "@/lib/scenario/answer-instruction";

type Props = {
  view: PracticeView;
  /** Start or "Next question" just brought this question: scroll to its top and move the focus to its heading. */
  arrived?: boolean;
  /** The answer was graded: the parent notes the feedback with the view (Back to this page shows it again). */
  onAnswered?: (feedback: PracticeFeedback) => void;
  /** "Next question" brought the next question (the parent swaps the view and keys this component by it). */
  onNext: (next: PracticeView) => void;
};

const LETTERS = "abcdef";

/** Index of the option a key picks: 1–9, or a–f. */
export function optionIndexForKey(key: string): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  const letter = LETTERS.indexOf(key.toLowerCase());
  return key.length === 1 && letter >= 0 ? letter : null;
}

function toHighlight(feedback: PracticeFeedback | undefined): PathHighlight | undefined {
  return feedback?.highlight
    ? { nodes: new Map(feedback.highlight.nodes), edges: new Map(feedback.highlight.edges) }
    : undefined;
}

/**
 * One practice question: options, submit, feedback, next. The answer is one request whose reply carries the
 * verdict, key, explanation and path; "Next question" is one request whose reply carries the next question
 * (redacted). No page refresh either way. The parent keys this component by question, so the next question
 * starts with nothing chosen. Keys: 1–9 or a–f choose, Enter submits, N goes on.
 */
export function PracticeQuestion({ view, arrived = false, onAnswered, onNext }: Props) {
  const router = useRouter();
  const { sessionId, questionId, options, multiSelect, diagram, progress, answered } = view;
  const [feedback, setFeedback] = useState<PracticeFeedback | undefined>(answered ?? undefined);
  const [selected, setSelected] = useState<readonly string[]>(answered?.response ?? []);
  const [error, setError] = useState<string | null>(null);
  // "Choose an answer first." / "This question asks for two answers; you chose one.": said before sending, so
  // a short pick is not graded as wrong (uxr5 findings 4 and 15). The server refuses it too.
  const [hint, setHint] = useState<string | null>(null);
  const wanted = statedChoiceCount({ stem: view.stem, multiSelect });
  const [busy, setBusy] = useState(false);
  const locked = busy || feedback !== undefined;
  const counted = feedback !== undefined && answered === null;
  const right = progress.right + (counted && feedback.correct ? 1 : 0);
  const graded = progress.answered + (counted ? 1 : 0);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  // Set by a submit that got its verdict: the Next button, where Submit was, takes the focus (uxr4 N3: a mouse
  // Submit removed the focused button and left the focus on <body>, so Tab started again at "Skip to content").
  const answeredNow = useRef(false);
  // Until hydrated a click would be lost: the options show as not ready (disabled) until they work.
  const ready = useHydrated();

  // A new question opens at its top (the heading and the stem), wherever the last one left the page scrolled,
  // and the focus moves there so a screen reader reads it from the start. A page rendered or replayed by Back
  // keeps the browser's own scroll position.
  useEffect(() => {
    if (!arrived) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "start" });
  }, [arrived]);

  // uxr6 nit 14: a choice not yet submitted survives a reload (the exam keeps its ticks on the server; practice
  // grades only on Submit, so the draft stays in this tab). Only option ids are kept: no key is ever stored.
  const draftKey = `practice-choice:${sessionId}:${questionId}`;
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (answered !== null) return;
    try {
      const kept: unknown = JSON.parse(window.sessionStorage.getItem(draftKey) ?? "null");
      const known = new Set(options.map((option) => option.id));
      if (
        Array.isArray(kept) &&
        kept.every((id) => typeof id === "string" && known.has(id)) &&
        kept.length > 0
      )
        setSelected(kept as string[]);
    } catch {
      // Storage refused or a bad draft: start with nothing chosen.
    }
    setRestored(true);
  }, [draftKey, answered, options]);
  useEffect(() => {
    if (!restored) return;
    try {
      if (feedback === undefined && selected.length > 0)
        window.sessionStorage.setItem(draftKey, JSON.stringify(selected));
      else window.sessionStorage.removeItem(draftKey);
    } catch {
      // Storage refused: the choice simply does not survive a reload.
    }
  }, [restored, draftKey, selected, feedback]);

  const toggle = useCallback(
    (id: string) => {
      setHint(null);
      setSelected((current) =>
        multiSelect ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id],
      );
    },
    [multiSelect],
  );

  const submit = useCallback(async () => {
    if (locked) return;
    const problem = choiceCountProblem({ stem: view.stem, multiSelect }, selected);
    if (problem !== undefined) {
      setHint(problem);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await postJson<{ feedback: PracticeFeedback }>("/practice/api", {
      action: "answer",
      sessionId,
      questionId,
      response: selected,
    });
    setBusy(false);
    if (result.ok) {
      answeredNow.current = true;
      setFeedback(result.data.feedback);
      onAnswered?.(result.data.feedback);
    } else setError(forPerson(result.error));
  }, [locked, selected, sessionId, questionId, onAnswered, view.stem, multiSelect]);

  useEffect(() => {
    if (!feedback || !answeredNow.current) return;
    answeredNow.current = false;
    nextButton.current?.focus({ preventScroll: true });
  }, [feedback]);

  const next = useCallback(async () => {
    if (feedback === undefined || busy) return;
    setBusy(true);
    setError(null);
    const result = await postJson<{ finished: boolean; question?: PracticeView }>("/practice/api", {
      action: "next",
      sessionId,
    });
    if (!result.ok) {
      setBusy(false);
      setError(forPerson(result.error));
      return;
    }
    if (result.data.finished || result.data.question === undefined) router.push(`/practice/${sessionId}`);
    else onNext(result.data.question);
  }, [feedback, busy, onNext, router, sessionId]);

  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Nothing while the learner types into a field; N works from anywhere else (the site nav included).
      if (isTypingTarget(event.target)) return;
      if (event.key === "n" || event.key === "N") {
        if (feedback) {
          event.preventDefault();
          void next();
        }
        return;
      }
      // Enter and the option keys keep their own meaning on a focused button or link (Enter activates it).
      const target = event.target as HTMLElement | null;
      if (target?.tagName === "BUTTON" || target?.tagName === "A") return;
      if (event.key === "Enter") {
        event.preventDefault();
        if (feedback) void next();
        else void submit();
        return;
      }
      const index = optionIndexForKey(event.key);
      const option = index === null ? undefined : options[index];
      if (option && !locked) {
        event.preventDefault();
        toggle(option.id);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [feedback, locked, next, options, submit, toggle]);

  return (
    <>
      <h2 className="practice-progress" data-testid="practice-progress" ref={heading} tabIndex={-1}>
        Question {progress.number}
        {progress.limit === null ? "" : ` of ${progress.limit}`} · {right} right of {graded} answered
      </h2>
      <section
        className="card practice-question"
        data-question-id={questionId}
        data-session-id={sessionId}
        aria-label="Question"
      >
        <p id={`${questionId}-stem`} className="stem" data-testid="stem">
          {view.stem}
        </p>
        {diagram ? (
          <TopologyDiagram
            diagram={diagram}
            title={feedback?.highlight ? "The path the model traced" : "Topology of the question"}
            highlight={toHighlight(feedback)}
            description={feedback?.diagramText}
          />
        ) : null}
        <QuestionExhibit exhibit={view.exhibit ?? undefined} />
        {feedback?.pathVerdict ? (
          <p
            className={feedback.pathVerdict.reachable ? "trace-verdict ok" : "trace-verdict bad"}
            data-testid="path-verdict"
          >
            {feedback.pathVerdict.text}
          </p>
        ) : null}
        <div className="practice-answer" data-testid="practice-answer" data-ready={ready}>
          <fieldset disabled={locked || !ready} aria-describedby={`${questionId}-choice-hint`}>
            <legend className="sr-only">
              {multiSelect ? "Choose as many answers as the question states" : "Choose one answer"}
            </legend>
            {options.map((option, index) => {
              const isKey = feedback?.key.includes(option.id) === true;
              const wrongPick = feedback !== undefined && !isKey && feedback.response.includes(option.id);
              return (
                <label
                  key={option.id}
                  className={`option${isKey ? " option-key" : ""}${wrongPick ? " option-wrong" : ""}`}
                  data-option-id={option.id}
                >
                  <input
                    type={multiSelect ? "checkbox" : "radio"}
                    name={questionId}
                    value={option.id}
                    checked={selected.includes(option.id)}
                    onChange={() => toggle(option.id)}
                  />
                  <span className="option-shortcut key-hint" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span>{option.text}</span>
                </label>
              );
            })}
          </fieldset>
          <div className="try-it-actions">
            {feedback ? (
              <button
                type="button"
                className="button"
                onClick={() => void next()}
                disabled={busy}
                ref={nextButton}
                data-testid="next"
              >
                {/* The last question's "next" is the summary: say so. */}
                {progress.limit !== null && progress.number >= progress.limit
                  ? "See the summary"
                  : "Next question"}
                <span className="key-hint"> (N)</span>
              </button>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => void submit()}
                disabled={locked || selected.length === 0}
                data-testid="submit"
              >
                Submit<span className="key-hint"> (Enter)</span>
              </button>
            )}
          </div>
          <p className="shortcut-hint key-hint" data-testid="key-hints">
            Keys: 1–{Math.min(options.length, 9)} or a–{LETTERS[Math.min(options.length, 6) - 1]} choose,
            Enter submits, N next.
          </p>
          <p id={`${questionId}-choice-hint`} className="choice-hint" aria-live="polite">
            {hint ? (
              <span className="error" role="alert" data-testid="choice-hint">
                {hint}
              </span>
            ) : multiSelect && wanted !== undefined && feedback === undefined ? (
              <span className="muted" data-testid="choice-count">
                {selected.length} of {wanted} chosen
              </span>
            ) : null}
          </p>
          <div aria-live="polite">
            {error ? (
              <p className="error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        </div>
        <div className="feedback" aria-live="polite">
          {feedback ? (
            <>
              <p
                className={feedback.correct ? "verdict ok" : "verdict bad"}
                data-verdict={feedback.correct ? "correct" : "incorrect"}
              >
                {feedback.correct ? "Correct." : "Not quite."}
              </p>
              {feedback.solution ? <SolutionView solution={feedback.solution} /> : null}
              {diagram ? <OpenInLab questionId={questionId} from={`practice:${sessionId}`} /> : null}
            </>
          ) : null}
        </div>
      </section>
    </>
  );
}
