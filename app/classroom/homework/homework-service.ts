// Server side of homework: a classroom quiz as a self-paced assignment link with a due date. The teacher plans it
// like a live game (same settings, same generator, same seed gives the same questions); each student gives a
// name once and answers the questions one by one at their own pace. Grading happens here: a question reaches
// the browser redacted and under a sealed id, and its key arrives only in the reply to the student's answer.
// After the due instant the link refuses new answers and new names.
import { randomInt } from "node:crypto";
import { buildHomeworkReport, homeworkOpen, nextHomeworkQuestion } from "@/lib/classroom/homework-report";
import type { GameReport } from "@/lib/classroom/game-report";
import { planClassroomGame } from "@/lib/classroom/plan-game";
import { pinnedSettings, planPinnedGame, withoutConcepts } from "@/lib/classroom/plan-pinned";
import { questionOf } from "@/lib/classroom/run-command";
import { recordAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import {
  addHomeworkAnswer,
  addHomeworkStudent,
  createHomework,
  findHomework,
  findHomeworkStudent,
  listHomeworkAnswers,
  listHomeworkStudents,
  type HomeworkAnswer,
  type StoredHomework,
} from "@/lib/db/homework";
import { answerOutcome, type AnswerOutcome } from "@/lib/grading/outcome";
import { choiceCountProblem } from "@/lib/scenario/answer-instruction";
import { toClientQuestion } from "@/lib/grading/redact";
import { cleanDisplayName, createJoinCode, displayNameKey, isDisplayNameValid } from "@/lib/quiz/join-code";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/quiz/join-code";
import type { Question, QuestionForClient } from "@/lib/scenario/question";
import { formatDateTime } from "@/app/format-date";
import { refuse, type Outcome } from "@/app/http/json-route";
import { openQuestionId, sealQuestionId, UNKNOWN_QUESTION } from "@/app/security/question-token";
import type { HomeworkConfig, HomeworkRequest } from "./schema";

const CODE_TRIES = 8;
/** A due date further out than this is a typo, not a plan. */
const MAX_DUE_MS = 366 * 24 * 3600_000;
/** The planner wants a time per question; homework has none, so any valid value does. */
const UNUSED_SECONDS_PER_QUESTION = 30;

type Create = Extract<HomeworkRequest, { action: "create" }>;

/** The refusal every late request gets: it names the due instant so the student knows what happened. */
function pastDue(homework: StoredHomework): ReturnType<typeof refuse> {
  return refuse(
    409,
    `code: this assignment was due ${formatDateTime(homework.dueAt)}; it no longer takes answers`,
  );
}

export async function createHomeworkAssignment(
  learnerId: string,
  input: Create,
  now: Date,
): Promise<Outcome<{ code: string }>> {
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= now.getTime()) return refuse(400, "dueAt: the due date must be in the future");
  if (dueAt.getTime() - now.getTime() > MAX_DUE_MS)
    return refuse(400, "dueAt: the due date must be within a year");
  const drawn: HomeworkConfig = {
    families: input.families,
    difficulty: input.difficulty,
    questionCount: input.questionCount,
    gameSeed: input.gameSeed ?? randomInt(0, 0x100000000),
    ...(input.concepts !== undefined && input.concepts.length > 0 ? { concepts: input.concepts } : {}),
  };
  const planned =
    input.pinned === undefined
      ? planClassroomGame({
          ...drawn,
          difficulty: input.difficulty,
          secondsPerQuestion: UNUSED_SECONDS_PER_QUESTION,
        })
      : planPinnedGame(input.pinned, UNUSED_SECONDS_PER_QUESTION);
  if (!planned.ok)
    return refuse(400, planned.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const config: HomeworkConfig =
    input.pinned === undefined
      ? drawn
      : { ...withoutConcepts(drawn), ...pinnedSettings(planned.plan.questionIds), pinned: true };
  const unitRng = () => randomInt(0, 0x100000000) / 0x100000000;
  for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
    const code = createJoinCode(unitRng);
    const created = await createHomework(db(), {
      code,
      teacherLearnerId: learnerId,
      config,
      questionIds: planned.plan.questionIds,
      dueAt,
      createdAt: now,
    });
    if (created.ok) return { ok: true, value: { code } };
  }
  return refuse(409, "code: no free assignment code was found; try again");
}

async function assignment(code: string): Promise<Outcome<StoredHomework>> {
  const homework = await findHomework(db(), code);
  return homework === null
    ? refuse(404, `code: no assignment has the code ${code}`)
    : { ok: true, value: homework };
}

export async function joinHomework(
  learnerId: string,
  code: string,
  displayName: string,
  now: Date,
): Promise<Outcome<{ displayName: string }>> {
  const found = await assignment(code);
  if (!found.ok) return found;
  const homework = found.value;
  if (homework.teacherLearnerId === learnerId)
    return refuse(409, "code: you set this assignment; students open its link in their own browser");
  if (!homeworkOpen(homework.dueAt, now)) return pastDue(homework);
  if (!isDisplayNameValid(displayName))
    return refuse(400, `displayName: give a name of 1 to ${MAX_DISPLAY_NAME_LENGTH} visible characters`);
  const name = cleanDisplayName(displayName);
  const added = await addHomeworkStudent(db(), code, {
    learnerId,
    displayName: name,
    nameKey: displayNameKey(name),
    joinedAt: now,
  });
  if (added.ok) return { ok: true, value: { displayName: name } };
  // Either this browser already has a name here, or another student holds this one.
  const mine = await findHomeworkStudent(db(), code, learnerId);
  if (mine !== null)
    return refuse(409, `displayName: you already started this assignment as ${mine.displayName}`);
  return refuse(409, "displayName: this name is taken in this assignment; add an initial");
}

export type HomeworkFeedback = {
  readonly questionIndex: number;
  readonly correct: boolean;
  readonly response: readonly string[];
  readonly solution: NonNullable<AnswerOutcome["solution"]>;
};

function feedbackOf(question: Question, answer: HomeworkAnswer): HomeworkFeedback {
  const outcome = answerOutcome(question, answer.response, "always");
  if (outcome.solution === undefined) throw new Error("answerOutcome: 'always' reveals the solution");
  return {
    questionIndex: answer.questionIndex,
    correct: outcome.correct,
    response: answer.response,
    solution: outcome.solution,
  };
}

/** The reply to an answer: its verdict, whether it was the last, and the student's counts after it. */
export type HomeworkAnswerReply = {
  readonly feedback: HomeworkFeedback;
  readonly finished: boolean;
  readonly progress: { readonly answered: number; readonly right: number };
};

export async function answerHomework(
  learnerId: string,
  input: Extract<HomeworkRequest, { action: "answer" }>,
  now: Date,
): Promise<Outcome<HomeworkAnswerReply>> {
  const found = await assignment(input.code);
  if (!found.ok) return found;
  const homework = found.value;
  if (!homeworkOpen(homework.dueAt, now)) return pastDue(homework);
  const student = await findHomeworkStudent(db(), input.code, learnerId);
  if (student === null) return refuse(409, "code: give your name on the assignment page first");
  const questionId = homework.questionIds[input.questionIndex];
  if (questionId === undefined) return refuse(400, "questionIndex: this assignment has no such question");
  // The sealed id opens only for this assignment and this learner, and must be the question at that index.
  const opened = openQuestionId(input.questionId, { kind: "homework", code: input.code, learnerId });
  if (!opened.ok || opened.questionId !== questionId) return refuse(409, `questionId: ${UNKNOWN_QUESTION}`);
  const question = questionOf(questionId);
  // "(Choose two.)" with one box ticked is refused, not graded as wrong (as practice does).
  const short = choiceCountProblem(question, input.optionIds);
  if (short !== undefined) return refuse(400, `optionIds: ${short}`);
  const graded = answerOutcome(question, input.optionIds, "always");
  const answer: HomeworkAnswer = {
    learnerId,
    questionIndex: input.questionIndex,
    response: [...new Set(input.optionIds)],
    correct: graded.correct,
    answeredAt: now,
  };
  const stored = await addHomeworkAnswer(db(), input.code, answer);
  if (!stored.ok) return refuse(409, "questionIndex: you already answered this question");
  // Homework counts for the student's own progress like any other answer.
  await recordAttempt(db(), learnerId, {
    questionId,
    family: question.family,
    seed: question.seed,
    difficulty: question.difficulty,
    response: answer.response,
    correct: graded.correct,
    score: graded.score,
    durationMs: 0,
    context: `homework:${input.code}`,
    startedAt: now,
    answeredAt: now,
  });
  const answered = await listHomeworkAnswers(db(), input.code, learnerId);
  return {
    ok: true,
    value: {
      feedback: feedbackOf(question, answer),
      finished: nextHomeworkQuestion(homework.questionIds.length, answered) === null,
      progress: { answered: answered.length, right: answered.filter((a) => a.correct).length },
    },
  };
}

export type HomeworkTeacherView = {
  readonly role: "teacher";
  readonly homework: StoredHomework;
  readonly students: number;
  readonly answers: number;
  readonly open: boolean;
};

export type HomeworkStudentView = {
  readonly role: "student";
  readonly code: string;
  readonly dueAt: Date;
  readonly open: boolean;
  readonly questionCount: number;
  /** Null until this browser gave a name. */
  readonly displayName: string | null;
  /** The student's answered questions with their keys (they answered them, so the key may show). */
  readonly answered: readonly HomeworkFeedback[];
  /** The next question, redacted, under an id sealed for this assignment and learner; null when done or closed. */
  readonly next: { readonly index: number; readonly question: QuestionForClient } | null;
};

/** What the assignment page shows this learner: the teacher's overview, or the student's next step. */
export async function viewHomework(
  learnerId: string,
  code: string,
  now: Date,
): Promise<Outcome<HomeworkTeacherView | HomeworkStudentView>> {
  const found = await assignment(code);
  if (!found.ok) return found;
  const homework = found.value;
  const open = homeworkOpen(homework.dueAt, now);
  if (homework.teacherLearnerId === learnerId) {
    const [students, answers] = await Promise.all([
      listHomeworkStudents(db(), code),
      listHomeworkAnswers(db(), code),
    ]);
    return {
      ok: true,
      value: { role: "teacher", homework, students: students.length, answers: answers.length, open },
    };
  }
  const student = await findHomeworkStudent(db(), code, learnerId);
  const answers = student === null ? [] : await listHomeworkAnswers(db(), code, learnerId);
  const index = nextHomeworkQuestion(homework.questionIds.length, answers);
  const nextId = index === null ? undefined : homework.questionIds[index];
  const next =
    student !== null && open && index !== null && nextId !== undefined
      ? {
          index,
          question: {
            ...toClientQuestion(questionOf(nextId)),
            id: sealQuestionId(nextId, { kind: "homework", code, learnerId }),
          },
        }
      : null;
  return {
    ok: true,
    value: {
      role: "student",
      code,
      dueAt: homework.dueAt,
      open,
      questionCount: homework.questionIds.length,
      displayName: student?.displayName ?? null,
      answered: answers.flatMap((answer) => {
        const id = homework.questionIds[answer.questionIndex];
        return id === undefined ? [] : [feedbackOf(questionOf(id), answer)];
      }),
      next,
    },
  };
}

async function teacherOnly(learnerId: string, code: string, what: string): Promise<Outcome<StoredHomework>> {
  const found = await assignment(code);
  if (!found.ok) return found;
  if (found.value.teacherLearnerId !== learnerId)
    return refuse(403, `code: only the teacher who set this assignment can ${what}`);
  return found;
}

/** The assignment's questions with their keys, for its teacher (preview and LMS export). */
export async function homeworkQuestions(
  learnerId: string,
  code: string,
): Promise<Outcome<readonly Question[]>> {
  const found = await teacherOnly(learnerId, code, "see its questions");
  if (!found.ok) return found;
  return { ok: true, value: found.value.questionIds.map((id) => questionOf(id)) };
}

/** The assignment's report in the live game's shape (per question, per student, concepts); teacher only. */
export async function reportHomework(
  learnerId: string,
  code: string,
): Promise<Outcome<{ report: GameReport; homework: StoredHomework }>> {
  const found = await teacherOnly(learnerId, code, "read its report");
  if (!found.ok) return found;
  const [students, answers] = await Promise.all([
    listHomeworkStudents(db(), code),
    listHomeworkAnswers(db(), code),
  ]);
  const questions = found.value.questionIds.map((id) => questionOf(id));
  return {
    ok: true,
    value: { report: buildHomeworkReport(questions, students, answers), homework: found.value },
  };
}
