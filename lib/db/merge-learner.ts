// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";

// Signing in on a browser that studied anonymously keeps that study: the anonymous learner's rows move into the
// account's learner, in one transaction, and the anonymous learner is deleted. Rows keyed by an event id
// (attempts, sessions, the review log, card changes) simply move. Rows keyed by what they are about (a review
// card per skill, a bookmark per question, a lesson read per lesson, the review settings) are merged so the
// account never holds two of one thing:
// - a bookmark or a lesson read present on both sides is kept once, with the earlier date;
// - a review card present on both sides keeps the schedule reviewed more recently (the log of both moves, so
//   the history is complete), the earlier date it was added, and stays suspended only if both were;
// - the account's review settings win; the anonymous ones are used only if the account had none;
// - one active practice or exam session per kind: the one touched last stays active, the other is finished.
// - homework a student started before signing in continues in the account (on any device): when the account
//   already started the same assignment, its name stays and an answer it already gave to a question wins over
//   the anonymous one, so no question ends up answered twice.

export type MergeCounts = {
  readonly attempts: number;
  readonly sessions: number;
  readonly cards: number;
  readonly reviews: number;
  readonly bookmarks: number;
  readonly lessonReads: number;
};

const NOTHING: MergeCounts = { attempts: 0, sessions: 0, cards: 0, reviews: 0, bookmarks: 0, lessonReads: 0 };

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function moveHomework(tx: Tx, fromId: string, intoId: string): Promise<void> {
  for (const student of await tx.homeworkStudent.findMany({ where: { learnerId: fromId } })) {
    const key = { code_learnerId: { code: student.code, learnerId: intoId } };
    if ((await tx.homeworkStudent.findUnique({ where: key, select: { code: true } })) === null)
      await tx.homeworkStudent.update({
        where: { code_learnerId: { code: student.code, learnerId: fromId } },
        data: { learnerId: intoId },
      });
    else
      await tx.homeworkStudent.delete({
        where: { code_learnerId: { code: student.code, learnerId: fromId } },
      });
  }
  for (const answer of await tx.homeworkAnswer.findMany({ where: { learnerId: fromId } })) {
    const from = { code: answer.code, learnerId: fromId, questionIndex: answer.questionIndex };
    const into = { ...from, learnerId: intoId };
    if ((await tx.homeworkAnswer.findUnique({ where: { code_learnerId_questionIndex: into } })) === null)
      await tx.homeworkAnswer.update({
        where: { code_learnerId_questionIndex: from },
        data: { learnerId: intoId },
      });
    else await tx.homeworkAnswer.delete({ where: { code_learnerId_questionIndex: from } });
  }
}

/** Moves everything of learner `fromId` into learner `intoId` and deletes `fromId`. Idempotent per pair. */
export async function mergeLearnerInto(
  db: Db,
  input: { readonly fromId: string; readonly intoId: string; readonly now: Date },
): Promise<MergeCounts> {
  const { fromId, intoId, now } = input;
  if (fromId === intoId) return NOTHING;
  return db.$transaction(async (tx) => {
    const from = await tx.learner.findUnique({ where: { id: fromId }, select: { id: true, account: true } });
    // A learner that owns an account is never absorbed by another one.
    if (from === null || from.account !== null) return NOTHING;

    const attempts = await tx.attempt.updateMany({
      where: { learnerId: fromId },
      data: { learnerId: intoId },
    });
    const reviews = await tx.srsReview.updateMany({
      where: { learnerId: fromId },
      data: { learnerId: intoId },
    });
    await tx.srsCardChange.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
    // The classroom games and homework this learner set follow them into the account.
    await tx.classroomOwner.updateMany({
      where: { ownerLearnerId: fromId },
      data: { ownerLearnerId: intoId },
    });
    await tx.homework.updateMany({ where: { teacherLearnerId: fromId }, data: { teacherLearnerId: intoId } });
    const sessions = await tx.studySession.updateMany({
      where: { learnerId: fromId },
      data: { learnerId: intoId },
    });
    for (const kind of ["practice", "exam"]) {
      const active = await tx.studySession.findMany({
        where: { learnerId: intoId, kind, status: "active" },
        orderBy: { updatedAt: "desc" },
        select: { id: true },
      });
      const older = active.slice(1).map((row) => row.id);
      if (older.length > 0)
        await tx.studySession.updateMany({
          where: { id: { in: older } },
          data: { status: "finished", finishedAt: now, updatedAt: now },
        });
    }

    let bookmarks = 0;
    for (const mark of await tx.bookmark.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId_questionId: { learnerId: intoId, questionId: mark.questionId } };
      const kept = await tx.bookmark.findUnique({ where: key, select: { createdAt: true } });
      if (kept === null) {
        await tx.bookmark.create({ data: { ...mark, learnerId: intoId } });
        bookmarks += 1;
      } else
        await tx.bookmark.update({
          where: key,
          data: { createdAt: earlier(kept.createdAt, mark.createdAt) },
        });
    }

    let lessonReads = 0;
    for (const read of await tx.lessonRead.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId_slug: { learnerId: intoId, slug: read.slug } };
      const kept = await tx.lessonRead.findUnique({ where: key, select: { readAt: true } });
      if (kept === null) {
        await tx.lessonRead.create({ data: { ...read, learnerId: intoId } });
        lessonReads += 1;
      } else await tx.lessonRead.update({ where: key, data: { readAt: earlier(kept.readAt, read.readAt) } });
    }

    let cards = 0;
    for (const card of await tx.srsCard.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId_skillId: { learnerId: intoId, skillId: card.skillId } };
      const kept = await tx.srsCard.findUnique({ where: key });
      if (kept === null) {
        await tx.srsCard.create({ data: { ...card, learnerId: intoId } });
        cards += 1;
        continue;
      }
      const keptTime = kept.lastReview?.getTime() ?? -Infinity;
      const movedTime = card.lastReview?.getTime() ?? -Infinity;
      const schedule = movedTime > keptTime ? card : kept;
      const { learnerId: _learner, skillId: _skill, ...fields } = schedule;
      await tx.srsCard.update({
        where: key,
        data: {
          ...fields,
          addedAt: earlier(kept.addedAt, card.addedAt),
          suspended: kept.suspended && card.suspended,
        },
      });
    }

    const settings = await tx.srsSettings.findUnique({ where: { learnerId: fromId } });
    if (settings !== null && (await tx.srsSettings.count({ where: { learnerId: intoId } })) === 0)
      await tx.srsSettings.create({ data: { ...settings, learnerId: intoId } });

    // Labs keep their ids (share links stay valid); a name the account already uses gets a suffix, not lost.
    for (const lab of await tx.lab.findMany({
      where: { learnerId: fromId },
      select: { id: true, name: true },
    })) {
      const taken = await tx.lab.count({ where: { learnerId: intoId, name: lab.name } });
      const name = taken === 0 ? lab.name : `${lab.name.slice(0, 60)} (before sign-in ${lab.id.slice(0, 6)})`;
      await tx.lab.update({ where: { id: lab.id }, data: { learnerId: intoId, name } });
    }
    await moveHomework(tx, fromId, intoId);
    await tx.assignment.updateMany({ where: { ownerId: fromId }, data: { ownerId: intoId } });
    await tx.assignmentSubmission.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });

    // What did not move (duplicates, settings, sign-in sessions) goes with the learner row (cascade).
    await tx.learner.delete({ where: { id: fromId } });
    return {
      attempts: attempts.count,
      sessions: sessions.count,
      cards,
      reviews: reviews.count,
      bookmarks,
      lessonReads,
    };
  });
}
