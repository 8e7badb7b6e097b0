"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { formText } from "@/app/http/form-text";
import { postJson } from "@/app/http/post-json";
import { forPerson } from "@/app/practice/for-person";

/**
 * Joining and rejoining post the room's code plus one field of their own and, once the server accepts, open the
 * room; a refusal (taken name, wrong rejoin code) comes back as the server's sentence, shown without the field
 * name the API puts first ("displayName: this name is taken: …" reads "This name is taken: …"). A join code
 * that opens no game (404) is said in the player's words, with where to find the right one.
 */
export function useRoomEntry(action: "join" | "rejoin", field: "displayName" | "rejoinCode") {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const joinCode = formText(form, "joinCode").trim().toUpperCase();
    setBusy(true);
    setError(null);
    const result = await postJson("/classroom/api", { action, joinCode, [field]: formText(form, field) });
    if (result.ok) {
      router.push(`/classroom/${joinCode}`);
      return;
    }
    setBusy(false);
    setError(
      action === "join" && result.status === 404
        ? `No game has the code ${joinCode}. Check the code on the teacher's screen.`
        : forPerson(result.error),
    );
  }

  return { error, busy, onSubmit: (event: SubmitEvent<HTMLFormElement>) => void submit(event) };
}
