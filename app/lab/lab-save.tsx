"use client";

import { useId, useState } from "react";
import { postJson } from "@/app/http/post-json";
import type { TopologyFormat } from "@/lib/lab/topology-text";

export type SavedLabView = { id: string; name: string; mine: boolean };

/** Save the lab under a name (per learner) and share it: the link opens a read-only copy for anyone else. */
export function LabSave({
  text,
  format,
  saved,
  myLabs,
}: {
  text: string;
  format: TopologyFormat;
  saved: SavedLabView | undefined;
  myLabs: { id: string; name: string }[];
}) {
  const ids = useId();
  const [name, setName] = useState(saved?.mine ? saved.name : saved ? `${saved.name} (my copy)` : "");
  const [link, setLink] = useState<string | undefined>(
    saved?.mine ? `/lab?lab=${encodeURIComponent(saved.id)}` : undefined,
  );
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  // The learner's own lab this page holds (opened, or saved here): saving it again under its name replaces
  // it without asking; any other lab of that name is replaced only once the learner confirms.
  const [ownId, setOwnId] = useState<string | undefined>(saved?.mine ? saved.id : undefined);
  const [taken, setTaken] = useState<string | undefined>();

  async function save(as: string, replace = false) {
    setBusy(true);
    const posted = await postJson<{ id: string; name: string }>("/lab/saved", {
      name: as,
      format,
      text,
      ...(replace ? { replace: true } : {}),
      ...(ownId ? { replaceId: ownId } : {}),
    });
    setBusy(false);
    if (!posted.ok) {
      if (posted.fields["replace"]) {
        setTaken(as);
        setError(undefined);
        return;
      }
      setError(posted.error);
      return;
    }
    setError(undefined);
    setTaken(undefined);
    setName(posted.data.name);
    setOwnId(posted.data.id);
    setLink(`/lab?lab=${encodeURIComponent(posted.data.id)}`);
    setNote(`Saved as “${posted.data.name}”.`);
  }

  const absolute = link && typeof window !== "undefined" ? `${window.location.origin}${link}` : link;

  return (
    <section className="lab-save" aria-labelledby={`${ids}-save`}>
      <h2 id={`${ids}-save`}>Save and share</h2>
      {saved && !saved.mine ? (
        <p className="notice" data-testid="lab-shared-notice">
          A read-only copy of the shared lab “{saved.name}”. Your changes stay on this page and never change
          the original; save them under your own name to keep them.
        </p>
      ) : null}
      <form
        className="lab-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save(name.trim());
        }}
      >
        <label className="field">
          Name
          <input
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setTaken(undefined);
            }}
            maxLength={80}
            required
            aria-invalid={error ? true : undefined}
            data-testid="lab-save-name"
          />
        </label>
        <button type="submit" className="button" disabled={busy || name.trim() === ""} data-testid="lab-save">
          Save
        </button>
      </form>
      {taken ? (
        <div className="notice" role="alert" data-testid="lab-save-taken">
          <p>You already have a lab named “{taken}”. Saving would replace it.</p>
          <div className="lab-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void save(taken, true)}
              data-testid="lab-save-replace"
            >
              Replace “{taken}”
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void save(freeName(taken, myLabs))}
              data-testid="lab-save-new-name"
            >
              Save as “{freeName(taken, myLabs)}”
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {note}
      </p>
      {note ? <p>{note}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="lab-save-error">
          {error}
        </p>
      ) : null}
      {absolute ? (
        <label className="field">
          Share link (opens a read-only copy for anyone who has it)
          <input
            readOnly
            value={absolute}
            data-testid="lab-share-link"
            onFocus={(event) => event.target.select()}
          />
        </label>
      ) : null}
      {myLabs.length > 0 ? (
        <details>
          <summary>Your saved labs ({myLabs.length})</summary>
          <ul data-testid="lab-my-labs">
            {myLabs.map((lab) => (
              <li key={lab.id}>
                <a href={`/lab?lab=${encodeURIComponent(lab.id)}`}>{lab.name}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The first of "name (2)", "name (3)", … that none of the learner's labs uses. */
function freeName(name: string, labs: readonly { name: string }[]): string {
  const used = new Set(labs.map((lab) => lab.name));
  for (let n = 2; ; n += 1) {
    const candidate = `${name.slice(0, 72)} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}
