"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { postJson } from "@/app/http/post-json";
import type { ClassroomView } from "@/lib/classroom/classroom-view";
import { applyLiveMessage, type LiveMessage } from "@/lib/classroom/live-view";
import { OpenInLab } from "@/app/components/open-in-lab";
import { forPerson } from "@/app/practice/for-person";
import { AnswerForm } from "./answer-form";
import { HostTiles } from "./option-tiles";
import { LeaderboardTable, Podium, RevealPanel } from "./round-results";

/** Only when the push channel cannot be used (no EventSource, or the stream was refused). */
const FALLBACK_POLL_MS = 2000;
const EVENT_TYPES: readonly LiveMessage["type"][] = [
  "sync",
  "joined",
  "left",
  "removed",
  "question",
  "answers",
  "reveal",
  "result",
  "leaderboard",
  "finished",
];

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
  /** `renderedQuestionId` when that question has a network: the reveal offers it in the lab. */
  networkQuestionId?: string | null;
  joinLink: string;
  /** The join link as a QR code (SVG rendered on the server), for the teacher's lobby. */
  joinQrSvg: string | null;
  /** The server-rendered stem of `renderedQuestionId`: the answer tiles come right under it. */
  stem?: ReactNode;
  /** Its diagram and exhibit, when it has them: below the tiles, folded on a player's phone during the round. */
  children?: ReactNode;
};

/**
 * The live screen of a game, for the teacher's projector or a player's phone. Changes arrive pushed over
 * Server-Sent Events and are applied to the view; every change of state happens on the server, this only shows
 * the view and sends the teacher's steps and the player's answer. `stem` and `children` (diagram and exhibit) are
 * server-rendered for `renderedQuestionId`; a new question asks the server for a fresh render.
 *
 * A round lasts 20–30 s: the countdown sticks to the top of the screen, and the stem and the answer tiles come
 * first, so a phone shows them without scrolling and the projector shows stem, tiles and clock on one screen. The
 * diagram and exhibit follow the tiles; a player's phone folds them during the round (the projector shows them).
 */
export function ClassroomLive({
  initial,
  renderedQuestionId,
  networkQuestionId = null,
  joinLink,
  joinQrSvg,
  stem = null,
  children = null,
}: Props) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const [clock, setClock] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState(false);
  const refreshedFor = useRef(renderedQuestionId);
  const finished = view.phase === "finished";

  useEffect(() => {
    if (finished || removed) return;
    let stopped = false;
    let poller: ReturnType<typeof setInterval> | null = null;
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
    const startPolling = () => {
      poller ??= setInterval(() => void poll(), FALLBACK_POLL_MS);
    };
    let source: EventSource | null = null;
    if (typeof EventSource === "undefined") startPolling();
    else {
      source = new EventSource(`/classroom/api/${view.joinCode}/events`);
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (event) => {
          const data = JSON.parse((event as MessageEvent<string>).data) as LiveMessage["data"];
          const message = { type, data } as LiveMessage;
          if (type === "removed") setRemoved(true);
          if (type === "sync" || type === "question") setReceivedAt(Date.now());
          setView((current) => applyLiveMessage(current, message));
        });
      }
      // EventSource reconnects by itself (sending Last-Event-ID); a stream the server refused stays closed.
      source.addEventListener("error", () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
      });
    }
    const ticker = setInterval(() => setClock(Date.now()), 250);
    return () => {
      stopped = true;
      source?.close();
      if (poller !== null) clearInterval(poller);
      clearInterval(ticker);
    };
  }, [view.joinCode, finished, removed]);

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
    } else setError(forPerson(result.error));
  }

  async function sendAnswer(optionIds: string[]): Promise<void> {
    setBusy(true);
    const questionId = view.question?.id;
    const result = await postJson<{ answered: string[] }>(`/classroom/api/${view.joinCode}/answer`, {
      questionId,
      optionIds,
    });
    setBusy(false);
    if (result.ok) {
      setError(null);
      // The last answer closes the question: the reveal is often pushed before this reply arrives, and it must
      // still show this player's choice (C2), so the reply is kept for the same question in any phase.
      setView((current) =>
        current.you && current.question?.id === questionId
          ? { ...current, you: { ...current.you, response: result.data.answered } }
          : current,
      );
    } else setError(forPerson(result.error));
  }

  if (removed) {
    return (
      <p className="notice" role="status" data-testid="removed">
        The teacher removed you from this game. You can join again with another name.
      </p>
    );
  }

  const isTeacher = view.role === "teacher";
  const elapsed = receivedAt !== null && clock !== null ? Math.max(0, clock - receivedAt) : 0;
  const remainingMs = view.question ? Math.max(0, view.question.remainingMs - elapsed) : 0;
  const remainingSeconds = Math.ceil(remainingMs / 1000);
  const share = view.question && view.question.timeLimitMs > 0 ? remainingMs / view.question.timeLimitMs : 0;
  const showsQuestion = view.phase === "question" || view.phase === "grading" || view.phase === "reveal";
  const myChoice = view.you?.response ?? null;
  const timeUp = view.phase === "question" && remainingMs === 0 && receivedAt !== null;
  // The answer tiles wait for the question's text: options are never shown before the stem they answer.
  const rendered = questionId === renderedQuestionId;
  const rejoinCode =
    view.you?.rejoinCode && view.phase !== "finished" ? (
      <p className="classroom-rejoin">
        Your rejoin code: <strong data-testid="rejoin-code">{view.you.rejoinCode}</strong> — keep it to carry
        on from another browser under your name.
      </p>
    ) : null;

  return (
    <div
      className={`classroom ${isTeacher ? "classroom-host" : "classroom-player"}`}
      data-phase={view.phase}
      data-role={view.role}
      data-stage={view.stage}
    >
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
            <div className="classroom-lobby-join">
              <p className="classroom-bigcode" aria-label={`Join code ${view.joinCode.split("").join(" ")}`}>
                {view.joinCode}
              </p>
              {joinQrSvg ? (
                <div
                  className="classroom-qr"
                  role="img"
                  aria-label="QR code of the join link"
                  data-testid="join-qr"
                  dangerouslySetInnerHTML={{ __html: joinQrSvg }}
                />
              ) : null}
              <p>
                Players join at{" "}
                <a href={joinLink} data-testid="join-link">
                  {joinLink}
                </a>
              </p>
              <p>
                {/* A new tab, so the keys open on the teacher's own screen and the projected lobby stays as it is. */}
                <a
                  href={`/classroom/${view.joinCode}/preview`}
                  target="_blank"
                  rel="noopener"
                  data-testid="preview-link"
                >
                  Preview the questions and their keys (opens in a new tab; keep it off the projector)
                </a>
              </p>
            </div>
          ) : (
            <p>You are in. The game starts when the teacher opens the first question.</p>
          )}
          <h2 id="players-title">
            Players (<span data-testid="player-count">{view.playerCount}</span>)
          </h2>
          {isTeacher ? (
            <ul className="classroom-players" data-testid="players">
              {view.players.map((player) => (
                <li key={player.displayName}>
                  <span className="classroom-player-name">{player.displayName}</span>
                  <button
                    type="button"
                    className="classroom-remove"
                    aria-label={`Remove ${player.displayName}`}
                    onClick={() => void send({ action: "remove", displayName: player.displayName })}
                    disabled={busy}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="classroom-scoring" data-testid="scoring">
            {view.scoring.description}
          </p>
        </section>
      ) : null}

      {/* Not between the clock and the answers while a question is open: it follows them then. */}
      {view.phase !== "question" ? rejoinCode : null}

      {showsQuestion ? (
        <>
          {view.phase === "question" ? (
            <div className="classroom-timer" role="timer" data-testid="time-left">
              <div className="classroom-countdown" aria-hidden="true">
                <span style={{ width: `${Math.round(share * 1000) / 10}%` }} />
              </div>
              <p>
                <span data-testid="seconds-left">{remainingSeconds}</span> s left
                {/* Host and players alike see the room's progress; a late joiner is not in it. */}
                {view.question ? (
                  <>
                    {" "}
                    · <span data-testid="answer-count">{view.question.answeredCount}</span> of{" "}
                    <span data-testid="expected-count">{view.question.expectedCount}</span> answered
                  </>
                ) : null}
              </p>
            </div>
          ) : null}
          {rendered ? stem : <p>Loading the question…</p>}
          {/* A phone folds the network during the round: say where to read it (the projector, or unfold it). */}
          {!isTeacher && view.phase === "question" && rendered && children !== null ? (
            <p className="classroom-hint" data-testid="exhibit-hint">
              The network is on the main screen; or open{" "}
              <a
                href="#classroom-exhibit"
                onClick={() => {
                  const details = document.getElementById("classroom-exhibit");
                  if (details instanceof HTMLDetailsElement) details.open = true;
                }}
              >
                Diagram and exhibit
              </a>{" "}
              below the answers.
            </p>
          ) : null}
          {isTeacher && view.phase === "question" && view.question && rendered ? (
            <HostTiles options={view.question.options} />
          ) : null}
          {!isTeacher && view.phase === "question" && view.question ? (
            view.you?.waitsForNext ? (
              <p className="notice" data-testid="waits-for-next">
                You joined during this question: you play from the next one.
              </p>
            ) : myChoice === null ? (
              !rendered ? null : timeUp ? (
                <p className="notice" data-testid="time-up">
                  Time&apos;s up.
                </p>
              ) : (
                <AnswerForm
                  key={view.question.id}
                  question={view.question}
                  busy={busy}
                  onSubmit={(optionIds) => void sendAnswer(optionIds)}
                />
              )
            ) : (
              <p className="notice" data-testid="answer-sent">
                Answer sent:{" "}
                {view.question.options
                  .filter((option) => myChoice.includes(option.id))
                  .map((option) => option.text)
                  .join(", ")}
                . Wait for the others or the end of the time.
              </p>
            )
          ) : null}
          {view.phase === "reveal" && view.reveal && view.question ? (
            <RevealPanel
              reveal={view.reveal}
              options={view.question.options}
              answeredCount={view.question.answeredCount}
              isPlayer={!isTeacher}
              yourChoice={isTeacher ? null : myChoice}
            />
          ) : null}
          {view.phase === "reveal" && view.question && view.question.id === networkQuestionId ? (
            <OpenInLab questionId={view.question.id} from={`classroom:${view.joinCode}`} />
          ) : null}
          {rendered && children !== null ? (
            // Keyed by question and phase: the projector opens it, a phone opens it once the round is over.
            <details
              key={`${questionId}-${view.phase === "question" ? "round" : "after"}`}
              className="classroom-exhibit"
              id="classroom-exhibit"
              open={isTeacher || view.phase !== "question"}
              data-testid="classroom-exhibit"
            >
              <summary>Diagram and exhibit</summary>
              {children}
            </details>
          ) : null}
          {view.phase === "question" ? rejoinCode : null}
        </>
      ) : null}

      {view.you && (view.phase === "reveal" || view.phase === "leaderboard" || finished) ? (
        <p className="classroom-standing" data-testid="standing">
          <span>
            <strong data-testid="my-points">{view.you.points}</strong> points
          </span>
          <span>
            rank <strong data-testid="my-rank">{view.you.rank}</strong> of {view.playerCount}
          </span>
          <span>
            streak <strong data-testid="my-streak">{view.you.streak}</strong>
          </span>
        </p>
      ) : null}

      {finished && view.leaderboard ? <Podium entries={view.leaderboard} /> : null}
      {finished && isTeacher ? (
        <p>
          <a href={`/classroom/${view.joinCode}/report`} data-testid="report-link">
            Report per question and per player (with CSV export)
          </a>
        </p>
      ) : null}
      {view.leaderboard ? (
        <LeaderboardTable
          entries={view.leaderboard}
          title={finished ? "Final leaderboard" : view.phase === "leaderboard" ? null : "Leaderboard"}
        />
      ) : null}

      {isTeacher && !finished ? (
        <div className="classroom-controls try-it-actions">
          {view.phase === "lobby" || (view.phase === "leaderboard" && view.hasNextQuestion) ? (
            <button
              type="button"
              className="button"
              disabled={busy || view.playerCount === 0}
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
