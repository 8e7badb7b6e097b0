"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

type Action = "suspend" | "unsuspend" | "bury" | "unbury" | "forget";

const DONE: Record<Action | "reschedule", string> = {
  suspend: "suspended",
  unsuspend: "back in review",
  bury: "buried until tomorrow",
  unbury: "back in today's queue",
  forget: "starts over as new",
  reschedule: "rescheduled",
};

/** One card's actions in the browser; each goes to POST /api/review/cards/manage for the current learner. */
export function CardActions({
  skillId,
  suspended,
  buried,
  isNew,
  today,
}: {
  skillId: string;
  suspended: boolean;
  buried: boolean;
  isNew: boolean;
  /** The learner's today, the earliest day a card may be rescheduled to. */
  today: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [due, setDue] = useState(today);

  async function send(body: { action: Action } | { action: "reschedule"; due: string }): Promise<void> {
    setBusy(true);
    const result = await postJson<{ skillId: string }>("/api/review/cards/manage", { skillId, ...body });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: forPerson(result.error), bad: true });
      return;
    }
    setMessage({ text: `${skillId} ${DONE[body.action]}.`, bad: false });
    router.refresh();
  }

  function onReschedule(event: SubmitEvent): void {
    event.preventDefault();
    void send({ action: "reschedule", due });
  }

  const button = (action: Action, label: string) => (
    <button
      type="button"
      className="button secondary small"
      disabled={busy}
      data-action={action}
      aria-label={`${label} ${skillId}`}
      onClick={() => void send({ action })}
    >
      {label}
    </button>
  );

  return (
    <div className="card-actions">
      {suspended ? button("unsuspend", "Unsuspend") : button("suspend", "Suspend")}
      {buried ? button("unbury", "Unbury") : button("bury", "Bury")}
      {isNew ? null : button("forget", "Forget")}
      {isNew ? null : (
        <form className="card-reschedule" onSubmit={onReschedule}>
          <label htmlFor={`due-${skillId}`} className="sr-only">
            New due date for {skillId}
          </label>
          <input
            id={`due-${skillId}`}
            type="date"
            min={today}
            value={due}
            onChange={(event) => setDue(event.target.value)}
            required
          />
          <button
            type="submit"
            className="button secondary small"
            disabled={busy}
            aria-label={`Reschedule ${skillId}`}
          >
            Reschedule
          </button>
        </form>
      )}
      {message ? (
        <p className={message.bad ? "error" : "review-ok"} role={message.bad ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
