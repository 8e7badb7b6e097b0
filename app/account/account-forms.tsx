"use client";

import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Sign-up or sign-in: a username and a password; the page re-renders signed in. */
export function AccountForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  // uxr6 finding 8: scrypt takes 1.4-4.7 s under load; the button says what is happening until the page
  // re-renders signed in (the refresh runs in a transition, so the button does not come back in between).
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setFields({});
    const result = await postJson<{ username: string }>("/account/api", {
      action: mode,
      username: formText(form, "username"),
      password: formText(form, "password"),
    });
    setBusy(false);
    if (!result.ok) {
      // The messages already name what to change ("a password needs at least 10 characters").
      setError(forPerson(result.error));
      setFields(
        Object.fromEntries(Object.entries(result.fields).map(([field, text]) => [field, forPerson(text)])),
      );
      return;
    }
    startRefresh(() => router.refresh());
  }

  const title = mode === "sign-up" ? "Create an account" : "Sign in";
  const pending = busy || refreshing;
  const fieldError = (name: string) =>
    fields[name] ? (
      <span className="error" id={`${id}-${name}-error`}>
        {fields[name]}
      </span>
    ) : null;
  return (
    <form
      className="card account-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void onSubmit(event)}
      data-testid={mode}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <label className="field">
        Username
        <input
          name="username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={32}
          aria-invalid={fields.username ? true : undefined}
          aria-describedby={fields.username ? `${id}-username-error` : undefined}
        />
        {fieldError("username")}
      </label>
      <label className="field">
        Password{mode === "sign-up" ? " (at least 10 characters)" : ""}
        <input
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          minLength={mode === "sign-up" ? 10 : 1}
          maxLength={200}
          aria-invalid={fields.password ? true : undefined}
          aria-describedby={fields.password ? `${id}-password-error` : undefined}
        />
        {fieldError("password")}
      </label>
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? (mode === "sign-up" ? "Creating your account…" : "Signing in…") : title}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/** Ends this browser's session; the browser continues as a new anonymous learner. */
export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function signOut(): Promise<void> {
    setBusy(true);
    const result = await postJson("/account/api", { action: "sign-out" });
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(forPerson(result.error));
  }
  return (
    <p>
      <button type="button" className="button secondary" disabled={busy} onClick={() => void signOut()}>
        Sign out
      </button>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </p>
  );
}

/** What the learner was doing when the passkey failed: the way out differs (uxr5 finding 10). */
type CeremonyPurpose = "sign-in" | "add" | "sign-up";

/**
 * Passkeys work only on HTTPS or http://localhost, never on an IP address such as 127.0.0.1: the same page at
 * localhost, when that is the trouble, else undefined.
 */
function localhostInstead(): string | undefined {
  if (typeof window === "undefined") return undefined;
  const { hostname, port, pathname, protocol } = window.location;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
  if (!isIp || protocol === "https:") return undefined;
  return `http://localhost${port ? `:${port}` : ""}${pathname}`;
}

/** Turns a browser WebAuthn failure into a sentence (the learner cancelled, or the device has no passkey here). */
function ceremonyError(error: unknown, purpose: CeremonyPurpose): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError")
    return "The passkey request was cancelled or timed out. Try again when your device asks.";
  if (name === "InvalidStateError") return "This device already holds a passkey for your account.";
  const localhost = localhostInstead();
  const where =
    localhost === undefined
      ? ""
      : ` Passkeys need HTTPS or http://localhost, not an IP address: open this page at ${localhost}.`;
  if (purpose === "sign-up")
    return `This browser could not create a passkey here.${where} Or create an account with a password instead.`;
  if (purpose === "add") return `This browser could not create a passkey here.${where}`;
  return `This browser could not use a passkey here.${where} Sign in with your password instead.`;
}

/** The error line under a form: announced when it appears, empty otherwise. */
function ErrorAlert({ error }: { error: string | null }) {
  return (
    <div aria-live="polite">
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CeremonyOutcome = { readonly ok: true } | { readonly ok: false; readonly text: string };

/**
 * One WebAuthn round: ask the server for options, let the browser create a passkey (sign-up, add) or use one
 * (sign-in), then send the credential back. Each failure becomes a sentence for the person at the device.
 */
async function passkeyCeremony(
  purpose: CeremonyPurpose,
  optionsBody: Record<string, unknown>,
  finishBody: (credential: unknown) => Record<string, unknown>,
): Promise<CeremonyOutcome> {
  const options = await postJson<unknown>("/account/api/passkey", optionsBody);
  if (!options.ok) return { ok: false, text: forPerson(options.error) };
  let credential: unknown;
  try {
    // The server's options route answers in the shape @simplewebauthn/server generated for this ceremony.
    credential =
      purpose !== "sign-in"
        ? await startRegistration({ optionsJSON: options.data as PublicKeyCredentialCreationOptionsJSON })
        : await startAuthentication({ optionsJSON: options.data as PublicKeyCredentialRequestOptionsJSON });
  } catch (failure) {
    return { ok: false, text: ceremonyError(failure, purpose) };
  }
  const finished = await postJson("/account/api/passkey", finishBody(credential));
  return finished.ok ? { ok: true } : { ok: false, text: forPerson(finished.error) };
}

/** Adds a passkey (WebAuthn credential) to the signed-in account: next time, sign in without a password. */
export function AddPasskeyButton({ count, children }: { count: number; children?: ReactNode }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  async function add(): Promise<void> {
    setBusy(true);
    setMessage(null);
    const saved = await passkeyCeremony("add", { action: "register-options" }, (credential) => ({
      action: "register",
      credential,
    }));
    setBusy(false);
    if (!saved.ok) setMessage({ kind: "error", text: saved.text });
    else {
      setMessage({
        kind: "done",
        text: "Passkey added. Next time, sign in with it instead of your password.",
      });
      router.refresh();
    }
  }
  return (
    <section aria-labelledby="passkeys-title" className="card account-form">
      <h2 id="passkeys-title">Passkeys</h2>
      <p data-testid="passkey-count">
        {count === 0 ? "No passkey yet." : count === 1 ? "1 passkey." : `${count} passkeys.`} A passkey signs
        you in with this device&apos;s screen lock or a security key, without a password.
      </p>
      {children}
      <button type="button" className="button" disabled={busy} onClick={() => void add()}>
        Add a passkey
      </button>
      <div aria-live="polite">
        {message ? (
          <p
            className={message.kind === "error" ? "error" : undefined}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** Signs in with a passkey this device (or a security key) holds for this site. */
export function PasskeySignInButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function signIn(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await passkeyCeremony("sign-in", { action: "sign-in-options" }, (credential) => ({
      action: "sign-in",
      credential,
    }));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.text);
  }
  return (
    <section aria-labelledby="passkey-sign-in-title" className="card account-form">
      <h2 id="passkey-sign-in-title">Sign in with a passkey</h2>
      <p>If you added a passkey to your account, use it here instead of a password.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void signIn()}>
        Sign in with a passkey
      </button>
      <ErrorAlert error={error} />
    </section>
  );
}

/** Removes one passkey from the signed-in account; the server refuses the last one of an account without a password. */
export function RemovePasskeyButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await postJson("/account/api/passkey", { action: "remove", id });
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(forPerson(result.error));
  }
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => void remove()}
        aria-label={`Remove ${label}`}
      >
        Remove
      </button>
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}

/** Creates an account that signs in with a passkey only: a username, then the device's screen lock. */
export function PasskeySignUpForm() {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const username = formText(new FormData(event.currentTarget), "username");
    setBusy(true);
    setError(null);
    const result = await passkeyCeremony(
      "sign-up",
      { action: "sign-up-options", username },
      (credential) => ({
        action: "sign-up",
        username,
        credential,
      }),
    );
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.text);
  }
  return (
    <form
      className="card account-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void onSubmit(event)}
      data-testid="passkey-sign-up"
    >
      <h2 id={`${id}-title`}>Create an account with a passkey</h2>
      <p>No password: you sign in with this device&apos;s screen lock or a security key.</p>
      <label className="field">
        Username
        <input name="username" autoComplete="username webauthn" required minLength={3} maxLength={32} />
      </label>
      <button type="submit" className="button" disabled={busy}>
        Create with a passkey
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}
