import { describe, expect, it } from "vitest";
import {
  candidatePorts,
  checkGoals,
  describeGoal,
  goalRefProblems,
  GoalsSchema,
  summarise,
  type Goal,
} from "@/lib/lab/goals";
import { parseTopologyText, type Topology } from "@/lib/net";
import { edited } from "../net/helpers";
import { ASSIGNMENT_START } from "./assignment-start";

function parsed(text: string): Topology {
  const result = parseTopologyText(text, "yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

const start = parsed(ASSIGNMENT_START);
const reach: Goal = { kind: "reach", from: "app-a", to: "db-c", protocol: "tcp", port: 5432 };
const privateDb: Goal = { kind: "not-reach", from: "internet", to: "db-c", protocol: "any" };
const goals = [reach, privateDb];

const met = (topology: Topology, set: readonly Goal[] = goals) =>
  checkGoals(topology, set).map((result) => result.met);

/** sg-db allows only sg-app on 5432: the intended solution. */
const solved = edited(start, (draft) => {
  const db = draft.securityGroups.find((group) => group.id === "sg-db");
  if (db) db.inbound = [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-app" }];
});

describe("assignment goals", () => {
  it("reads as sentences", () => {
    expect(describeGoal(reach)).toBe("app-a reaches db-c on TCP port 5432");
    expect(describeGoal(privateDb)).toBe("db-c is not reachable from internet on any protocol on any port");
    expect(describeGoal({ ...privateDb, from: "0.0.0.0/0", protocol: "tcp", port: 5432 })).toBe(
      "db-c is not reachable from 0.0.0.0/0 on TCP port 5432",
    );
  });

  it("grades the starting network: app-a reaches db-c, but so does the internet, and says on which port", () => {
    const results = checkGoals(start, goals);
    expect(results.map((result) => result.met)).toEqual([true, false]);
    expect(results[1]?.detail).toMatch(/still reachable on TCP port \d+/);
    expect(summarise(results)).toEqual({ passed: 1, total: 2 });
  });

  it("passes every goal on the intended solution", () => {
    expect(met(solved)).toEqual([true, true]);
  });

  it("cannot be met by deleting everything: a goal naming a deleted instance is not met", () => {
    const emptied = edited(start, (draft) => {
      draft.instances = [];
      draft.securityGroups = [];
    });
    const results = checkGoals(emptied, goals);
    expect(results.map((result) => result.met)).toEqual([false, false]);
    expect(results[0]?.detail).toMatch(/^from: /);
    expect(results[1]?.detail).toMatch(/^to: /);
  });

  it("cannot be met by cutting every path: the reach goal then fails with the model's blocker", () => {
    const closed = edited(start, (draft) => {
      const db = draft.securityGroups.find((group) => group.id === "sg-db");
      if (db) db.inbound = [];
    });
    const results = checkGoals(closed, goals);
    expect(results.map((result) => result.met)).toEqual([false, true]);
    expect(results[0]?.detail.length).toBeGreaterThan(0);
  });

  it("'any port' finds a port only a range opens (8000-8100), not just the well-known ones", () => {
    const only5432Closed = edited(start, (draft) => {
      const db = draft.securityGroups.find((group) => group.id === "sg-db");
      if (db) db.inbound = db.inbound.filter((rule) => rule.fromPort !== 5432);
    });
    const [result] = checkGoals(only5432Closed, [privateDb]);
    expect(result?.met).toBe(false);
    expect(result?.detail).toBe("still reachable on TCP port 8000");
    // One port, by contrast, is checked alone: the internet no longer reaches 5432.
    expect(met(only5432Closed, [{ ...privateDb, from: "0.0.0.0/0", protocol: "tcp", port: 5432 }])).toEqual([
      true,
    ]);
  });

  it("tries the first port of every stretch the topology's port ranges delimit", () => {
    const ports = candidatePorts(start);
    for (const port of [0, 5432, 5433, 8000, 8101, 65535]) expect(ports).toContain(port);
    expect(ports).not.toContain(443);
  });

  it("meets no goal on a network AWS would refuse", () => {
    const broken = edited(solved, (draft) => {
      const subnet = draft.subnets[0];
      if (subnet) subnet.vpcId = "vpc-missing";
    });
    const results = checkGoals(broken, goals);
    expect(results.every((result) => !result.met)).toBe(true);
    expect(results[0]?.detail).toMatch(/error/);
  });

  it("validates goals as data and names the field", () => {
    const noPort = GoalsSchema.safeParse([{ kind: "reach", from: "a", to: "b", protocol: "tcp" }]);
    expect(noPort.success).toBe(false);
    expect(noPort.error?.issues[0]?.path).toEqual([0, "port"]);
    expect(GoalsSchema.safeParse([]).success).toBe(false);
    const badKind = GoalsSchema.safeParse([{ kind: "maybe", from: "a", to: "b", protocol: "tcp" }]);
    expect(badKind.error?.issues[0]?.path).toEqual([0, "kind"]);
    expect(GoalsSchema.safeParse(goals).success).toBe(true);
  });
});

describe("goals an assignment is created with", () => {
  it("names the goal field that resolves to nothing in the starting network", () => {
    const problems = goalRefProblems(start, [reach, { ...privateDb, to: "db-x" }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(["goals", 1, "to"]);
    expect(problems[0]?.message.length).toBeGreaterThan(0);
  });
});
