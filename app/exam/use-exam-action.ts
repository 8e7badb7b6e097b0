"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";
import { SaveQueue, type SaveOutcome } from "./save-queue";

/** Steps that bring another screen (another question, or the review screen and back). */
const MOVES = new Set(["next", "previous", "goto", "review.open", "review.close"]);
let arrivalPending = false;
/** The page's background saves; every step sent with `act` waits for them, so it reaches the server after them. */
let saveQueue: SaveQueue<ExamSave> | null = null;

/** A step saved behind the screen: a choice, or a flag. */
export type ExamSave =
  | { readonly action: "select"; readonly questionId: string; readonly optionIds: string[] }
  | { readonly action: "clear" | "flag" | "unflag"; readonly questionId: string };

/** Whether a move is waiting for its screen to render (read once, by ExamHeading, which then takes the focus). */
export function takeExamArrival(): boolean {
  const pending = arrivalPending;
  arrivalPending = false;
  return pending;
}

/**
 * Sends one exam step, then re-renders the server page; a finished exam opens its result. Resolves to whether
 * the server took the step. Once the exam is finished every control stays busy until the result opens, so a
 * second "Submit" click is not sent (uxr5 finding 3: it got a 409 and the result a "?late=1").
 */
export function useExamAction(sessionId: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();

  const act = useCallback(
    async (body: Record<string, unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      await saveQueue?.drained();
      const result = await postJson<{ finished?: boolean }>("/exam/api", { sessionId, ...body });
      setBusy(false);
      // A refusal may still have ended the exam: an answer after the deadline is refused and submits it.
      const finished = result.ok ? result.data.finished === true : result.finished;
      // A submit refused because the exam is already submitted did what the learner asked: no error, not late.
      const alreadySubmitted = !result.ok && finished && body.action === "submit";
      if (!result.ok && !alreadySubmitted) setError(forPerson(result.error));
      if (result.ok && typeof body.action === "string" && MOVES.has(body.action)) arrivalPending = true;
      if (finished) {
        setLeaving(true);
        router.push(`/exam/${sessionId}${result.ok || alreadySubmitted ? "" : "?late=1"}`);
      } else startRefresh(() => router.refresh());
      return result.ok;
    },
    [router, sessionId],
  );
  return { act, busy: busy || refreshing || leaving, error };
}

function failureText(save: ExamSave, error: string): string {
  const what = save.action === "flag" || save.action === "unflag" ? "flag" : "answer";
  return `Your ${what} was not saved: ${forPerson(error)} The question shows what is saved; try again.`;
}

/**
 * Ticks and flags saved in the background, one at a time and in order (app/exam/save-queue.ts). `saving` stays
 * true until the last save has settled and the page has re-rendered with the server's state, so the caller's
 * optimistic state can give way to it in the same commit; a refused save leaves `failure` to show.
 */
export function useExamSaves(sessionId: string) {
  const router = useRouter();
  const [pushed, setPushed] = useState(0);
  const [settled, setSettled] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const count = useRef({ pushed: 0, settled: 0 });
  const queue = useRef<SaveQueue<ExamSave> | null>(null);
  if (queue.current === null) {
    queue.current = new SaveQueue<ExamSave>(
      async (save): Promise<SaveOutcome> => {
        const result = await postJson<{ finished?: boolean }>("/exam/api", { sessionId, ...save });
        return result.ok
          ? { ok: true, finished: result.data.finished === true }
          : { ok: false, finished: result.finished, error: result.error, status: result.status };
      },
      {
        settled(save, outcome) {
          count.current.settled += 1;
          if (outcome.finished) {
            router.push(`/exam/${sessionId}${outcome.ok ? "" : "?late=1"}`);
            return;
          }
          if (!outcome.ok) setFailure(failureText(save, outcome.error));
        },
        idle() {
          const done = count.current.settled;
          startRefresh(() => {
            setSettled(done);
            router.refresh();
          });
        },
      },
    );
  }
  useEffect(() => {
    saveQueue = queue.current;
    return () => {
      if (saveQueue === queue.current) saveQueue = null;
    };
  }, []);
  const save = useCallback((step: ExamSave): void => {
    count.current.pushed += 1;
    setPushed(count.current.pushed);
    setFailure(null);
    queue.current?.push(step);
  }, []);
  const drained = useCallback(async (): Promise<void> => queue.current?.drained(), []);
  return { save, drained, saving: pushed > settled || refreshing, failure };
}
