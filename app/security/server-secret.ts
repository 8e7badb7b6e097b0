import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// One secret per installation seals question ids and signs learner cookies. It comes from REACHABLE_SECRET, or
// else from a file generated once (data/server-secret by default, git-ignored like the database). `next build`
// seals the ids of the static lesson pages, so build and server must read the same secret: a fixed file under
// the working directory, not one beside a per-run database.

const MIN_SECRET_LENGTH = 32;

export type SecretSource = { readonly secret?: string | undefined; readonly file: string };

/** Reads the secret file, creating it atomically (link, not write-in-place) so concurrent build workers agree. */
function secretFromFile(file: string): string {
  const resolved = path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
  try {
    return fs.readFileSync(resolved, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const temporary = `${resolved}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(temporary, resolved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return fs.readFileSync(resolved, "utf8").trim();
}

export function loadSecret(source: SecretSource): string {
  const secret = source.secret?.trim() ? source.secret.trim() : secretFromFile(source.file);
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`REACHABLE_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secret;
}

/** Independent 32-byte keys per purpose, so a key used to sign cookies never also encrypts question ids. */
export type ServerKeys = {
  readonly questionKey: Buffer;
  readonly sivKey: Buffer;
  readonly learnerKey: Buffer;
};

export function deriveKeys(secret: string): ServerKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", secret, "reachable", purpose, 32));
  return {
    questionKey: derive("question-id-aes-256-gcm"),
    sivKey: derive("question-id-synthetic-iv"),
    learnerKey: derive("learner-cookie-hmac"),
  };
}

let cached: ServerKeys | undefined;

/** The process's keys, from REACHABLE_SECRET or REACHABLE_SECRET_FILE (default data/server-secret). */
export function serverKeys(): ServerKeys {
  cached ??= deriveKeys(
    loadSecret({
      secret: process.env["REACHABLE_SECRET"],
      file: process.env["REACHABLE_SECRET_FILE"]?.trim() || "data/server-secret",
    }),
  );
  return cached;
}

export function hmac(key: Buffer, ...parts: readonly string[]): Buffer {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(`${part.length}:${part}`);
  return mac.digest();
}
