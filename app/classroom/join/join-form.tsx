"use client";

import { useRoomEntry } from "./use-room-entry";

/** Code and display name; a taken name comes back as the server's message, and the player picks another. */
export function JoinForm({ defaultCode }: { defaultCode: string }) {
  const { error, busy, onSubmit } = useRoomEntry("join", "displayName");

  return (
    <form className="card classroom-join" onSubmit={onSubmit} aria-label="Join a live game">
      <label className="field">
        Join code
        <input
          name="joinCode"
          defaultValue={defaultCode}
          required
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={8}
        />
      </label>
      <label className="field">
        Your name
        <input name="displayName" required maxLength={24} autoComplete="nickname" />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="join-game">
        {busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
