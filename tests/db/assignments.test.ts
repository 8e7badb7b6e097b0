import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createAssignment,
  findAssignment,
  latestSubmission,
  listAssignments,
  listSubmissions,
  recordSubmission,
} from "../../lib/db/assignments";
import { findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import type { Goal, GoalResult } from "../../lib/lab/goals";
import { must } from "../support/must";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-12-06T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const goals: Goal[] = [
  { kind: "reach", from: "app-a", to: "db-c", protocol: "tcp", port: 5432 },
  { kind: "not-reach", from: "internet", to: "db-c", protocol: "any" },
];
const graded = (met: boolean[]): GoalResult[] =>
  goals.map((goal, index) => ({ goal, text: "goal", met: met[index] ?? false, detail: "d" }));

describe("lab assignments", () => {
  let temp: ReturnType<typeof createTempDb>;
  let teacher: string;
  let student: string;
  beforeEach(async () => {
    temp = createTempDb();
    teacher = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
    student = (await findOrCreateLearner(temp.db, newLearnerToken(), t0)).id;
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it("stores an assignment with its goals and lists it for its owner only", async () => {
    const id = await createAssignment(
      temp.db,
      teacher,
      { title: "Private DB", instructions: "Close it.", format: "yaml", text: "a: 1\n", goals },
      t0,
    );
    const found = must(await findAssignment(temp.db, id));
    expect(found.goals).toEqual(goals);
    expect(found.ownerId).toBe(teacher);
    expect((await listAssignments(temp.db, teacher)).map((row) => row.id)).toEqual([id]);
    expect(await listAssignments(temp.db, student)).toEqual([]);
    expect(await findAssignment(temp.db, "no-such-assignment")).toBeNull();
  });

  it("keeps every submission with its grade; the learner's latest reopens their work", async () => {
    const id = await createAssignment(
      temp.db,
      teacher,
      { title: "t", instructions: "", format: "yaml", text: "a: 1\n", goals },
      t0,
    );
    await recordSubmission(
      temp.db,
      {
        assignmentId: id,
        learnerId: student,
        format: "yaml",
        text: "try: 1\n",
        results: graded([true, false]),
      },
      later(1000),
    );
    const second = await recordSubmission(
      temp.db,
      {
        assignmentId: id,
        learnerId: student,
        format: "yaml",
        text: "try: 2\n",
        results: graded([true, true]),
      },
      later(2000),
    );
    expect(second).toMatchObject({ passed: 2, total: 2, username: undefined });
    const all = await listSubmissions(temp.db, id);
    expect(all.map((row) => [row.passed, row.total])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    expect(all[1]?.results.map((result) => result.met)).toEqual([true, false]);
    expect(must(await latestSubmission(temp.db, id, student)).text).toBe("try: 2\n");
    expect(await latestSubmission(temp.db, id, teacher)).toBeNull();
  });
});
