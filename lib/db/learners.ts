import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "./client";

export type Learner = { readonly id: string; readonly createdAt: Date };

/** A fresh opaque token for the learner cookie; only its hash is stored. */
export function newLearnerToken(): string {
  return randomBytes(24).toString("base64url");
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The learner bound to a cookie token, created on first sight so a new visitor needs no sign-up. */
export async function findOrCreateLearner(db: Db, token: string, now: Date): Promise<Learner> {
  const tokenHash = hashToken(token);
  const row = await db.learner.upsert({
    where: { tokenHash },
    create: { id: randomUUID(), tokenHash, createdAt: now, lastSeen: now },
    update: { lastSeen: now },
    select: { id: true, createdAt: true },
  });
  return row;
}

/** The learner for a token without creating one (read-only pages). */
export async function findLearner(db: Db, token: string): Promise<Learner | null> {
  return db.learner.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, createdAt: true } });
}
