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

/** Sends one exam step, then re-renders the server page; a finished exam opens its result. */
export function useExamAction(sessionId: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();

  const act = useCallback(
    async (body: Record<string, unknown>): Promise<void> => {
      setBusy(true);
      setError(null);
      const result = await postJson<{ finished?: boolean }>("/exam/api", { sessionId, ...body });
      setBusy(false);
      // A refusal may still have ended the exam: an answer after the deadline is refused and submits it.
      const finished = result.ok ? result.data.finished === true : result.finished;
      if (!result.ok) setError(forPerson(result.error));
      if (result.ok && typeof body.action === "string" && MOVES.has(body.action)) arrivalPending = true;
      if (finished) router.push(`/exam/${sessionId}${result.ok ? "" : "?late=1"}`);
      else startRefresh(() => router.refresh());
    },
    [router, sessionId],
  );
  return { act, busy: busy || refreshing, error };
}
