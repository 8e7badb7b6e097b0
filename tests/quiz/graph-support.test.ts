// The graph checks in the machine tests are only worth something if they can fail: this machine has a state
// nothing leads to and a state nothing leaves, and the exploration must report both.
import { describe, expect, it } from "vitest";
import { setup } from "xstate";
import { explore, leafStateIds } from "./support/graph";

const flawed = setup({
  types: { events: {} as { type: "go" } | { type: "trap" } | { type: "end" } },
}).createMachine({
  id: "flawed",
  initial: "start",
  states: {
    start: { on: { go: "middle", trap: "stuck" } },
    middle: { on: { end: "done" } },
    orphan: { on: { end: "done" } },
    stuck: {},
    done: { type: "final" },
  },
});

describe("machine graph exploration", () => {
  const exploration = explore(flawed, {
    serialize: (s) => JSON.stringify(s.value),
    events: () => [{ type: "go" as const }, { type: "trap" as const }, { type: "end" as const }],
  });

  it("reports a state that nothing reaches", () => {
    expect(leafStateIds(flawed)).toContain("flawed.orphan");
    expect(exploration.reachedLeafIds).not.toContain("flawed.orphan");
    expect(exploration.reachedLeafIds).toEqual([
      "flawed.done",
      "flawed.middle",
      "flawed.start",
      "flawed.stuck",
    ]);
  });

  it("reports a state from which the machine can never finish", () => {
    expect(exploration.deadEnds).toEqual([JSON.stringify("stuck")]);
  });
});
