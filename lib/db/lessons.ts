// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";

export type LessonProgress = {
  readonly slug: string;
  readonly read: boolean;
  /** Distinct inline questions of the lesson answered right at least once. */
  readonly questionsRight: number;
};

/** Marks a lesson read; reading it again keeps the first time. */
export async function markLessonRead(db: Db, learnerId: string, slug: string, now: Date): Promise<void> {
  await db.lessonRead.upsert({
    where: { learnerId_slug: { learnerId, slug } },
    create: { learnerId, slug, readAt: now },
    update: {},
  });
}

/** Read state and right answers per lesson, for the course list. */
export async function lessonProgress(
  db: Db,
  learnerId: string,
  slugs: readonly string[],
): Promise<LessonProgress[]> {
  const [reads, rights] = await Promise.all([
    db.lessonRead.findMany({ where: { learnerId }, select: { slug: true } }),
    db.attempt.findMany({
      where: { learnerId, correct: true, context: { startsWith: "lesson:" } },
      select: { context: true, questionId: true },
      distinct: ["context", "questionId"],
    }),
  ]);
  const readSlugs = new Set(reads.map((row) => row.slug));
  const rightBySlug = new Map<string, number>();
  for (const row of rights) {
    const slug = row.context.slice("lesson:".length);
    rightBySlug.set(slug, (rightBySlug.get(slug) ?? 0) + 1);
  }
  return slugs.map((slug) => ({
    slug,
    read: readSlugs.has(slug),
    questionsRight: rightBySlug.get(slug) ?? 0,
  }));
}
