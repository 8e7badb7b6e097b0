"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type SubmitEvent } from "react";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

type Option = { id: string; label: string; title: string };
type Group = { title: string; options: readonly Option[] };

/** Adds a concept to the deck by hand; the skills are listed by topic. */
export function AddSkillForm({ groups }: { groups: readonly Group[] }) {
  const router = useRouter();
  const [skillId, setSkillId] = useState(groups[0]?.options[0]?.id ?? "");
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // uxr6 finding 5: quick adds left "No cards yet" on screen (bare refreshes overtook each other). The page is
  // re-rendered in a transition and the form stays busy until it is, so each add shows in the deck before the
  // next one, and the "added" message arrives with the deck that holds the card.
  const [refreshing, startRefresh] = useTransition();
  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const result = await postJson<{ created: boolean }>("/api/review/cards", { skillId });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: forPerson(result.error), bad: true });
      return;
    }
    const text = result.data.created
      ? `${skillId} added to your deck.`
      : `${skillId} is already in your deck.`;
    startRefresh(() => {
      setMessage({ text, bad: false });
      router.refresh();
    });
  }
  return (
    <form className="review-inline-form" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor="add-skill">Skill</label>
      <select
        id="add-skill"
        name="skillId"
        value={skillId}
        onChange={(event) => setSkillId(event.target.value)}
      >
        {groups.map((group) => (
          <optgroup key={group.title} label={group.title}>
            {group.options.map((option) => (
              <option key={option.id} value={option.id} title={option.title}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button
        type="submit"
        className="button"
        disabled={busy || refreshing || skillId === ""}
        data-testid="add-skill-submit"
      >
        {busy || refreshing ? "Adding…" : "Add to deck"}
      </button>
      {message ? (
        <p className={message.bad ? "error" : "review-ok"} role={message.bad ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
