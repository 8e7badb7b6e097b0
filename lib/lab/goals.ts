// An assignment's goals: assertions about a network the model checks. A goal is pure data (stored as JSON
// with the assignment); `checkGoals` is the one function that grades it, in the learner's browser while they
// edit and again on the server when they submit (the server never trusts the browser's verdict).
import { z } from "zod";
import {
  analyze,
  buildNetwork,
  resolveDestination,
  resolveSource,
  validate,
  type Network,
  type Protocol,
  type Query,
  type Topology,
} from "@/lib/net";
import { DEFAULT_FLOW_LOG_NOW } from "@/lib/net/flow-logs";
import { describeGoal, type Goal } from "./goal-text";

export { describeGoal, type Goal };

const ref = z.string().trim().min(1, "required").max(200, "at most 200 characters");
const port = z.number().int().min(0).max(65535);

/** "app-a reaches db-c on tcp 5432": a TCP or UDP goal names its port, an ICMP goal has none. */
const ReachGoalSchema = z
  .object({
    kind: z.literal("reach"),
    from: ref,
    to: ref,
    protocol: z.enum(["tcp", "udp", "icmp"]),
    port: port.optional(),
  })
  .refine((goal) => goal.protocol === "icmp" || goal.port !== undefined, {
    message: "a TCP or UDP reachability goal needs a port",
    path: ["port"],
  });

/**
 * "db-c is not reachable from the internet on any port": protocol `any` (TCP, UDP and ICMP) or one protocol,
 * and a port, or none for every port.
 */
const NotReachGoalSchema = z.object({
  kind: z.literal("not-reach"),
  from: ref,
  to: ref,
  protocol: z.enum(["any", "tcp", "udp", "icmp"]),
  port: port.optional(),
});

export const GoalSchema = z.discriminatedUnion("kind", [ReachGoalSchema, NotReachGoalSchema]);
export const GoalsSchema = z.array(GoalSchema).min(1, "add at least one goal").max(20, "at most 20 goals");

export type GoalResult = {
  readonly goal: Goal;
  /** The goal in words, as the learner and the instructor read it. */
  readonly text: string;
  readonly met: boolean;
  /** Why it is not met (or how it is met): the blocker, or the port that still gets through. */
  readonly detail: string;
};

/** An instructor writes "0.0.0.0/0" for "anyone on the internet": the model's internet client. */
const sourceRef = (from: string): string => (from.trim() === "0.0.0.0/0" ? "internet" : from.trim());

const PORT_KEY = /port$/i;

/**
 * The ports worth trying for "any port". Whether a port gets through depends on it only through the port
 * ranges written in the topology (rules, listeners, targets), so it is constant between their bounds: trying
 * the first port of every such stretch (0, every written port, and the port after each) tries them all.
 */
export function candidatePorts(topology: Topology): number[] {
  const ports = new Set<number>([0, 65535]);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === "object")
      for (const [key, field] of Object.entries(value)) {
        if (typeof field === "number" && PORT_KEY.test(key) && Number.isInteger(field)) {
          if (field >= 0 && field <= 65535) ports.add(field);
          if (field + 1 <= 65535) ports.add(field + 1);
        } else visit(field);
      }
  };
  visit(topology);
  return [...ports].sort((a, b) => a - b);
}

/** The queries a goal stands for: one for a reach goal, every protocol and port that matters for not-reach. */
function queriesOf(goal: Goal, ports: () => number[]): Query[] {
  const from = sourceRef(goal.from);
  const to = goal.to.trim();
  if (goal.kind === "reach")
    return [
      goal.protocol === "icmp"
        ? { from, to, protocol: "icmp" }
        : { from, to, protocol: goal.protocol, port: goal.port ?? 0 },
    ];
  const protocols: Protocol[] = goal.protocol === "any" ? ["tcp", "udp", "icmp"] : [goal.protocol];
  return protocols.flatMap((protocol): Query[] =>
    protocol === "icmp"
      ? [{ from, to, protocol }]
      : (goal.port === undefined ? ports() : [goal.port]).map((port) => ({ from, to, protocol, port })),
  );
}

/** A goal naming something the network no longer has is not met: deleting db-c does not keep it private. */
function refProblem(network: Network, goal: Goal): string | undefined {
  const source = resolveSource(network, sourceRef(goal.from));
  if (!source.ok) return `from: ${source.message}`;
  const destination = resolveDestination(network, goal.to.trim(), source.value, DEFAULT_FLOW_LOG_NOW);
  if (!destination.ok) return `to: ${destination.message}`;
  return undefined;
}

/**
 * Goals naming nothing in the starting network, by field (`goals.0.to`): an assignment whose goal cannot
 * resolve could never be met. Only checked on a network AWS accepts (the model resolves nothing otherwise).
 */
export function goalRefProblems(
  topology: Topology,
  goals: readonly Goal[],
): { path: (string | number)[]; message: string }[] {
  if (validate(topology).some((issue) => issue.severity === "error")) return [];
  const network = buildNetwork(topology);
  return goals.flatMap((goal, index) => {
    const problem = refProblem(network, goal);
    if (!problem) return [];
    const [field = "to", ...rest] = problem.split(": ");
    return [{ path: ["goals", index, field], message: rest.join(": ") }];
  });
}

const queryText = (query: Query): string =>
  query.protocol === "icmp" ? "ICMP" : `${query.protocol.toUpperCase()} port ${query.port ?? "?"}`;

function checkOne(network: Network, goal: Goal, ports: () => number[]): GoalResult {
  const text = describeGoal(goal);
  const problem = refProblem(network, goal);
  if (problem) return { goal, text, met: false, detail: problem };
  if (goal.kind === "reach") {
    const [query] = queriesOf(goal, ports);
    const analysis = analyze(network, query ?? { from: goal.from, to: goal.to, protocol: goal.protocol });
    return analysis.reachable
      ? { goal, text, met: true, detail: "reachable" }
      : { goal, text, met: false, detail: analysis.blockers[0]?.message ?? "not reachable" };
  }
  for (const query of queriesOf(goal, ports))
    if (analyze(network, query).reachable)
      return { goal, text, met: false, detail: `still reachable on ${queryText(query)}` };
  return { goal, text, met: true, detail: "not reachable" };
}

/**
 * Grades every goal against a topology. A topology AWS would refuse meets no goal (the model gives no verdict
 * on it, as the CLI does not), so breaking the network never passes an assignment.
 */
export function checkGoals(topology: Topology, goals: readonly Goal[]): GoalResult[] {
  const errors = validate(topology).filter((issue) => issue.severity === "error");
  if (errors.length > 0)
    return goals.map((goal) => ({
      goal,
      text: describeGoal(goal),
      met: false,
      detail: `the network has ${errors.length} error${errors.length === 1 ? "" : "s"} AWS would refuse (${errors[0]?.path}: ${errors[0]?.message})`,
    }));
  const network = buildNetwork(topology);
  let ports: number[] | undefined;
  const lazyPorts = () => (ports ??= candidatePorts(topology));
  return goals.map((goal) => checkOne(network, goal, lazyPorts));
}

export type GoalSummary = { readonly passed: number; readonly total: number };

export function summarise(results: readonly GoalResult[]): GoalSummary {
  return { passed: results.filter((result) => result.met).length, total: results.length };
}
