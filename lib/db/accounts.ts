// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "./client";
import { hashToken } from "./learners";

// Optional accounts. An account claims one learner (the one the browser's cookie held when signing up); each
// signed-in browser is a SignInSession row keyed by the hash of its cookie token. Only hashes are stored: the
// password's scrypt hash, the token's SHA-256.

export type AccountRow = {
  readonly id: string;
  readonly learnerId: string;
  readonly username: string;
  readonly passwordHash: string;
};

export type CreateAccountResult =
  | { readonly ok: true; readonly account: AccountRow }
  | { readonly ok: false; readonly reason: "username-taken" | "already-claimed" };

/**
 * The passwordHash of an account created with a passkey and no password. No password verifies against it
 * (it is not a scrypt string); sign-in still hashes against a decoy so the reply takes as long as for others.
 */
export const NO_PASSWORD = "";

export function hasPassword(passwordHash: string): boolean {
  return passwordHash !== NO_PASSWORD;
}

/** Usernames compare case-insensitively: "Ana" and "ana" are one account. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | null> {
  return db.account.findUnique({
    where: { username: normaliseUsername(username) },
    select: { id: true, learnerId: true, username: true, passwordHash: true },
  });
}

export async function findAccountByLearner(
  db: Db,
  learnerId: string,
): Promise<{ readonly username: string } | null> {
  return db.account.findUnique({ where: { learnerId }, select: { username: true } });
}

/** The account a browser's cookie token is signed in to, or null for an anonymous browser. */
export async function accountForToken(db: Db, token: string): Promise<{ readonly username: string } | null> {
  const row = await db.signInSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { learner: { select: { account: { select: { username: true } } } } },
  });
  return row?.learner.account ?? null;
}

/** Creates the account on an existing learner: what the cookie holds becomes the account's progress. */
export async function createAccount(
  db: Db,
  input: {
    readonly learnerId: string;
    readonly username: string;
    readonly passwordHash: string;
    readonly now: Date;
  },
): Promise<CreateAccountResult> {
  const username = normaliseUsername(input.username);
  return db.$transaction(async (tx) => {
    if ((await tx.account.count({ where: { username } })) > 0)
      return { ok: false, reason: "username-taken" } as const;
    if ((await tx.account.count({ where: { learnerId: input.learnerId } })) > 0)
      return { ok: false, reason: "already-claimed" } as const;
    const account = {
      id: randomUUID(),
      learnerId: input.learnerId,
      username,
      passwordHash: input.passwordHash,
    };
    await tx.account.create({ data: { ...account, createdAt: input.now } });
    return { ok: true, account } as const;
  });
}

/**
 * Binds a freshly minted cookie token to the account's learner, and retires the token the browser held: the
 * learner's anonymous token is replaced by a random hash nobody holds, and a previous sign-in session of this
 * browser is deleted. The old cookie value then opens nothing (the session rotated).
 */
export async function rotateIntoSession(
  db: Db,
  input: {
    readonly learnerId: string;
    readonly newToken: string;
    readonly oldToken: string;
    readonly now: Date;
  },
): Promise<void> {
  const oldHash = hashToken(input.oldToken);
  await db.$transaction([
    db.retiredToken.upsert({
      where: { tokenHash: oldHash },
      create: { tokenHash: oldHash, retiredAt: input.now },
      update: {},
    }),
    db.signInSession.deleteMany({ where: { tokenHash: oldHash } }),
    db.learner.updateMany({
      where: { tokenHash: oldHash },
      data: { tokenHash: `retired:${randomBytes(32).toString("hex")}` },
    }),
    db.signInSession.create({
      data: {
        tokenHash: hashToken(input.newToken),
        learnerId: input.learnerId,
        createdAt: input.now,
        lastSeen: input.now,
      },
    }),
  ]);
}

/** Signs a browser out: its token stops opening the account, for good. */
export async function endSession(db: Db, token: string, now: Date): Promise<void> {
  const tokenHash = hashToken(token);
  await db.$transaction([
    db.retiredToken.upsert({ where: { tokenHash }, create: { tokenHash, retiredAt: now }, update: {} }),
    db.signInSession.deleteMany({ where: { tokenHash } }),
  ]);
}
