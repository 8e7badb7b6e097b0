import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount, rotateIntoSession } from "../../lib/db/accounts";
import { listAttempts, recordAttempt, type AttemptRecord } from "../../lib/db/attempts";
import { createAssignment, findAssignment } from "../../lib/db/assignments";
import { addBookmark, listBookmarks } from "../../lib/db/bookmarks";
import {
  addHomeworkAnswer,
  addHomeworkStudent,
  createHomework,
  findHomeworkStudent,
  listHomeworkAnswers,
} from "../../lib/db/homework";
import { listLabs, saveLab } from "../../lib/db/labs";
import { findAnonymousLearner, findOrCreateLearner, newLearnerToken } from "../../lib/db/learners";
import { markLessonRead } from "../../lib/db/lessons";
import { mergeLearnerInto } from "../../lib/db/merge-learner";
import { ensureCards, findCard, listCards } from "../../lib/db/srs";
import { toSkillId } from "../../lib/srs/index";
import { must } from "../support/must";
import { createTempDb } from "./support/temp-db";

const t0 = new Date("2026-11-01T10:00:00Z");
const t1 = new Date("2026-11-02T10:00:00Z");
const t2 = new Date("2026-11-03T10:00:00Z");
const P3 = toSkillId("P3");
const E1 = toSkillId("E1");

function attempt(questionId: string, at: Date): AttemptRecord {
  return {
    questionId,
    family: "sg-inbound",
    seed: 1,
    difficulty: 1,
    response: ["a"],
    correct: true,
    score: 1,
    durationMs: 1000,
    context: "practice:s",
    startedAt: at,
    answeredAt: at,
  };
}

const bookmark = (questionId: string) => ({
  questionId,
  family: "sg-inbound",
  seed: 1,
  difficulty: 1,
  context: "practice:s",
});

describe("merging an anonymous learner into an account on sign-in", () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  async function twoLearners() {
    const accountToken = newLearnerToken();
    const account = await findOrCreateLearner(temp.db, accountToken, t0);
    await createAccount(temp.db, { learnerId: account.id, username: "ana", passwordHash: "h", now: t0 });
    const anonymousToken = newLearnerToken();
    const anonymous = await findOrCreateLearner(temp.db, anonymousToken, t0);
    return { account, anonymous, anonymousToken };
  }

  it("keeps the anonymous learner's labs (a taken name gets a suffix) and assignments", async () => {
    const { account, anonymous } = await twoLearners();
    const lab = { format: "yaml" as const, text: "a: 1\n" };
    const kept = await saveLab(temp.db, account.id, { ...lab, name: "peering" }, t0);
    const clash = await saveLab(temp.db, anonymous.id, { ...lab, name: "peering" }, t1);
    const own = await saveLab(temp.db, anonymous.id, { ...lab, name: "tgw" }, t1);
    const assignment = await createAssignment(
      temp.db,
      anonymous.id,
      {
        title: "t",
        instructions: "",
        ...lab,
        goals: [{ kind: "not-reach", from: "internet", to: "db", protocol: "any" }],
      },
      t1,
    );

    await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 });

    const labs = await listLabs(temp.db, account.id);
    expect(labs.map((row) => row.id).sort()).toEqual([kept, clash, own].sort());
    expect(labs.find((row) => row.id === clash)?.name).toMatch(/^peering \(before sign-in /);
    expect(must(await findAssignment(temp.db, assignment)).ownerId).toBe(account.id);
  });

  it("homework started before signing in continues in the account; the account's own answer to a question wins", async () => {
    const { account, anonymous } = await twoLearners();
    const dueAt = new Date("2026-12-01T00:00:00Z");
    for (const code of ["HWONE2", "HWTWO3"])
      await createHomework(temp.db, {
        code,
        teacherLearnerId: "teacher",
        config: {},
        questionIds: ["a.1.1", "a.2.1", "a.3.1"],
        dueAt,
        createdAt: t0,
      });
    const student = (learnerId: string, displayName: string) => ({
      learnerId,
      displayName,
      nameKey: displayName.toLowerCase(),
      joinedAt: t0,
    });
    const answer = (learnerId: string, questionIndex: number, correct: boolean, at: Date) => ({
      learnerId,
      questionIndex,
      response: ["a"],
      correct,
      answeredAt: at,
    });
    // Only the anonymous browser started HWONE2; both sides started HWTWO3 and both answered its question 0.
    await addHomeworkStudent(temp.db, "HWONE2", student(anonymous.id, "Ana"));
    await addHomeworkAnswer(temp.db, "HWONE2", answer(anonymous.id, 0, true, t0));
    await addHomeworkStudent(temp.db, "HWTWO3", student(account.id, "Ana"));
    await addHomeworkAnswer(temp.db, "HWTWO3", answer(account.id, 0, false, t0));
    await addHomeworkStudent(temp.db, "HWTWO3", student(anonymous.id, "Ana B"));
    await addHomeworkAnswer(temp.db, "HWTWO3", answer(anonymous.id, 0, true, t1));
    await addHomeworkAnswer(temp.db, "HWTWO3", answer(anonymous.id, 1, true, t1));

    await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 });

    expect((await findHomeworkStudent(temp.db, "HWONE2", account.id))?.displayName).toBe("Ana");
    expect(
      (await listHomeworkAnswers(temp.db, "HWONE2", account.id)).map((row) => row.questionIndex),
    ).toEqual([0]);
    expect((await findHomeworkStudent(temp.db, "HWTWO3", account.id))?.displayName).toBe("Ana");
    const two = await listHomeworkAnswers(temp.db, "HWTWO3");
    expect(two.map((row) => [row.learnerId, row.questionIndex, row.correct])).toEqual([
      [account.id, 0, false],
      [account.id, 1, true],
    ]);
    expect(await findHomeworkStudent(temp.db, "HWTWO3", anonymous.id)).toBeNull();
    // An answered question stays answered: a second answer is refused by the key.
    expect((await addHomeworkAnswer(temp.db, "HWONE2", answer(account.id, 0, false, t2))).ok).toBe(false);
  });

  it("keeps attempts, cards and bookmarks of both, once each, and deletes the anonymous learner", async () => {
    const { account, anonymous, anonymousToken } = await twoLearners();
    await recordAttempt(temp.db, account.id, attempt("q-account", t0));
    await recordAttempt(temp.db, anonymous.id, attempt("q-anon-1", t1));
    await recordAttempt(temp.db, anonymous.id, attempt("q-anon-2", t1));
    await ensureCards(temp.db, account.id, [P3], "lesson", t0);
    await ensureCards(temp.db, anonymous.id, [P3, E1], "practice", t1);
    await addBookmark(temp.db, account.id, bookmark("q-shared"), t1);
    await addBookmark(temp.db, anonymous.id, bookmark("q-shared"), t0);
    await addBookmark(temp.db, anonymous.id, bookmark("q-anon-1"), t1);
    await markLessonRead(temp.db, anonymous.id, "route-tables", t1);

    const counts = await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 });

    expect(counts).toMatchObject({ attempts: 2, cards: 1, bookmarks: 1, lessonReads: 1 });
    const attempts = await listAttempts(temp.db, account.id);
    expect(attempts.map((a) => a.questionId).sort()).toEqual(["q-account", "q-anon-1", "q-anon-2"]);
    const cards = await listCards(temp.db, account.id);
    expect(cards.map((card) => card.skillId).sort()).toEqual([E1, P3].sort());
    // The shared card keeps the date the learner first met the skill, on either side.
    expect(must(await findCard(temp.db, account.id, P3)).addedAt).toBe(t0.toISOString());
    const marks = await listBookmarks(temp.db, account.id);
    expect(marks.map((mark) => mark.questionId).sort()).toEqual(["q-anon-1", "q-shared"]);
    expect(must(marks.find((mark) => mark.questionId === "q-shared")).createdAt).toEqual(t0);
    expect(await findAnonymousLearner(temp.db, anonymousToken)).toBeNull();
    expect(await listAttempts(temp.db, anonymous.id)).toEqual([]);
    // Merging again (a double submit) finds nothing to move and changes nothing.
    expect(
      await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 }),
    ).toMatchObject({
      attempts: 0,
      cards: 0,
    });
    expect(await listAttempts(temp.db, account.id)).toHaveLength(3);
  });

  it("keeps the schedule of the card reviewed more recently, whichever side it is on", async () => {
    const { account, anonymous } = await twoLearners();
    await ensureCards(temp.db, account.id, [P3], "lesson", t0);
    await ensureCards(temp.db, anonymous.id, [P3], "practice", t0);
    await temp.db.srsCard.update({
      where: { learnerId_skillId: { learnerId: account.id, skillId: P3 } },
      data: { lastReview: t0, reps: 1, stability: 1, due: t1 },
    });
    await temp.db.srsCard.update({
      where: { learnerId_skillId: { learnerId: anonymous.id, skillId: P3 } },
      data: { lastReview: t1, reps: 4, stability: 9, due: t2, suspended: true },
    });
    await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 });
    const card = must(await findCard(temp.db, account.id, P3));
    expect(card).toMatchObject({
      reps: 4,
      stability: 9,
      lastReview: t1.toISOString(),
      due: t2.toISOString(),
    });
    // Suspended on one side only: the account's card stays in the queue.
    expect(card.suspended).toBe(false);
  });

  it("never absorbs a learner that owns an account, nor itself", async () => {
    const { account } = await twoLearners();
    const other = await findOrCreateLearner(temp.db, newLearnerToken(), t0);
    await createAccount(temp.db, { learnerId: other.id, username: "bo", passwordHash: "h", now: t0 });
    await recordAttempt(temp.db, other.id, attempt("q-bo", t0));
    await mergeLearnerInto(temp.db, { fromId: other.id, intoId: account.id, now: t1 });
    await mergeLearnerInto(temp.db, { fromId: account.id, intoId: account.id, now: t1 });
    expect(await listAttempts(temp.db, other.id)).toHaveLength(1);
    expect(await listAttempts(temp.db, account.id)).toHaveLength(0);
  });

  it("leaves one active practice session: the one touched last", async () => {
    const { account, anonymous, anonymousToken } = await twoLearners();
    const session = (id: string, learnerId: string, at: Date) =>
      temp.db.studySession.create({
        data: {
          id,
          learnerId,
          kind: "practice",
          machineVersion: 1,
          snapshot: "{}",
          config: "{}",
          status: "active",
          createdAt: at,
          updatedAt: at,
        },
      });
    await session("old", account.id, t0);
    await session("new", anonymous.id, t1);
    await mergeLearnerInto(temp.db, { fromId: anonymous.id, intoId: account.id, now: t2 });
    const rows = await temp.db.studySession.findMany({
      where: { learnerId: account.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ["new", "active"],
      ["old", "finished"],
    ]);
    // After the merge the browser's session rotates as on any sign-in; the old token opens nothing.
    const sessionToken = newLearnerToken();
    await rotateIntoSession(temp.db, {
      learnerId: account.id,
      newToken: sessionToken,
      oldToken: anonymousToken,
      now: t2,
    });
    expect((await findOrCreateLearner(temp.db, sessionToken, t2)).id).toBe(account.id);
  });
});
