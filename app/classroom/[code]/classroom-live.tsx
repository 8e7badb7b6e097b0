"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { postJson } from "@/app/http/post-json";
import type { ClassroomView } from "@/lib/classroom/classroom-view";
import { AnswerForm } from "./answer-form";
import { LeaderboardTable, RevealPanel } from "./round-results";

const POLL_MS = 1000;

function headingOf(view: ClassroomView): string {
  if (view.phase === "lobby") return "Lobby";
  if (view.phase === "finished") return "Final results";
  if (view.phase === "leaderboard")
    return `Leaderboard after question ${view.questionNumber} of ${view.questionCount}`;
  return `Question ${view.questionNumber} of ${view.questionCount}`;
}

type Props = {
  initial: ClassroomView;
  renderedQuestionId: string | null;
  joinLink: string;
  children: ReactNode;
};

/**
 * The live screen of a game. It polls the server's view about once a second; every change of state happens on
 * the server, this only shows the view and sends the teacher's steps and the player's answer. `children` is the
 * server-rendered stem and diagram of `renderedQuestionId`; a new question asks the server for a fresh render.
 */
export function ClassroomLive({ initial, renderedQuestionId, joinLink, children }: Props) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const [clock, setClock] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refreshedFor = useRef(renderedQuestionId);
  const finished = view.phase === "finished";

  useEffect(() => {
    if (finished) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/classroom/api/${view.joinCode}`, { cache: "no-store" });
        const data = (await response.json()) as ClassroomView | { error: string };
        if (stopped) return;
        if ("error" in data) setError(data.error);
        else {
          setView(data);
          setReceivedAt(Date.now());
        }
      } catch {
        // A missed poll is retried by the next one.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    const ticker = setInterval(() => setClock(Date.now()), 250);
    return () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(ticker);
    };
  }, [view.joinCode, finished]);

  const questionId = view.question?.id ?? null;
  useEffect(() => {
    if (questionId !== null && questionId !== renderedQuestionId && refreshedFor.current !== questionId) {
      refreshedFor.current = questionId;
      router.refresh();
    }
  }, [questionId, renderedQuestionId, router]);

  async function send(body: Record<string, unknown>): Promise<void> {
    setBusy(true);
    const result = await postJson<ClassroomView>("/classroom/api", { joinCode: view.joinCode, ...body });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setView(result.data);
      setReceivedAt(Date.now());
    } else setError(result.error);
  }

  const isTeacher = view.role === "teacher";
  const elapsed = receivedAt !== null && clock !== null ? Math.max(0, clock - receivedAt) : 0;
  const remainingSeconds = view.question
    ? Math.ceil(Math.max(0, view.question.remainingMs - elapsed) / 1000)
    : 0;
  const showsQuestion = view.phase === "question" || view.phase === "grading" || view.phase === "reveal";
  const myChoice = view.you?.response ?? null;

  return (
    <div className="classroom" data-phase={view.phase} data-role={view.role} data-stage={view.stage}>
      <header className="classroom-header">
        <h1>{headingOf(view)}</h1>
        <p className="classroom-code">
          Join code <strong data-testid="join-code">{view.joinCode}</strong>
          {view.you ? <span> · playing as {view.you.displayName}</span> : null}
        </p>
      </header>

      {error ? (
        <p className="error" role="alert" data-testid="classroom-error">
          {error}
        </p>
      ) : null}

      {view.phase === "lobby" ? (
        <section aria-labelledby="players-title">
          {isTeacher ? (
            <p>
              Players join at{" "}
              <a href={joinLink} data-testid="join-link">
                {joinLink}
              </a>
            </p>
          ) : (
            <p>You are in. The game starts when the teacher opens the first question.</p>
          )}
          <h2 id="players-title">Players ({view.players.length})</h2>
          <ul className="classroom-players" data-testid="players">
            {view.players.map((player) => (
              <li key={player.displayName}>{player.displayName}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {showsQuestion ? (
        <>
          {view.phase === "question" ? (
            <p className="classroom-timer" role="timer" data-testid="time-left">
              {remainingSeconds} s left · {view.question?.answeredCount ?? 0} of {view.players.length}{" "}
              answered
            </p>
          ) : null}
          {questionId === renderedQuestionId ? children : <p>Loading the question…</p>}
          {!isTeacher && view.phase === "question" && view.question ? (
            myChoice === null ? (
              <AnswerForm
                key={view.question.id}
                question={view.question}
                busy={busy}
                onSubmit={(optionIds) =>
                  void send({ action: "answer", questionId: view.question?.id, optionIds })
                }
              />
            ) : (
              <p className="notice" data-testid="answer-sent">
                Answer sent:{" "}
                {view.question.options
                  .filter((option) => myChoice.includes(option.id))
                  .map((option) => option.text)
                  .join(", ")}
                . Wait for the teacher to close the question.
              </p>
            )
          ) : null}
          {view.phase === "reveal" && view.reveal && view.question ? (
            <RevealPanel reveal={view.reveal} options={view.question.options} />
          ) : null}
        </>
      ) : null}

      {view.leaderboard ? (
        <LeaderboardTable entries={view.leaderboard} title={finished ? "Final leaderboard" : "Leaderboard"} />
      ) : null}

      {isTeacher && !finished ? (
        <div className="classroom-controls try-it-actions">
          {view.phase === "lobby" || (view.phase === "leaderboard" && view.hasNextQuestion) ? (
            <button
              type="button"
              className="button"
              disabled={busy || view.players.length === 0}
              onClick={() => void send({ action: "open" })}
              data-testid="open-question"
            >
              Open question {view.questionNumber + 1}
            </button>
          ) : null}
          {view.phase === "question" ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void send({ action: "close" })}
              data-testid="close-question"
            >
              Close question
            </button>
          ) : null}
          {view.phase === "reveal" ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void send({ action: "leaderboard" })}
              data-testid="show-leaderboard"
            >
              Show leaderboard
            </button>
          ) : null}
          {view.phase === "leaderboard" && !view.hasNextQuestion ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void send({ action: "finish" })}
              data-testid="finish-game"
            >
              Show final results
            </button>
          ) : (
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void send({ action: "finish" })}
              data-testid="end-game"
            >
              End game now
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
