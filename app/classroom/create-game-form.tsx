"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { localInputValue, zoneOffsetLabel } from "@/app/format-date";

/** A homework's default due time: a week from now, on the whole hour. */
const DEFAULT_DUE_MS = 7 * 24 * 3600_000;
const HOUR_MS = 3600_000;

type FamilyChoice = { readonly name: string; readonly title: string };
type ConceptGroupChoice = {
  readonly id: string;
  readonly title: string;
  readonly concepts: readonly { readonly id: string; readonly text: string }[];
};
type ScoringChoice = { readonly mode: string; readonly description: string };

/**
 * Question families, concepts, difficulty, length and pace of a new game, live or as homework (a self-paced link with a due
 * date); the server plans the questions and the code.
 */
export function CreateGameForm({
  families,
  concepts,
  scoring,
}: {
  families: readonly FamilyChoice[];
  concepts: readonly ConceptGroupChoice[];
  scoring: readonly ScoringChoice[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [homework, setHomework] = useState(false);
  /** Set in the browser when Homework is chosen: the teacher's own clock, a week ahead. */
  const [defaultDue, setDefaultDue] = useState<{ value: string; zone: string } | null>(null);

  function chooseHomework(): void {
    setHomework(true);
    if (defaultDue !== null) return;
    const due = Math.ceil((Date.now() + DEFAULT_DUE_MS) / HOUR_MS) * HOUR_MS;
    setDefaultDue({ value: localInputValue(due), zone: zoneOffsetLabel(due) });
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const seedText = formText(form, "gameSeed").trim();
    const pinned = formText(form, "pinned")
      .split(/[\s,]+/)
      .filter((id) => id !== "");
    setBusy(true);
    setError(null);
    const quiz = {
      families: form.getAll("families").map(String),
      concepts: form.getAll("concepts").map(String),
      difficulty: Number(form.get("difficulty")),
      questionCount: Number(form.get("questionCount")),
      ...(seedText === "" ? {} : { gameSeed: Number(seedText) }),
      ...(pinned.length === 0 ? {} : { pinned }),
    };
    if (homework) {
      // datetime-local is the teacher's wall clock; the Date made from it here is the instant they meant.
      const due = new Date(formText(form, "dueAt"));
      if (Number.isNaN(due.getTime())) {
        setBusy(false);
        setError("dueAt: give the due date and time");
        return;
      }
      const created = await postJson<{ code: string }>("/classroom/homework/api", {
        action: "create",
        ...quiz,
        dueAt: due.toISOString(),
      });
      if (created.ok) {
        router.push(`/classroom/homework/${created.data.code}`);
        return;
      }
      setBusy(false);
      setError(created.error);
      return;
    }
    const result = await postJson<{ joinCode: string }>("/classroom/api", {
      action: "create",
      ...quiz,
      secondsPerQuestion: Number(form.get("secondsPerQuestion")),
      scoring: formText(form, "scoring", "speed"),
    });
    if (result.ok) {
      router.push(`/classroom/${result.data.joinCode}`);
      return;
    }
    setBusy(false);
    setError(result.error);
  }

  return (
    <form
      className="card classroom-create"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Create a live game"
    >
      <fieldset>
        <legend>Question families</legend>
        <div className="classroom-topics">
          {families.map((family) => (
            <label key={family.name} className="option">
              <input type="checkbox" name="families" value={family.name} defaultChecked />
              <span>{family.title}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset data-testid="concept-filter">
        <legend>Concepts (optional)</legend>
        <p className="classroom-hint">
          Tick concepts to ask only questions that assess at least one of them, from the question families
          above. None ticked: any concept of those families.
        </p>
        {concepts.map((group) => (
          <details key={group.id} className="classroom-concepts">
            <summary>{group.title}</summary>
            {group.concepts.map((concept) => (
              <label key={concept.id} className="option">
                <input type="checkbox" name="concepts" value={concept.id} />
                <span>
                  <span className="mono">{concept.id}</span> {concept.text}
                </span>
              </label>
            ))}
          </details>
        ))}
      </fieldset>
      <label className="field">
        Difficulty
        <select name="difficulty" defaultValue="2">
          <option value="1">1 — foundations</option>
          <option value="2">2 — associate</option>
          <option value="3">3 — professional</option>
        </select>
      </label>
      <label className="field">
        Questions
        <input type="number" name="questionCount" min={1} max={30} defaultValue={5} required />
      </label>
      <fieldset>
        <legend>How students play</legend>
        <label className="option">
          <input
            type="radio"
            name="mode"
            value="live"
            checked={!homework}
            onChange={() => setHomework(false)}
            data-testid="mode-live"
          />
          <span>Live game: you open each question for the whole room</span>
        </label>
        <label className="option">
          <input
            type="radio"
            name="mode"
            value="homework"
            checked={homework}
            onChange={chooseHomework}
            data-testid="mode-homework"
          />
          <span>Homework: a link each student answers at their own pace until a due date</span>
        </label>
      </fieldset>
      {homework ? (
        <label className="field">
          Due (your local time{defaultDue ? `, ${defaultDue.zone}` : ""}; a week from now unless you change
          it)
          <input
            type="datetime-local"
            name="dueAt"
            required
            defaultValue={defaultDue?.value}
            data-testid="due-at"
          />
        </label>
      ) : (
        <>
          <label className="field">
            Seconds per question
            <input type="number" name="secondsPerQuestion" min={5} max={600} defaultValue={30} required />
          </label>
          <fieldset>
            <legend>Points</legend>
            {scoring.map((choice) => (
              <label key={choice.mode} className="option">
                <input
                  type="radio"
                  name="scoring"
                  value={choice.mode}
                  defaultChecked={choice.mode === "speed"}
                />
                <span>{choice.description}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <label className="field">
        Game seed (optional, repeats a game)
        <input type="number" name="gameSeed" min={0} max={4294967295} />
      </label>
      <label className="field">
        Pinned questions (optional: question ids from a preview, one per line; they replace the question
        families, concepts, difficulty and number of questions)
        <textarea name="pinned" rows={3} spellCheck={false} data-testid="pinned" />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="create-game">
        {busy ? "Creating…" : homework ? "Create homework" : "Create game"}
      </button>
    </form>
  );
}
