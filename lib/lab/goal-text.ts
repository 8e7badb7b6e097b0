// An assignment goal's shape and its sentence, apart from the model that checks it (lib/lab/goals.ts): the
// lab page shows goals without loading the model into its bundle (the model runs in the web worker).
import type { Protocol } from "@/lib/net/query";

export type Goal =
  | {
      readonly kind: "reach";
      readonly from: string;
      readonly to: string;
      readonly protocol: Protocol;
      readonly port?: number | undefined;
    }
  | {
      readonly kind: "not-reach";
      readonly from: string;
      readonly to: string;
      readonly protocol: Protocol | "any";
      readonly port?: number | undefined;
    };

function portText(protocol: Protocol | "any", port: number | undefined): string {
  if (protocol === "icmp") return "ICMP";
  const name = protocol === "any" ? "any protocol" : protocol.toUpperCase();
  return port === undefined ? `${name} on any port` : `${name} port ${port}`;
}

export function describeGoal(goal: Goal): string {
  return goal.kind === "reach"
    ? `${goal.from} reaches ${goal.to} on ${portText(goal.protocol, goal.port)}`
    : `${goal.to} is not reachable from ${goal.from} on ${portText(goal.protocol, goal.port)}`;
}
