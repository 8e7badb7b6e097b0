// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";
import { isUniqueViolation } from "./unique-violation";

// Homework: a classroom quiz as a self-paced assignment. One row per assignment (its planned questions and due
// date), one per student who gave a name, one per graded answer. Answers are plain inserts: the primary key
// (assignment, student, question) refuses a second answer to the same question, whichever request comes first.

export type StoredHomework = {
  readonly code: string;
  readonly teacherLearnerId: string;
  /** The quiz settings as parsed JSON (the caller validates them). */
  readonly config: unknown;
  readonly questionIds: readonly string[];
  readonly dueAt: Date;
  readonly createdAt: Date;
};

export type HomeworkStudent = {
  readonly learnerId: string;
  readonly displayName: string;
  readonly joinedAt: Date;
};

export type HomeworkAnswer = {
  readonly learnerId: string;
  readonly questionIndex: number;
  readonly response: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: Date;
};

export type HomeworkWrite<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: "taken" };

/** Runs a create and answers `value`, or "taken" when a unique key already holds that row. */
async function createOnce<T>(create: () => Promise<unknown>, value: T): Promise<HomeworkWrite<T>> {
  try {
    await create();
    return { ok: true, value };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

function parseIds(text: string): string[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === "string"))
    throw new Error("homework questionIds: expected a JSON array of question ids");
  return parsed;
}

/** Creates an assignment; a code already in use is refused (reason "taken"), not overwritten. */
export async function createHomework(
  db: Db,
  homework: StoredHomework,
): Promise<HomeworkWrite<StoredHomework>> {
  return createOnce(
    () =>
      db.homework.create({
        data: {
          code: homework.code,
          teacherLearnerId: homework.teacherLearnerId,
          config: JSON.stringify(homework.config),
          questionIds: JSON.stringify(homework.questionIds),
          dueAt: homework.dueAt,
          createdAt: homework.createdAt,
        },
      }),
    homework,
  );
}

export async function findHomework(db: Db, code: string): Promise<StoredHomework | null> {
  const row = await db.homework.findUnique({ where: { code } });
  if (row === null) return null;
  return {
    code: row.code,
    teacherLearnerId: row.teacherLearnerId,
    config: JSON.parse(row.config) as unknown,
    questionIds: parseIds(row.questionIds),
    dueAt: row.dueAt,
    createdAt: row.createdAt,
  };
}

/** A teacher's assignments, newest first (for the list of past games). */
export async function listHomework(db: Db, teacherLearnerId: string, limit = 50): Promise<StoredHomework[]> {
  const rows = await db.homework.findMany({
    where: { teacherLearnerId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    code: row.code,
    teacherLearnerId: row.teacherLearnerId,
    config: JSON.parse(row.config) as unknown,
    questionIds: parseIds(row.questionIds),
    dueAt: row.dueAt,
    createdAt: row.createdAt,
  }));
}

/**
 * Adds a student under a name. `nameKey` is the name as compared (the caller normalises it): a name another
 * student of this assignment holds is refused (reason "taken"), as is a second name for the same learner.
 */
export async function addHomeworkStudent(
  db: Db,
  code: string,
  student: HomeworkStudent & { readonly nameKey: string },
): Promise<HomeworkWrite<HomeworkStudent>> {
  return createOnce(
    () =>
      db.homeworkStudent.create({
        data: {
          code,
          learnerId: student.learnerId,
          displayName: student.displayName,
          nameKey: student.nameKey,
          joinedAt: student.joinedAt,
        },
      }),
    { learnerId: student.learnerId, displayName: student.displayName, joinedAt: student.joinedAt },
  );
}

export async function findHomeworkStudent(
  db: Db,
  code: string,
  learnerId: string,
): Promise<HomeworkStudent | null> {
  return db.homeworkStudent.findUnique({
    where: { code_learnerId: { code, learnerId } },
    select: { learnerId: true, displayName: true, joinedAt: true },
  });
}

export async function listHomeworkStudents(db: Db, code: string): Promise<HomeworkStudent[]> {
  return db.homeworkStudent.findMany({
    where: { code },
    orderBy: { joinedAt: "asc" },
    select: { learnerId: true, displayName: true, joinedAt: true },
  });
}

/** Stores a graded answer; a second answer of the same student to the same question is refused ("taken"). */
export async function addHomeworkAnswer(
  db: Db,
  code: string,
  answer: HomeworkAnswer,
): Promise<HomeworkWrite<HomeworkAnswer>> {
  return createOnce(
    () =>
      db.homeworkAnswer.create({
        data: {
          code,
          learnerId: answer.learnerId,
          questionIndex: answer.questionIndex,
          response: JSON.stringify(answer.response),
          correct: answer.correct,
          answeredAt: answer.answeredAt,
        },
      }),
    answer,
  );
}

/** The answers of an assignment (all students, or one), in question order then time. */
export async function listHomeworkAnswers(
  db: Db,
  code: string,
  learnerId?: string,
): Promise<HomeworkAnswer[]> {
  const rows = await db.homeworkAnswer.findMany({
    where: learnerId === undefined ? { code } : { code, learnerId },
    orderBy: [{ questionIndex: "asc" }, { answeredAt: "asc" }],
  });
  return rows.map((row) => ({
    learnerId: row.learnerId,
    questionIndex: row.questionIndex,
    response: JSON.parse(row.response) as string[],
    correct: row.correct,
    answeredAt: row.answeredAt,
  }));
}
