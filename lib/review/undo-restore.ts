// Undo brings a card back with the variant it was answered with, not a fresh one: a learner who takes back a
// rating expects the card they just rated. That variant counts as seen (it was reviewed), so it is let through
// once more for the card whose latest review was undone, by the page that draws the card and the route that
// grades it alike.

/** The seen question ids with the undone review's question taken out, so it may be shown and answered again. */
export function seenExceptRestored(
  seenQuestionIds: readonly string[],
  restoredQuestionId: string | undefined,
): string[] {
  return restoredQuestionId === undefined
    ? [...seenQuestionIds]
    : seenQuestionIds.filter((id) => id !== restoredQuestionId);
}
