import type { ReviewQueue, SkillId, SrsCard } from "../srs/index";

// What the review page shows next: due cards (learning and review, most overdue first) before new ones,
// as Anki does by default, so today's new cards never push back what is already due.

export function nextCard(queue: ReviewQueue): SrsCard | undefined {
  return queue.due[0] ?? queue.fresh[0];
}

/** A card may be reviewed only while the queue offers it (due now, or new within today's limit). */
export function findOfferedCard(queue: ReviewQueue, skillId: SkillId): SrsCard | undefined {
  return (
    queue.due.find((card) => card.skillId === skillId) ?? queue.fresh.find((card) => card.skillId === skillId)
  );
}
