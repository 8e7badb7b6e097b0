// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./client";

export type Learner = { readonly id: string; readonly createdAt: Date };

/**
 * A random token in the format of the first releases. The app now issues signed tokens (app/security); this
 * one stays for tests and tools that create learners directly.
 */
export function newLearnerToken(): string {
  return randomBytes(24).toString("base64url");
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The id a new learner gets, derived from its token (one-way), so a visitor who has not written anything yet
 * can be shown "nothing yet" under the same id that its first write will create.
 */
export function learnerIdForToken(token: string): string {
  const hex = createHash("sha256").update(`learner-id:${token}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The learner bound to a token, written on the first write; later calls only refresh lastSeen. */
export async function findOrCreateLearner(db: Db, token: string, now: Date): Promise<Learner> {
  const tokenHash = hashToken(token);
  return db.learner.upsert({
    where: { tokenHash },
    create: { id: learnerIdForToken(token), tokenHash, createdAt: now, lastSeen: now },
    update: { lastSeen: now },
    select: { id: true, createdAt: true },
  });
}

/** The learner for a token without creating one. */
export async function findLearner(db: Db, token: string): Promise<Learner | null> {
  return db.learner.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, createdAt: true },
  });
}

/**
 * The learner a read shows: the stored one, or a learner with no rows yet under the id its first write will
 * create. Writes nothing, so crawlers and first visits leave no Learner row behind.
 */
export async function viewLearner(db: Db, token: string, now: Date): Promise<Learner> {
  return (await findLearner(db, token)) ?? { id: learnerIdForToken(token), createdAt: now };
}
