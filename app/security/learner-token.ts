import { randomBytes, timingSafeEqual } from "node:crypto";
import { hmac, serverKeys, type ServerKeys } from "./server-secret";

// Learner cookies are issued by the server only: 16 random bytes and their HMAC under the server's key, so a
// value the server did not mint (`a`, empty, a guessed string) is recognised without touching the database and
// replaced with a fresh learner instead of being adopted. The database stores only a hash of the token.

const VERSION = "l1.";
const RANDOM_BYTES = 16;
const MAC_BYTES = 16;
const TOKEN_PATTERN = /^l1\.[A-Za-z0-9_-]{43}$/;

function macOf(random: Buffer, keys: ServerKeys): Buffer {
  return hmac(keys.learnerKey, "learner-token", random.toString("base64url")).subarray(0, MAC_BYTES);
}

export function mintLearnerToken(keys: ServerKeys = serverKeys()): string {
  const random = randomBytes(RANDOM_BYTES);
  return VERSION + Buffer.concat([random, macOf(random, keys)]).toString("base64url");
}

/** True only for a token this server minted (its MAC checks out). */
export function isSignedLearnerToken(token: string, keys: ServerKeys = serverKeys()): boolean {
  if (!TOKEN_PATTERN.test(token)) return false;
  const bytes = Buffer.from(token.slice(VERSION.length), "base64url");
  if (bytes.length !== RANDOM_BYTES + MAC_BYTES) return false;
  return timingSafeEqual(bytes.subarray(RANDOM_BYTES), macOf(bytes.subarray(0, RANDOM_BYTES), keys));
}

/**
 * Tokens of the first releases were unsigned random strings (a UUID pair, or 24 random bytes). They are kept
 * only when their learner row exists, so nobody who studied before this change loses their progress.
 */
export function hasLegacyLearnerTokenFormat(token: string): boolean {
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[0-9a-f]{32}$/.test(token) ||
    /^[A-Za-z0-9_-]{32}$/.test(token)
  );
}
