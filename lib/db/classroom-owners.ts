// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";
import type { ClassroomGameStatus, ClassroomGameSummary } from "./classroom";

// Ownership of live games by a learner (an account's learner when signed in). A game's row keeps the browser that
// runs it (teacherLearnerId); this row says whose it is, so "your games" and the report follow the account to
// any device. Kept apart from ClassroomGame so the hot path's row does not change.

export async function recordClassroomOwner(
  db: Db,
  joinCode: string,
  ownerLearnerId: string,
  now: Date,
): Promise<void> {
  await db.classroomOwner.create({ data: { joinCode, ownerLearnerId, createdAt: now } });
}

export async function findClassroomOwner(db: Db, joinCode: string): Promise<string | null> {
  const row = await db.classroomOwner.findUnique({ where: { joinCode }, select: { ownerLearnerId: true } });
  return row?.ownerLearnerId ?? null;
}

/**
 * The games a learner owns or runs from this browser, in one status, newest first: the union of the games whose
 * teacher is one of `teacherIds` (this browser, or the learner for games made before owners were recorded) and
 * those owned by `ownerLearnerId`.
 */
export async function listClassroomGamesOf(
  db: Db,
  who: { readonly ownerLearnerId: string; readonly teacherIds: readonly string[] },
  status: ClassroomGameStatus,
  limit = 50,
): Promise<ClassroomGameSummary[]> {
  const owned = await db.classroomOwner.findMany({
    where: { ownerLearnerId: who.ownerLearnerId },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { joinCode: true },
  });
  const rows = await db.classroomGame.findMany({
    where: {
      status,
      OR: [
        { teacherLearnerId: { in: [...who.teacherIds] } },
        { joinCode: { in: owned.map((row) => row.joinCode) } },
      ],
    },
    orderBy: status === "finished" ? { updatedAt: "desc" } : { createdAt: "desc" },
    take: limit,
    select: { joinCode: true, status: true, config: true, createdAt: true, updatedAt: true },
  });
  return rows.map((row) => ({
    joinCode: row.joinCode,
    status: row.status === "finished" ? "finished" : "active",
    config: JSON.parse(row.config) as unknown,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}
