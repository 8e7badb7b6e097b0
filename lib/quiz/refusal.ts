// A refused event leaves the session where it was and says why, so the server can answer the learner with a
// clear message ("refused with a clear message") instead of silently dropping the request.

export type RefusalCode =
  | "not-accepted-now"
  | "session-finished"
  | "invalid-settings"
  | "seed-repeated"
  | "question-repeated"
  | "not-current-question"
  | "not-in-session"
  | "already-answered"
  | "past-deadline"
  | "before-deadline"
  | "out-of-range"
  | "invalid-answer"
  | "wrong-join-code"
  | "invalid-name"
  | "duplicate-name"
  | "duplicate-player"
  | "unknown-player"
  | "question-closed"
  | "question-already-played"
  | "no-players"
  | "invalid-grade";

export type Refusal = {
  readonly code: RefusalCode;
  readonly message: string;
  readonly eventType: string;
  readonly at: number;
};

/** Only the latest refusals are kept: they explain the last requests, and a persisted snapshot must stay small. */
export const MAX_KEPT_REFUSALS = 20;

export function appendRefusal(refusals: readonly Refusal[], refusal: Refusal): readonly Refusal[] {
  return [...refusals, refusal].slice(-MAX_KEPT_REFUSALS);
}
