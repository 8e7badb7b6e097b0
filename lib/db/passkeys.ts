// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import type { Db } from "./client";
import { hashToken } from "./learners";

// Passkeys (WebAuthn credentials) of accounts, and the one-time challenge of a ceremony in progress. A
// challenge belongs to the browser that asked for it (the hash of its cookie token) and is consumed by the
// verification that follows, so it cannot be replayed or used by another browser.

export type PasskeyPurpose = "register" | "sign-in";

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
): Promise<{ readonly id: string; readonly transports: readonly string[]; readonly createdAt: Date }[]> {
  const rows = await db.passkey.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: { id: true, transports: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, transports: parseTransports(row.transports) }));
}

/** Records a successful sign-in: the authenticator's new signature counter and when it was used. */
export async function markPasskeyUsed(db: Db, id: string, counter: number, now: Date): Promise<void> {
  await db.passkey.update({ where: { id }, data: { counter, lastUsedAt: now } });
}

/** The account a browser is signed in to, with its id (what registering a passkey needs). */
export async function accountOfToken(
  db: Db,
  token: string,
): Promise<{ readonly id: string; readonly username: string } | null> {
  const row = await db.signInSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { learner: { select: { account: { select: { id: true, username: true } } } } },
  });
  return row?.learner.account ?? null;
}
