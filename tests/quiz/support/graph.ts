// Explores a machine with xstate's own graph traversal (xstate/graph, xstate 5) and answers the two structural
// questions the issue asks of every session machine: is every state reachable, and can every reachable
// situation still end (no dead ends)?
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
  getStateNodes,
  type InputFrom,
  type SnapshotFrom,
  type StateValue,
} from "xstate";
import { getAdjacencyMap } from "xstate/graph";

/** Ids of every atomic or final state node, e.g. "practice.answered.correct". */
export function leafStateIds(machine: AnyStateMachine): string[] {
  const ids: string[] = [];
  const visit = (node: AnyStateMachine["root"]) => {
    const children = Object.values(node.states);
    if (children.length === 0) ids.push(node.id);
    for (const child of children) visit(child);
  };
  visit(machine.root);
  return ids.sort();
}

export function activeLeafIds(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): string[] {
  return getStateNodes(machine.root, snapshot.value as StateValue)
    .filter((node) => Object.keys(node.states).length === 0)
    .map((node) => node.id);
}

export type Exploration = {
  readonly reachedLeafIds: string[];
  /** Serialized situations from which no sequence of the given events reaches a final state. */
  readonly deadEnds: string[];
  readonly situations: number;
};

export function explore<TLogic extends AnyStateMachine>(
  machine: TLogic,
  options: {
    readonly input?: InputFrom<TLogic>;
    readonly events: (snapshot: SnapshotFrom<TLogic>) => ReadonlyArray<EventFromLogic<TLogic>>;
    /** Must keep the number of situations finite: summarise context, do not dump it. */
    readonly serialize: (snapshot: SnapshotFrom<TLogic>) => string;
  },
): Exploration {
  const adjacency = getAdjacencyMap(machine, {
    ...(options.input === undefined ? {} : { input: options.input }),
    events: (snapshot) => options.events(snapshot as SnapshotFrom<TLogic>),
    serializeState: (snapshot) => options.serialize(snapshot as SnapshotFrom<TLogic>),
  });
  const keys = Object.keys(adjacency) as Array<keyof typeof adjacency>;
  const reached = new Set<string>();
  const predecessors = new Map<string, Set<string>>();
  const done = new Set<string>();
  for (const key of keys) {
    const entry = adjacency[key];
    if (entry === undefined) continue;
    const snapshot = entry.state as AnyMachineSnapshot;
    for (const id of activeLeafIds(machine, snapshot)) reached.add(id);
    if (snapshot.status === "done") done.add(key);
    for (const transition of Object.values(entry.transitions)) {
      const target = options.serialize(transition.state as SnapshotFrom<TLogic>);
      if (!predecessors.has(target)) predecessors.set(target, new Set());
      predecessors.get(target)?.add(key);
    }
  }
  // Reverse breadth-first search from the final situations.
  const canEnd = new Set(done);
  const queue = [...done];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const previous of predecessors.get(key) ?? []) {
      if (!canEnd.has(previous)) {
        canEnd.add(previous);
        queue.push(previous);
      }
    }
  }
  return {
    reachedLeafIds: [...reached].sort(),
    deadEnds: keys.filter((key) => !canEnd.has(key)),
    situations: keys.length,
  };
}
