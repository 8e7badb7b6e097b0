// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";

// Bookmarks collect questions across sessions. The row keeps what regenerates the question
// (family, seed, difficulty), never anything the browser sent: callers pass an id the server opened.

export type BookmarkRecord = {
  readonly questionId: string;
  readonly family: string;
  readonly seed: number;
  readonly difficulty: number;
  /** "practice:<session>" or "exam:<session>". */
  readonly context: string;
};

export type StoredBookmark = BookmarkRecord & { readonly createdAt: Date };

/** Adds a bookmark; bookmarking the same question again keeps the first one (and its date). */
export async function addBookmark(
  db: Db,
  learnerId: string,
  bookmark: BookmarkRecord,
  now: Date,
): Promise<void> {
  await db.bookmark.upsert({
    where: { learnerId_questionId: { learnerId, questionId: bookmark.questionId } },
    create: { learnerId, ...bookmark, createdAt: now },
    update: {},
  });
}

/** Removes a bookmark; removing one that is not there is not an error (a double click). */
export async function removeBookmark(db: Db, learnerId: string, questionId: string): Promise<void> {
  await db.bookmark.deleteMany({ where: { learnerId, questionId } });
}

/** Newest first. */
export async function listBookmarks(db: Db, learnerId: string, limit = 200): Promise<StoredBookmark[]> {
  return db.bookmark.findMany({
    where: { learnerId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { questionId: true, family: true, seed: true, difficulty: true, context: true, createdAt: true },
  });
}

/** One of the learner's bookmarks, or null. */
export async function findBookmark(
  db: Db,
  learnerId: string,
  questionId: string,
): Promise<StoredBookmark | null> {
  return db.bookmark.findFirst({
    where: { learnerId, questionId },
    select: { questionId: true, family: true, seed: true, difficulty: true, context: true, createdAt: true },
  });
}

export async function isBookmarked(db: Db, learnerId: string, questionId: string): Promise<boolean> {
  return (await db.bookmark.count({ where: { learnerId, questionId } })) > 0;
}

/** Which of these questions the learner has answered (graded anywhere): their explanation may be shown. */
export async function answeredQuestionIds(
  db: Db,
  learnerId: string,
  questionIds: readonly string[],
): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.attempt.findMany({
    where: { learnerId, questionId: { in: [...questionIds] } },
    select: { questionId: true },
    distinct: ["questionId"],
  });
  return new Set(rows.map((row) => row.questionId));
}
