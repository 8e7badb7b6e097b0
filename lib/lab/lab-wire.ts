// The page's half of the lab worker protocol (lab-worker-protocol.ts): the message shapes and `withLayout`, with
// no runtime imports, so the lab page's main bundle does not carry the model (runLab, the layout engine) that only
// the worker runs (uxr6 finding 7: importing `withLayout` from the protocol module put a 1.9 MB chunk on /lab).
import type { PlacedDiagram } from "@/lib/diagram/diagram";
import type { LabRequest, LabResult } from "./lab-run";

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
