// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";
import { hasPassword } from "./accounts";
import { hashToken } from "./learners";

// Passkeys (WebAuthn credentials) of accounts, and the one-time challenge of a ceremony in progress. A
// challenge belongs to the browser that asked for it (the hash of its cookie token) and is consumed by the
// verification that follows, so it cannot be replayed or used by another browser.

export type PasskeyPurpose = "register" | "sign-in" | "sign-up";

export type StoredPasskey = {
  readonly id: string;
  readonly accountId: string;
  readonly learnerId: string;
  readonly username: string;
  readonly publicKey: Uint8Array<ArrayBuffer>;
  readonly counter: number;
  readonly transports: readonly string[];
};

export type NewPasskey = {
  readonly id: string;
  readonly accountId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly deviceType: string;
  readonly backedUp: boolean;
};

function parseTransports(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === "string") : [];
}

/** Starts a ceremony for this browser; a new one replaces a ceremony it left unfinished. */
export async function saveChallenge(
  db: Db,
  input: {
    readonly token: string;
    readonly purpose: PasskeyPurpose;
    readonly challenge: string;
    readonly expiresAt: Date;
  },
): Promise<void> {
  const tokenHash = hashToken(input.token);
  const data = { purpose: input.purpose, challenge: input.challenge, expiresAt: input.expiresAt };
  await db.passkeyChallenge.upsert({ where: { tokenHash }, create: { tokenHash, ...data }, update: data });
}

/** The browser's challenge for this purpose, deleted as it is read; null when missing, expired or for another purpose. */
export async function takeChallenge(
  db: Db,
  token: string,
  purpose: PasskeyPurpose,
  now: Date,
): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await db.passkeyChallenge.findUnique({ where: { tokenHash } });
  if (row === null) return null;
  await db.passkeyChallenge.deleteMany({ where: { tokenHash } });
  return row.purpose === purpose && row.expiresAt.getTime() > now.getTime() ? row.challenge : null;
}

export async function addPasskey(db: Db, passkey: NewPasskey, now: Date): Promise<void> {
  await db.passkey.create({
    data: {
      ...passkey,
      publicKey: Uint8Array.from(passkey.publicKey),
      transports: JSON.stringify(passkey.transports),
      createdAt: now,
    },
  });
}

export async function findPasskey(db: Db, id: string): Promise<StoredPasskey | null> {
  const row = await db.passkey.findUnique({
    where: { id },
    include: { account: { select: { learnerId: true, username: true } } },
  });
  if (row === null) return null;
  return {
    id: row.id,
    accountId: row.accountId,
    learnerId: row.account.learnerId,
    username: row.account.username,
    publicKey: Uint8Array.from(row.publicKey),
    counter: row.counter,
    transports: parseTransports(row.transports),
  };
}

/** The account's passkeys, oldest first (ids and transports: what a new registration must exclude). */
export async function listPasskeys(
  db: Db,
  accountId: string,
): Promise<
  {
    readonly id: string;
    readonly transports: readonly string[];
    readonly createdAt: Date;
    readonly lastUsedAt: Date | null;
  }[]
> {
  const rows = await db.passkey.findMany({
    where: { accountId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, transports: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map((row) => ({ ...row, transports: parseTransports(row.transports) }));
}

export type RemovePasskeyResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: "not-found" | "last-way-in" };

/**
 * Removes one of the account's passkeys. An account without a password keeps its last passkey: removing it
 * would leave no way to sign in. The count and the delete run in one transaction, so two removals at once
 * cannot both pass the check.
 */
export async function removePasskey(
  db: Db,
  input: { readonly accountId: string; readonly passkeyId: string; readonly hasPassword: boolean },
): Promise<RemovePasskeyResult> {
  return db.$transaction(async (tx) => {
    const owned = await tx.passkey.count({ where: { id: input.passkeyId, accountId: input.accountId } });
    if (owned === 0) return { ok: false, reason: "not-found" } as const;
    if (!input.hasPassword && (await tx.passkey.count({ where: { accountId: input.accountId } })) <= 1)
      return { ok: false, reason: "last-way-in" } as const;
    await tx.passkey.delete({ where: { id: input.passkeyId } });
    return { ok: true } as const;
  });
}

/** Records a successful sign-in: the authenticator's new signature counter and when it was used. */
export async function markPasskeyUsed(db: Db, id: string, counter: number, now: Date): Promise<void> {
  await db.passkey.update({ where: { id }, data: { counter, lastUsedAt: now } });
}

/**
 * The account a browser is signed in to, with its id (what registering a passkey needs) and whether it has a
 * password at all (an account created with a passkey has none). The hash itself never leaves lib/db here.
 */
export async function accountOfToken(
  db: Db,
  token: string,
): Promise<{ readonly id: string; readonly username: string; readonly hasPassword: boolean } | null> {
  const row = await db.signInSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      learner: { select: { account: { select: { id: true, username: true, passwordHash: true } } } },
    },
  });
  const account = row?.learner.account;
  return account
    ? { id: account.id, username: account.username, hasPassword: hasPassword(account.passwordHash) }
    : null;
}
