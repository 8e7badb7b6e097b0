"use client";
// Where a lab turn runs: in a web worker in the learner's browser (the model is pure TypeScript; README "The
// lab" has the figures that decided it), or, where no worker can start (or it fails to load), on the server
// at /lab/api. Both answer the same LabResult or the same `field: message` error.
import { postJson } from "@/app/http/post-json";
import type { LabRequest, LabResult } from "@/lib/lab/lab-run";
import type { PlacedDiagram } from "@/lib/diagram/diagram";
import { withLayout, type LabTurnMessage, type LabTurnReply } from "@/lib/lab/lab-wire";

/** `ms`: the turn as the page waits for it (request to answer, copying included). */
export type LabTurn =
  | { ok: true; data: LabResult; where: "worker" | "server"; ms: number }
  | { ok: false; error: string; where: "worker" | "server"; ms: number };

export type LabEngine = { run(request: LabRequest): Promise<LabTurn>; close(): void };

async function onServer(request: LabRequest): Promise<LabTurn> {
  const start = performance.now();
  const posted = await postJson<LabResult>("/lab/api", request);
  const ms = performance.now() - start;
  return posted.ok
    ? { ok: true, data: posted.data, where: "server", ms }
    : { ok: false, error: posted.error, where: "server", ms };
}

export function createLabEngine(): LabEngine {
  let worker: Worker | undefined;
  try {
    // The literal `new Worker(new URL(…, import.meta.url))` is what the bundler recognises and builds.
    worker = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module", name: "lab" });
  } catch {
    worker = undefined;
  }
  let next = 0;
  // The worker sends a layout only when it differs from the last one it sent (lab-worker-protocol.ts).
  let layout: PlacedDiagram | undefined;
  const waiting = new Map<number, { request: LabRequest; start: number; resolve: (turn: LabTurn) => void }>();

  // A worker that cannot load or crashes: every turn it owed, and every later one, goes to the server.
  const giveUp = () => {
    worker?.terminate();
    worker = undefined;
    for (const { request, resolve } of waiting.values()) void onServer(request).then(resolve);
    waiting.clear();
  };

  worker?.addEventListener("message", (event: MessageEvent<LabTurnReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (!reply.ok) {
      pending.resolve({
        ok: false,
        error: reply.error,
        where: "worker",
        ms: performance.now() - pending.start,
      });
      return;
    }
    const restored = withLayout(reply.result, layout);
    layout = restored.layout;
    pending.resolve({
      ok: true,
      data: restored.result,
      where: "worker",
      ms: performance.now() - pending.start,
    });
  });
  worker?.addEventListener("error", giveUp);
  worker?.addEventListener("messageerror", giveUp);

  return {
    run(request) {
      if (!worker) return onServer(request);
      const id = ++next;
      const message: LabTurnMessage = { id, request };
      return new Promise<LabTurn>((resolve) => {
        waiting.set(id, { request, start: performance.now(), resolve });
        worker?.postMessage(message);
      });
    },
    // Leaving the page: turns still owed are answered by the server (React's development double mount
    // closes the first engine while the opening turn is in flight).
    close: giveUp,
  };
}
