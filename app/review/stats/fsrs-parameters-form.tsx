"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/app/http/post-json";

type Props = {
  /** Reviews the optimiser would learn from, and whether that meets the minimum-data rule. */
  readonly reviews: number;
  readonly ready: boolean;
  /** What is still missing, in a sentence (empty when ready). */
  readonly missing: string;
  readonly fitted: boolean;
  /** Why fitting cannot run on this server, and what schedules meanwhile; null when it can. */
  readonly unavailable: string | null;
};

/** The two actions on the learner's FSRS parameters; the page re-renders with the stored fit afterwards. */
export function FsrsParametersForm({ reviews, ready, missing, fitted, unavailable }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);

  async function send(action: "optimise" | "reset"): Promise<void> {
    setBusy(true);
    setStatus(null);
    const result = await postJson<{ fitted: boolean }>("/api/review/fsrs-parameters", { action });
    setBusy(false);
    if (result.ok) {
      setStatus({
        text: result.data.fitted
          ? "Fitted: your reviews are now scheduled with your own parameters."
          : "Back to the default parameters.",
        bad: false,
      });
      router.refresh();
    } else {
      setStatus({ text: `Nothing changed. ${result.error}`, bad: true });
    }
  }

  return (
    <div className="review-settings" data-testid="fsrs-parameters">
      <button
        type="button"
        className="button"
        disabled={busy || !ready || unavailable !== null}
        onClick={() => void send("optimise")}
      >
        {busy ? "Optimising…" : `Optimise my parameters (${reviews} reviews)`}
      </button>{" "}
      {fitted ? (
        <button type="button" className="button" disabled={busy} onClick={() => void send("reset")}>
          Reset to defaults
        </button>
      ) : null}
      {unavailable !== null ? (
        <p className="notice" data-testid="optimiser-unavailable">
          {unavailable}
        </p>
      ) : ready ? null : (
        <p className="review-muted">{missing}</p>
      )}
      {status ? (
        <p className={status.bad ? "error" : "review-ok"} role={status.bad ? "alert" : "status"}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
