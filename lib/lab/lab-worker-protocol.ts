// The messages between the lab page and its web worker (app/lab/lab.worker.ts). The worker runs one lab turn
// (`runLab`: parse, edit, validate, analyse, propose fixes, lay out) in the learner's browser, off the main
// thread, and answers with the same result /lab/api gives, plus how long the turn took there.
import type { PlacedDiagram } from "@/lib/diagram/diagram";
import { createLabSession, runLab, type LabResult, type LabSession } from "./lab-run";

import type { LabTurnMessage, LabTurnReply, LabWireResult } from "./lab-wire";

export { withLayout, type LabTurnMessage, type LabTurnReply, type LabWireResult } from "./lab-wire";

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
