// The lab's analysis in the browser (README "The lab": measured faster than the server round trip).
// Thin: each message is one lab turn, answered by lib/lab.
import { answerLabTurn, createLabWorkerState, type LabTurnMessage } from "@/lib/lab/lab-worker-protocol";

type WorkerScope = {
  addEventListener(type: "message", listener: (event: MessageEvent<LabTurnMessage>) => void): void;
  postMessage(message: unknown): void;
};

const scope = globalThis as unknown as WorkerScope;
// One page, one worker: what it keeps between turns (the text of every unchanged item, the layout it sent
// last) lives as long as the page.
const state = createLabWorkerState();

scope.addEventListener("message", (event) => {
  void answerLabTurn(event.data, state).then((reply) => scope.postMessage(reply));
});
