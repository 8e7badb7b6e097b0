"use client";

import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "./for-person";
import { PracticeScreen, practiceMemory } from "./practice-screen";
import type { PracticeView } from "./practice-view";

type Choice = { id: string; title: string };

/**
 * What to practise: everything, or chosen topics, families and difficulties; how many; adaptive or not.
 * Starting is one request: its reply carries the first question (redacted, as "Next question"'s does), and the
 * running session takes the form's place with no page refresh. A later visit renders it from the server; Back to
 * this render (from a rule link in the feedback) shows the session as it was left (render-memory.ts).
 */
export function PracticeSettingsForm({
  groups,
  families,
  preset,
  renderId,
}: {
  groups: readonly Choice[];
  families: readonly Choice[];
  /** From a rule page's "practise this rule" link: the families that assess the rule, preselected. */
  preset?: { rule: string; families: readonly string[] } | undefined;
  /** This server render's id: what the session shows is noted under it (render-memory.ts). */
  renderId: string;
}) {
  const [started, setStarted] = useState<PracticeView | null>(() => practiceMemory.recall(renderId) ?? null);
  const [arrived, setArrived] = useState(false);
  const [everything, setEverything] = useState(preset === undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const limit = formText(form, "questionLimit").trim();
    setBusy(true);
    setError(null);
    const result = await postJson<{ sessionId: string; question: PracticeView }>("/practice/api", {
      action: "start",
      settings: {
        everything,
        conceptGroups: form.getAll("conceptGroups").map(String),
        families: form.getAll("families").map(String),
        difficulties: form.getAll("difficulties").map(Number),
        questionLimit: limit === "" ? null : Number(limit),
        adaptive: form.get("adaptive") === "on",
      },
    });
    setBusy(false);
    if (result.ok) {
      practiceMemory.remember(renderId, result.data.question);
      setArrived(true);
      setStarted(result.data.question);
    } else setError(forPerson(result.error));
  }

  if (started !== null) return <PracticeScreen initial={started} renderId={renderId} arrived={arrived} />;
  return (
    <form
      className="practice-settings card"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Practice settings"
    >
      {preset ? (
        <p className="notice" data-testid="rule-preset">
          Practising rule {preset.rule}: the question families that assess it are selected below.
        </p>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          name="everything"
          checked={everything}
          onChange={(event) => setEverything(event.target.checked)}
        />
        Everything (all topics, families and difficulties)
      </label>
      {everything ? (
        <p className="settings-hint" data-testid="everything-hint">
          Untick Everything to choose topics, question families or difficulties below.
        </p>
      ) : null}
      <fieldset disabled={everything} className="settings-choices">
        <div>
          <legend>Topics</legend>
          {groups.map((group) => (
            <label key={group.id} className="check">
              <input type="checkbox" name="conceptGroups" value={group.id} /> {group.title}
            </label>
          ))}
        </div>
        <div>
          <p className="settings-heading">Question families</p>
          {families.map((family) => (
            <label key={family.id} className="check">
              <input
                type="checkbox"
                name="families"
                value={family.id}
                defaultChecked={preset?.families.includes(family.id)}
              />{" "}
              {family.title}
            </label>
          ))}
        </div>
        <div>
          <p className="settings-heading">Difficulty</p>
          {[1, 2, 3].map((level) => (
            <label key={level} className="check">
              <input type="checkbox" name="difficulties" value={level} /> Level {level}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        Questions (empty: until you finish)
        <input type="number" name="questionLimit" min={1} max={100} defaultValue={10} />
      </label>
      <label className="check">
        <input type="checkbox" name="adaptive" defaultChecked /> Adaptive: more questions on what I get wrong
      </label>
      <button type="submit" className="button" disabled={busy} data-testid="start-practice">
        Start practice
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
