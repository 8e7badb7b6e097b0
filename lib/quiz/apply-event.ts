// The server's one call per request: apply an event to a stored snapshot and learn whether it was accepted.
// Machines record every refusal in context.refusals with a message; this turns that into the usual
// `{ ok: false, issues }`. Persist the returned snapshot either way: a refusal can still change state (an answer
// after the deadline is refused and submits the exam). Use this (or an actor) rather than a bare xstate
// `transition()`: a bare transition does not check that a session is over, and the practice and classroom
// root-level handlers would still run on a finished snapshot.
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
  type EventObject,
  type SnapshotFrom,
  transition,
} from "xstate";
import type { Refusal, RefusalCode } from "./refusal";

export type QuizIssue = { readonly path: string; readonly code: RefusalCode; readonly message: string };

export type ApplyEventResult<TSnapshot> =
  | { readonly ok: true; readonly snapshot: TSnapshot }
  | { readonly ok: false; readonly snapshot: TSnapshot; readonly issues: readonly QuizIssue[] };

function readRefusals(context: unknown): readonly Refusal[] {
  const refusals = (context as { refusals?: unknown } | null)?.refusals;
  if (!Array.isArray(refusals)) throw new Error("applyEvent: the machine's context has no refusals list");
  return refusals as readonly Refusal[];
}

export function applyEvent<TLogic extends AnyStateMachine>(
  logic: TLogic,
  snapshot: SnapshotFrom<TLogic>,
  event: EventFromLogic<TLogic>,
): ApplyEventResult<SnapshotFrom<TLogic>> {
  const current: AnyMachineSnapshot = snapshot;
  if (current.status !== "active") {
    return {
      ok: false,
      snapshot,
      issues: [
        {
          path: (event as EventObject).type,
          code: "session-finished",
          message: "this session is over: nothing more can change it",
        },
      ],
    };
  }
  const before = readRefusals(current.context);
  const [next] = transition(logic, snapshot, event);
  const after = readRefusals((next as AnyMachineSnapshot).context);
  // Refusals are append-only (capped), so a new one is a different array whose last entry is new.
  const refusal = after !== before ? after[after.length - 1] : undefined;
  if (refusal === undefined) return { ok: true, snapshot: next };
  return {
    ok: false,
    snapshot: next,
    issues: [{ path: refusal.eventType, code: refusal.code, message: refusal.message }],
  };
}
