// The lab's analysis in the browser (README "The lab": measured faster than the server round trip).
// Thin: each message is one lab turn, answered by lib/lab.
import { answerLabTurn, type LabTurnMessage } from "@/lib/lab/lab-worker-protocol";

type WorkerScope = {
  addEventListener(type: "message", listener: (event: MessageEvent<LabTurnMessage>) => void): void;
  postMessage(message: unknown): void;
};

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  void answerLabTurn(event.data).then((reply) => scope.postMessage(reply));
});
