// Sign-up, sign-in and sign-out. Sign-up claims the learner the cookie holds; sign-in moves the browser to the
// account's learner. Both mint a new cookie token (the session rotates, so a token seen before signing in opens
// nothing afterwards). Neither the password nor any token is logged or sent back.
import { refuse, type Outcome } from "@/app/http/json-route";
import { mintLearnerToken } from "@/app/security/learner-token";
import { DECOY_HASH, hashPassword, verifyPassword } from "@/lib/account/password";
import {
  accountForToken,
  createAccount,
  endSession,
  findAccountByUsername,
  hasPassword,
  normaliseUsername,
  rotateIntoSession,
} from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { findAnonymousLearner, findOrCreateLearner } from "@/lib/db/learners";
import { mergeLearnerInto } from "@/lib/db/merge-learner";
import { accountLimits } from "./account-limits";

export type SignedIn = { readonly username: string; readonly token: string };

const WRONG_CREDENTIALS = "password: the username or the password is not right";

export async function signUp(
  token: string,
  input: { readonly username: string; readonly password: string },
  now: Date,
): Promise<Outcome<SignedIn>> {
  if ((await accountForToken(db(), token)) !== null)
    return refuse(409, "username: you are signed in already; sign out to create another account");
  const learner = await findOrCreateLearner(db(), token, now);
  const created = await createAccount(db(), {
    learnerId: learner.id,
    username: input.username,
    passwordHash: await hashPassword(input.password),
    now,
  });
  if (!created.ok)
    return created.reason === "username-taken"
      ? refuse(409, "username: this username is taken; choose another")
      : refuse(409, "username: this browser's progress already belongs to an account; sign in to it");
  const newToken = mintLearnerToken();
  await rotateIntoSession(db(), { learnerId: learner.id, newToken, oldToken: token, now });
  return { ok: true, value: { username: created.account.username, token: newToken } };
}

export async function signIn(
  token: string,
  input: { readonly username: string; readonly password: string },
  now: Date,
): Promise<Outcome<SignedIn>> {
  const username = normaliseUsername(input.username);
  const failures = accountLimits().failures;
  if (!failures.allows(username, now.getTime())) {
    const seconds = Math.ceil(failures.retryAfterMs(username, now.getTime()) / 1000);
    return refuse(429, `password: too many wrong passwords for this username; try again in ${seconds} s`);
  }
  const account = await findAccountByUsername(db(), username);
  // An unknown username (or an account that signs in with passkeys only) costs one hash too, so the answer's
  // timing does not say which usernames exist.
  const usable = account !== null && hasPassword(account.passwordHash);
  const matches = await verifyPassword(input.password, usable ? account.passwordHash : DECOY_HASH);
  if (!usable || !matches) {
    failures.hit(username, now.getTime());
    return refuse(401, WRONG_CREDENTIALS);
  }
  return {
    ok: true,
    value: { username: account.username, token: await enterAccount(token, account.learnerId, now) },
  };
}

/**
 * Moves the browser into the account's learner: what it studied anonymously is merged into the account first
 * (lib/db/merge-learner.ts), then the session rotates. Returns the new cookie token.
 */
export async function enterAccount(token: string, learnerId: string, now: Date): Promise<string> {
  const anonymous = await findAnonymousLearner(db(), token);
  if (anonymous !== null) await mergeLearnerInto(db(), { fromId: anonymous.id, intoId: learnerId, now });
  const newToken = mintLearnerToken();
  await rotateIntoSession(db(), { learnerId, newToken, oldToken: token, now });
  return newToken;
}

/** The browser's session ends and it starts over as a new anonymous learner (a fresh token). */
export async function signOut(token: string, now: Date): Promise<{ readonly token: string }> {
  await endSession(db(), token, now);
  return { token: mintLearnerToken() };
}
