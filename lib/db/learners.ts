// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "./client";

export type Learner = { readonly id: string; readonly createdAt: Date };

/**
 * A random token in the format of the first releases. The app now issues signed tokens (app/security); this
 * one stays for tests and tools that create learners directly.
 */
export function newLearnerToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
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

/** The learner a signed-in browser's token belongs to (lib/db/accounts.ts writes these sessions). */
async function signedInLearner(db: Db, tokenHash: string): Promise<Learner | null> {
  const row = await db.signInSession.findUnique({
    where: { tokenHash },
    select: { learner: { select: { id: true, createdAt: true } } },
  });
  return row?.learner ?? null;
}

/**
 * The id a learner created for this token gets: derived from the token, except for a token retired when its
 * browser signed up or in. That id belongs to the account's learner now, so a replayed old token gets a new,
 * unrelated learner instead.
 */
async function newLearnerId(db: Db, tokenHash: string, token: string): Promise<string> {
  const retired = await db.retiredToken.findUnique({ where: { tokenHash }, select: { tokenHash: true } });
  return retired === null ? learnerIdForToken(token) : randomUUID();
}

/** The learner bound to a token, written on the first write; later calls only refresh lastSeen. */
export async function findOrCreateLearner(db: Db, token: string, now: Date): Promise<Learner> {
  const tokenHash = hashToken(token);
  const signedIn = await signedInLearner(db, tokenHash);
  if (signedIn !== null) {
    await db.signInSession.update({ where: { tokenHash }, data: { lastSeen: now } });
    return signedIn;
  }
  const existing = await db.learner.findUnique({ where: { tokenHash }, select: { id: true } });
  return db.learner.upsert({
    where: { tokenHash },
    create: {
      id: existing?.id ?? (await newLearnerId(db, tokenHash, token)),
      tokenHash,
      createdAt: now,
      lastSeen: now,
    },
    update: { lastSeen: now },
    select: { id: true, createdAt: true },
  });
}

/** The learner for a token without creating one. */
export async function findLearner(db: Db, token: string): Promise<Learner | null> {
  const tokenHash = hashToken(token);
  return (
    (await db.learner.findUnique({ where: { tokenHash }, select: { id: true, createdAt: true } })) ??
    (await signedInLearner(db, tokenHash))
  );
}

/** The anonymous learner a token was issued to (not a signed-in session's learner), or null. */
export async function findAnonymousLearner(db: Db, token: string): Promise<Learner | null> {
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
  return (
    (await findLearner(db, token)) ?? { id: await newLearnerId(db, hashToken(token), token), createdAt: now }
  );
}
