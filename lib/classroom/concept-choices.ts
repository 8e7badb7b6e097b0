// The concepts a teacher may narrow a quiz to: those of the checklist that some question family asks about,
// grouped by topic in the checklist's order. A concept no family asks about could only ever fail the plan.
import { CONCEPT_GROUPS, CONCEPTS } from "../content/concepts";
import type { Family } from "../scenario/family";

export type ConceptChoice = { readonly id: string; readonly text: string };
export type ConceptChoiceGroup = {
  readonly id: string;
  readonly title: string;
  readonly concepts: readonly ConceptChoice[];
};

export function conceptChoices(families: readonly Pick<Family, "concepts">[]): ConceptChoiceGroup[] {
  const asked = new Set(families.flatMap((family) => family.concepts));
  return CONCEPT_GROUPS.map((group) => ({
    id: group.id,
    title: group.title,
    concepts: CONCEPTS.filter((concept) => concept.group === group.id && asked.has(concept.id)).map(
      // The checklist marks drift with markdown emphasis; a form label shows plain text.
      (concept) => ({ id: concept.id, text: concept.text.replaceAll("**", "") }),
    ),
  })).filter((group) => group.concepts.length > 0);
}
