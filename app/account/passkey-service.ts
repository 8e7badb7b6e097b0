// Passkey (WebAuthn) ceremonies with @simplewebauthn/server. Registering adds a passkey to the account the
// browser is signed in to; signing in with one moves the browser into its account exactly as a password
// sign-in does (anonymous progress merged, session rotated). Challenges are one-time and bound to the browser's
// cookie; the relying party is the host the browser talks to (REACHABLE_ORIGIN overrides it behind a proxy).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { refuse, type Outcome } from "@/app/http/json-route";
import { serverEnv } from "@/app/server-env";
import { db } from "@/lib/db/client";
import {
  accountOfToken,
  addPasskey,
  findPasskey,
  listPasskeys,
  markPasskeyUsed,
  removePasskey,
  saveChallenge,
  takeChallenge,
  type NewPasskey,
} from "@/lib/db/passkeys";
import {
  createAccount,
  findAccountByUsername,
  NO_PASSWORD,
  normaliseUsername,
  rotateIntoSession,
} from "@/lib/db/accounts";
import { findOrCreateLearner } from "@/lib/db/learners";
import { mintLearnerToken } from "@/app/security/learner-token";
import { enterAccount, type SignedIn } from "./account-service";
import type { PasskeyRequest } from "./passkey-schema";

export type RelyingParty = { readonly id: string; readonly origin: string };

const CEREMONY_MS = 5 * 60_000;
const RP_NAME = "Reachable";

/** The relying party a request speaks to: REACHABLE_ORIGIN if set, else the origin of the request itself. */
export function relyingParty(
  requestUrl: string,
  headers: Headers,
  configured: string | undefined = serverEnv().REACHABLE_ORIGIN,
): RelyingParty {
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  const url = new URL(requestUrl);
  const origin = configured
    ? new URL(configured).origin
    : `${first(headers.get("x-forwarded-proto")) ?? url.protocol.replace(":", "")}://${first(headers.get("x-forwarded-host")) ?? first(headers.get("host")) ?? url.host}`;
  return { id: new URL(origin).hostname, origin };
}

function asTransports(values: readonly string[]): AuthenticatorTransportFuture[] {
  return values as AuthenticatorTransportFuture[];
}

type Registration = Extract<PasskeyRequest, { action: "register" }>["credential"];
type Authentication = Extract<PasskeyRequest, { action: "sign-in" }>["credential"];

export async function registrationOptions(
  token: string,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<PublicKeyCredentialCreationOptionsJSON>> {
  const account = await accountOfToken(db(), token);
  if (account === null) return refuse(401, "passkey: sign in first, then add a passkey to your account");
  const existing = await listPasskeys(db(), account.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: account.username,
    userID: new TextEncoder().encode(account.id),
    attestationType: "none",
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: asTransports(key.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    timeout: CEREMONY_MS,
  });
  await saveChallenge(db(), {
    token,
    purpose: "register",
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + CEREMONY_MS),
  });
  return { ok: true, value: options };
}

/** The credential a registration ceremony produced, verified against the challenge this browser was given. */
async function verifiedCredential(
  token: string,
  purpose: "register" | "sign-up",
  credential: Registration,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<Omit<NewPasskey, "accountId">>> {
  const challenge = await takeChallenge(db(), token, purpose, now);
  if (challenge === null) return refuse(400, "passkey: the request timed out; try adding the passkey again");
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
    });
  } catch {
    return refuse(400, "passkey: this passkey could not be verified; try again");
  }
  if (!verified.verified) return refuse(400, "passkey: this passkey could not be verified; try again");
  const info = verified.registrationInfo;
  if ((await findPasskey(db(), info.credential.id)) !== null)
    return refuse(409, "passkey: this passkey is already registered");
  return {
    ok: true,
    value: {
      id: info.credential.id,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    },
  };
}

export async function register(
  token: string,
  credential: Registration,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<{ readonly added: true }>> {
  const account = await accountOfToken(db(), token);
  if (account === null) return refuse(401, "passkey: sign in first, then add a passkey to your account");
  const passkey = await verifiedCredential(token, "register", credential, rp, now);
  if (!passkey.ok) return passkey;
  await addPasskey(db(), { ...passkey.value, accountId: account.id }, now);
  return { ok: true, value: { added: true } };
}

const USERNAME_TAKEN = "username: this username is taken; choose another";

/**
 * Options to create an account whose only sign-in is a passkey. The username is checked now so the learner
 * hears "taken" before the device asks for a fingerprint, and again when the account is created.
 */
export async function signUpOptions(
  token: string,
  username: string,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<PublicKeyCredentialCreationOptionsJSON>> {
  if ((await accountOfToken(db(), token)) !== null)
    return refuse(409, "username: you are signed in already; sign out to create another account");
  if ((await findAccountByUsername(db(), username)) !== null) return refuse(409, USERNAME_TAKEN);
  const learner = await findOrCreateLearner(db(), token, now);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: normaliseUsername(username),
    userID: new TextEncoder().encode(learner.id),
    attestationType: "none",
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    timeout: CEREMONY_MS,
  });
  await saveChallenge(db(), {
    token,
    purpose: "sign-up",
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + CEREMONY_MS),
  });
  return { ok: true, value: options };
}

/**
 * Creates the account with the verified passkey and no password, claiming what the browser did anonymously
 * (as a password sign-up does), and rotates the session.
 */
export async function signUpWithPasskey(
  token: string,
  input: { readonly username: string; readonly credential: Registration },
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<SignedIn>> {
  const passkey = await verifiedCredential(token, "sign-up", input.credential, rp, now);
  if (!passkey.ok) return passkey;
  const learner = await findOrCreateLearner(db(), token, now);
  const created = await createAccount(db(), {
    learnerId: learner.id,
    username: input.username,
    passwordHash: NO_PASSWORD,
    now,
  });
  if (!created.ok)
    return created.reason === "username-taken"
      ? refuse(409, USERNAME_TAKEN)
      : refuse(409, "username: this browser's progress already belongs to an account; sign in to it");
  await addPasskey(db(), { ...passkey.value, accountId: created.account.id }, now);
  const newToken = mintLearnerToken();
  await rotateIntoSession(db(), { learnerId: learner.id, newToken, oldToken: token, now });
  return { ok: true, value: { username: created.account.username, token: newToken } };
}

/** Removes one of the signed-in account's passkeys, unless it is the only way left to sign in. */
export async function removeOwnPasskey(
  token: string,
  passkeyId: string,
): Promise<Outcome<{ readonly removed: true }>> {
  const account = await accountOfToken(db(), token);
  if (account === null) return refuse(401, "passkey: sign in first to manage your passkeys");
  const removed = await removePasskey(db(), {
    accountId: account.id,
    passkeyId,
    hasPassword: account.hasPassword,
  });
  if (removed.ok) return { ok: true, value: { removed: true } };
  return removed.reason === "not-found"
    ? refuse(404, "passkey: your account has no such passkey; reload the page")
    : refuse(
        409,
        "passkey: this passkey is the only way into your account (it has no password); add another passkey before removing this one",
      );
}

export async function signInOptions(
  token: string,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<PublicKeyCredentialRequestOptionsJSON>> {
  // No allowCredentials: the authenticator offers the passkeys it holds for this site (discoverable credentials).
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "preferred",
    timeout: CEREMONY_MS,
  });
  await saveChallenge(db(), {
    token,
    purpose: "sign-in",
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + CEREMONY_MS),
  });
  return { ok: true, value: options };
}

const NOT_RECOGNISED = "passkey: this passkey was not recognised; sign in with your password";

export async function signInWithPasskey(
  token: string,
  credential: Authentication,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<SignedIn>> {
  const challenge = await takeChallenge(db(), token, "sign-in", now);
  if (challenge === null) return refuse(400, "passkey: the request timed out; try signing in again");
  const passkey = await findPasskey(db(), credential.id);
  if (passkey === null) return refuse(401, NOT_RECOGNISED);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: passkey.publicKey,
        counter: passkey.counter,
        transports: asTransports(passkey.transports),
      },
    });
  } catch {
    return refuse(401, NOT_RECOGNISED);
  }
  if (!verified.verified) return refuse(401, NOT_RECOGNISED);
  await markPasskeyUsed(db(), passkey.id, verified.authenticationInfo.newCounter, now);
  return {
    ok: true,
    value: { username: passkey.username, token: await enterAccount(token, passkey.learnerId, now) },
  };
}
