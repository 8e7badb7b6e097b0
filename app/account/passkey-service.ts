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
  saveChallenge,
  takeChallenge,
} from "@/lib/db/passkeys";
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

export async function register(
  token: string,
  credential: Registration,
  rp: RelyingParty,
  now: Date,
): Promise<Outcome<{ readonly added: true }>> {
  const account = await accountOfToken(db(), token);
  if (account === null) return refuse(401, "passkey: sign in first, then add a passkey to your account");
  const challenge = await takeChallenge(db(), token, "register", now);
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
  await addPasskey(
    db(),
    {
      id: info.credential.id,
      accountId: account.id,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    },
    now,
  );
  return { ok: true, value: { added: true } };
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
