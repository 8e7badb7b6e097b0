// Which question families and concepts a practice selection covers (topics, families and difficulty,
// or everything). Families and groups are passed in, so tests can use a small catalogue and the server the
// generator's registry; "empty" in a chosen selection means "any" for that axis.
import { CONCEPTS, type ConceptGroupId } from "../content/concepts";
import type { PracticeSelection } from "../quiz/practice-settings";
import type { Family } from "../scenario/family";
import { FAMILIES } from "../scenario/registry";
import type { Difficulty } from "../scenario/question";

export type FamilyInfo = Pick<Family, "name" | "concepts" | "difficulties" | "generate">;

export type Catalog = {
  readonly families: readonly FamilyInfo[];
  /** Concept id -> concept group id. */
  readonly groupOf: (concept: string) => string | undefined;
};

const groupByConcept = new Map<string, ConceptGroupId>(
  CONCEPTS.map((concept) => [concept.id, concept.group]),
);

export const DEFAULT_CATALOG: Catalog = {
  families: FAMILIES,
  groupOf: (concept) => groupByConcept.get(concept),
};

/** A family the selection allows, with the difficulties and concepts left after filtering. */
export type EligibleFamily = {
  readonly family: FamilyInfo;
  readonly difficulties: readonly Difficulty[];
  readonly concepts: readonly string[];
};

export type CatalogIssue = { readonly path: string; readonly message: string };

export type EligibleResult =
  | { readonly ok: true; readonly families: readonly EligibleFamily[]; readonly concepts: readonly string[] }
  | { readonly ok: false; readonly issues: readonly CatalogIssue[] };

export function eligibleFamilies(
  selection: PracticeSelection,
  catalog: Catalog = DEFAULT_CATALOG,
): EligibleResult {
  const eligible: EligibleFamily[] = [];
  for (const family of catalog.families) {
    if (selection.kind === "everything") {
      eligible.push({ family, difficulties: family.difficulties, concepts: family.concepts });
      continue;
    }
    if (selection.families.length > 0 && !selection.families.includes(family.name)) continue;
    const difficulties = family.difficulties.filter(
      (level) => selection.difficulties.length === 0 || selection.difficulties.includes(level),
    );
    const concepts = family.concepts.filter(
      (concept) =>
        selection.conceptGroups.length === 0 ||
        selection.conceptGroups.includes(catalog.groupOf(concept) ?? ""),
    );
    if (difficulties.length > 0 && concepts.length > 0) eligible.push({ family, difficulties, concepts });
  }
  if (eligible.length === 0) {
    return {
      ok: false,
      issues: [
        {
          path: "settings.selection",
          message: "no question family matches these topics, families and difficulties",
        },
      ],
    };
  }
  const concepts = [...new Set(eligible.flatMap((entry) => entry.concepts))].sort();
  return { ok: true, families: eligible, concepts };
}
