// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { GoalsSchema, type Goal, type GoalResult } from "@/lib/lab/goals";
import type { Db } from "./client";
import { newLabId, type LabFormat } from "./labs";

// Lab assignments. An instructor (the learner who creates it) gives a starting network and goals; the id is
// the assignment link. Every learner who opens it works on their own copy and submits; each submission keeps
// the submitted text and the grade the server computed (the caller grades; this layer only stores).

export type AssignmentView = {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly instructions: string;
  readonly format: LabFormat;
  readonly text: string;
  readonly goals: readonly Goal[];
  readonly createdAt: Date;
};

export type SubmissionView = {
  readonly id: string;
  readonly learnerId: string;
  /** The learner's account name when signed in, else undefined (an anonymous cookie learner). */
  readonly username: string | undefined;
  readonly format: LabFormat;
  readonly text: string;
  readonly results: readonly GoalResult[];
  readonly passed: number;
  readonly total: number;
  readonly submittedAt: Date;
};

const WHO = { learner: { select: { account: { select: { username: true } } } } } as const;

const asFormat = (format: string): LabFormat => (format === "json" ? "json" : "yaml");

/** Stored goals are re-validated: a row edited by hand must not reach the grader as anything but goals. */
function goalsOf(json: string): readonly Goal[] {
  const parsed = GoalsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

function resultsOf(json: string): readonly GoalResult[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as GoalResult[]) : [];
}

export async function createAssignment(
  db: Db,
  ownerId: string,
  assignment: {
    readonly title: string;
    readonly instructions: string;
    readonly format: LabFormat;
    readonly text: string;
    readonly goals: readonly Goal[];
  },
  now: Date,
): Promise<string> {
  const id = newLabId();
  await db.assignment.create({
    data: { id, ownerId, ...assignment, goals: JSON.stringify(assignment.goals), createdAt: now },
  });
  return id;
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentView | null> {
  const row = await db.assignment.findUnique({ where: { id } });
  return row ? { ...row, format: asFormat(row.format), goals: goalsOf(row.goals) } : null;
}

/** The instructor's assignments, newest first. */
export async function listAssignments(
  db: Db,
  ownerId: string,
  limit = 100,
): Promise<{ id: string; title: string; createdAt: Date }[]> {
  return db.assignment.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, title: true, createdAt: true },
  });
}

export async function recordSubmission(
  db: Db,
  submission: {
    readonly assignmentId: string;
    readonly learnerId: string;
    readonly format: LabFormat;
    readonly text: string;
    readonly results: readonly GoalResult[];
  },
  now: Date,
): Promise<SubmissionView> {
  const passed = submission.results.filter((result) => result.met).length;
  const row = await db.assignmentSubmission.create({
    data: {
      id: newLabId(),
      ...submission,
      results: JSON.stringify(submission.results),
      passed,
      total: submission.results.length,
      submittedAt: now,
    },
    include: WHO,
  });
  return toView(row);
}

type Row = {
  id: string;
  learnerId: string;
  format: string;
  text: string;
  results: string;
  passed: number;
  total: number;
  submittedAt: Date;
  learner: { account: { username: string } | null };
};

const toView = ({ learner, ...row }: Row): SubmissionView => ({
  ...row,
  username: learner.account?.username ?? undefined,
  format: asFormat(row.format),
  results: resultsOf(row.results),
});

/** Every submission to an assignment, newest first (the instructor's view). */
export async function listSubmissions(db: Db, assignmentId: string, limit = 500): Promise<SubmissionView[]> {
  const rows = await db.assignmentSubmission.findMany({
    where: { assignmentId },
    orderBy: { submittedAt: "desc" },
    take: limit,
    include: WHO,
  });
  return rows.map(toView);
}

/** The learner's latest submission to an assignment, to reopen their work where they left it. */
export async function latestSubmission(
  db: Db,
  assignmentId: string,
  learnerId: string,
): Promise<SubmissionView | null> {
  const row = await db.assignmentSubmission.findFirst({
    where: { assignmentId, learnerId },
    orderBy: { submittedAt: "desc" },
    include: WHO,
  });
  return row ? toView(row) : null;
}
