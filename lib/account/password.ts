// Password hashing with Node's built-in scrypt (no dependency, no native prebuild to download). The stored
// string carries its own parameters, so they can be raised later and old hashes still verify:
// scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export type ScryptParams = { readonly log2N: number; readonly r: number; readonly p: number };

/**
 * One of OWASP's equivalent scrypt settings (N=2^15, r=8, p=3): 32 MiB per hash rather than the 128 MiB of
 * N=2^17, p=1, so a few sign-ins at once do not crowd a small self-hosted server.
 */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PATTERN = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `scrypt$${params.log2N}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Constant-time comparison; a malformed stored hash verifies nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PATTERN.exec(stored);
  if (!match) return false;
  const [, log2N, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? "", "base64url");
  const params = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (params.log2N < 1 || params.log2N > 20 || expected.length !== KEY_BYTES) return false;
  const key = await derive(password, Buffer.from(salt ?? "", "base64url"), params);
  return timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, verified when the username is unknown so that a wrong username takes as long
 * as a wrong password (the response time does not tell which usernames exist).
 */
export const DECOY_HASH = `scrypt$${DEFAULT_SCRYPT.log2N}$${DEFAULT_SCRYPT.r}$${DEFAULT_SCRYPT.p}$${"A".repeat(22)}$${"A".repeat(43)}`;
