"use client";

import { useRoomEntry } from "./use-room-entry";

/** For a player who lost their browser: the code shown when they joined brings them back under their name. */
export function RejoinForm({ defaultCode }: { defaultCode: string }) {
  const { error, busy, onSubmit } = useRoomEntry("rejoin", "rejoinCode");

  return (
    <form className="card classroom-join" onSubmit={onSubmit} aria-label="Rejoin a live game">
      <label className="field">
        Join code
        <input name="joinCode" defaultValue={defaultCode} required autoComplete="off" maxLength={8} />
      </label>
      <label className="field">
        Rejoin code
        <input name="rejoinCode" required autoComplete="off" autoCapitalize="characters" maxLength={8} />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="rejoin-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button secondary" disabled={busy} data-testid="rejoin-game">
        {busy ? "Rejoining…" : "Rejoin"}
      </button>
    </form>
  );
}
