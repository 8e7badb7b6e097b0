// The messages between the lab page and its web worker (app/lab/lab.worker.ts). The worker runs one lab turn
// (`runLab`: parse, edit, validate, analyse, propose fixes, lay out) in the learner's browser, off the main
// thread, and answers with the same result /lab/api gives, plus how long the turn took there.
import { runLab, type LabRequest, type LabResult } from "./lab-run";

export type LabTurnMessage = { readonly id: number; readonly request: LabRequest };

export type LabTurnReply =
  | { readonly id: number; readonly ok: true; readonly result: LabResult; readonly ms: number }
  /** `error` reads as the server's: `field: message` (the page shows `text: …` under the editor). */
  | { readonly id: number; readonly ok: false; readonly error: string; readonly ms: number };

const nowMs = (): number => performance.now();

/** One turn, never throwing: a bug in the model becomes an error the page shows, not a dead worker. */
export async function answerLabTurn(message: LabTurnMessage): Promise<LabTurnReply> {
  const start = nowMs();
  try {
    const outcome = await runLab(message.request);
    const ms = nowMs() - start;
    return outcome.ok
      ? { id: message.id, ok: true, result: outcome.value, ms }
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
