"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Steps that bring another screen (another question, or the review screen and back). */
const MOVES = new Set(["next", "previous", "goto", "review.open", "review.close"]);
let arrivalPending = false;

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
