// Which review card stays on screen after it is answered. The browser remembers the answered
// card in a short-lived cookie so that a refresh (new counters, deck table and Undo label) and a reload keep
// showing that card with its feedback. The server trusts the cookie only to choose what to show: the question
// must be the latest review of that card in this learner's own log.
import type { StoredReview } from "@/lib/db/srs";

export const ON_SCREEN_COOKIE = "reachable-review-shown";

export type OnScreen = {
  readonly skillId: string;
  readonly questionId: string;
  readonly response: readonly string[];
};

export function encodeOnScreen(value: OnScreen): string {
  return encodeURIComponent([value.skillId, value.questionId, value.response.join(",")].join("|"));
}

export function decodeOnScreen(text: string | undefined): OnScreen | undefined {
  if (text === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const [skillId, questionId, response] = decoded.split("|");
  if (!skillId || !questionId || response === undefined) return undefined;
  return { skillId, questionId, response: response === "" ? [] : response.split(",") };
}

/** The log row of the card on screen, when the cookie names the latest review of that card. */
export function answeredOnScreen(
  onScreen: OnScreen | undefined,
  log: readonly StoredReview[],
): StoredReview | undefined {
  if (onScreen === undefined) return undefined;
  const latest = log.filter((entry) => entry.skillId === onScreen.skillId).at(-1);
  return latest?.questionId === onScreen.questionId ? latest : undefined;
}
