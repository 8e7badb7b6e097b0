import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { LEARNER_COOKIE } from "@/app/learner-cookie";
import { db } from "@/lib/db/client";
import { listPasskeys, accountOfToken } from "@/lib/db/passkeys";
import { formatDateTime } from "@/app/format-date";
import {
  AccountForm,
  AddPasskeyButton,
  PasskeySignInButton,
  PasskeySignUpForm,
  RemovePasskeyButton,
  SignOutButton,
} from "./account-forms";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

/** Optional sign-in: anonymous study works without it; an account carries the progress to other browsers. */
export default async function Page() {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  const account = token ? await accountOfToken(db(), token) : null;
  if (account !== null) {
    const passkeys = await listPasskeys(db(), account.id);
    return (
      <>
        <h1>Account</h1>
        <p className="lede" data-testid="signed-in-as">
          Signed in as <strong>{account.username}</strong>.
        </p>
        <p>
          Your <Link href="/progress">progress</Link>, reviews and bookmarks are kept with your account: sign
          in with the same username on another browser or device to continue there.
        </p>
        {account.hasPassword ? null : (
          <p data-testid="passkey-only">
            Your account has no password: it signs in with a passkey only, so keep at least one.
          </p>
        )}
        <AddPasskeyButton count={passkeys.length}>
          {passkeys.length > 0 ? (
            <ul className="passkey-list" data-testid="passkey-list">
              {passkeys.map((passkey, index) => {
                const label = `passkey ${index + 1}, added ${formatDateTime(passkey.createdAt)}`;
                return (
                  <li key={passkey.id} data-passkey-id={passkey.id}>
                    <span>
                      Passkey {index + 1} · added {formatDateTime(passkey.createdAt)} ·{" "}
                      {passkey.lastUsedAt
                        ? `last used ${formatDateTime(passkey.lastUsedAt)}`
                        : "not used yet"}
                    </span>{" "}
                    <RemovePasskeyButton id={passkey.id} label={label} />
                  </li>
                );
              })}
            </ul>
          ) : null}
        </AddPasskeyButton>
        <SignOutButton />
      </>
    );
  }
  return (
    <>
      <h1>Account</h1>
      <p className="lede">
        An account is optional. Without one, your progress lives in this browser only (a cookie); clearing it
        or switching devices starts from zero.
      </p>
      <ul>
        <li>
          <strong>Create an account</strong> to keep everything you have done in this browser so far and reach
          it from any browser.
        </li>
        <li>
          <strong>Sign in</strong> to continue an account on this browser. What this browser did before
          signing in (answers, review cards, bookmarks) is added to the account, once each.
        </li>
      </ul>
      <p>
        The password is stored only as a salted scrypt hash; it is never logged or shown again. With a passkey
        instead, the server keeps only its public key.
      </p>
      <div className="account-forms">
        <AccountForm mode="sign-up" />
        <AccountForm mode="sign-in" />
        <PasskeySignUpForm />
        <PasskeySignInButton />
      </div>
    </>
  );
}
