// The messages between the lab page and its web worker (app/lab/lab.worker.ts). The worker runs one lab turn
// (`runLab`: parse, edit, validate, analyse, propose fixes, lay out) in the learner's browser, off the main
// thread, and answers with the same result /lab/api gives, plus how long the turn took there.
import type { PlacedDiagram } from "@/lib/diagram/diagram";
import { createLabSession, runLab, type LabRequest, type LabResult, type LabSession } from "./lab-run";

export type LabTurnMessage = { readonly id: number; readonly request: LabRequest };

/**
 * A result as it crosses to the page: the diagram's layout is left out when it is the very layout of the
 * previous reply (an edit to a rule or a route draws the same network), and the page puts its own copy back
 * (`withLayout`). At 50 VPCs the layout is about 160 KB of objects, copied twice per turn for nothing.
 */
export type LabWireResult = Omit<LabResult, "diagram"> & {
  diagram?: Omit<NonNullable<LabResult["diagram"]>, "placed"> & { placed?: PlacedDiagram };
};

export type LabTurnReply =
  | { readonly id: number; readonly ok: true; readonly result: LabWireResult; readonly ms: number }
  /** `error` reads as the server's: `field: message` (the page shows `text: …` under the editor). */
  | { readonly id: number; readonly ok: false; readonly error: string; readonly ms: number };

/** What the worker keeps for its page: the lab's caches, and the layout it sent last. */
export type LabWorkerState = { readonly lab: LabSession; sentLayout?: PlacedDiagram | undefined };

export const createLabWorkerState = (): LabWorkerState => ({ lab: createLabSession() });

const nowMs = (): number => performance.now();

function onTheWire(result: LabResult, state: LabWorkerState | undefined): LabWireResult {
  const diagram = result.diagram;
  if (!state || !diagram) return result;
  if (state.sentLayout !== diagram.placed) {
    state.sentLayout = diagram.placed;
    return result;
  }
  const { placed: _same, ...rest } = diagram;
  return { ...result, diagram: rest };
}

/** The page's side: a reply without a layout has the one the page received last. */
export function withLayout(
  result: LabWireResult,
  last: PlacedDiagram | undefined,
): { result: LabResult; layout: PlacedDiagram | undefined } {
  const diagram = result.diagram;
  if (!diagram) return { result: result as LabResult, layout: last };
  if (diagram.placed) return { result: result as LabResult, layout: diagram.placed };
  if (!last) throw new Error("lab: the worker left out a layout the page never received");
  return { result: { ...result, diagram: { ...diagram, placed: last } }, layout: last };
}

/** One turn, never throwing: a bug in the model becomes an error the page shows, not a dead worker. */
export async function answerLabTurn(message: LabTurnMessage, state?: LabWorkerState): Promise<LabTurnReply> {
  const start = nowMs();
  try {
    const outcome = await runLab(message.request, state?.lab);
    const ms = nowMs() - start;
    return outcome.ok
      ? { id: message.id, ok: true, result: onTheWire(outcome.value, state), ms }
      : { id: message.id, ok: false, error: `${outcome.field}: ${outcome.error}`, ms };
  } catch (error) {
    return {
      id: message.id,
      ok: false,
      error: `lab: the analysis failed (${error instanceof Error ? error.message : String(error)})`,
      ms: nowMs() - start,
    };
  }
}
