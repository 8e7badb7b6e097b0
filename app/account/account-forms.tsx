"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/** Sign-up or sign-in: a username and a password; the page re-renders signed in. */
export function AccountForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
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
    router.refresh();
  }

  const title = mode === "sign-up" ? "Create an account" : "Sign in";
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
      <button type="submit" className="button" disabled={busy}>
        {title}
      </button>
      <div aria-live="polite">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
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
