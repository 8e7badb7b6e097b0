import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { ruleUse } from "@/app/rules/rule-use";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { findRule } from "@/lib/content/rules-catalogue";
import { DEFAULT_CATALOG } from "@/lib/practice/catalog";
import { FAMILIES } from "@/lib/scenario/registry";
import { loadActivePractice } from "./practice-session";
import { PracticeScreen } from "./practice-screen";
import { practiceView } from "./practice-view";
import { PracticeSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

function settingsChoices() {
  const covered = new Set(
    DEFAULT_CATALOG.families.flatMap((family) => family.concepts.map((c) => DEFAULT_CATALOG.groupOf(c))),
  );
  return {
    groups: CONCEPT_GROUPS.filter((group) => covered.has(group.id)).map((group) => ({
      id: group.id,
      title: group.title,
    })),
    families: FAMILIES.map((family) => ({ id: family.name, title: family.title })),
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?rule=PCX-02` (the "practise this rule" link): the families that cite the rule, preselected. */
async function rulePreset(searchParams: Props["searchParams"]) {
  const raw = (await searchParams).rule;
  const rule = typeof raw === "string" ? findRule(raw) : undefined;
  if (!rule) return undefined;
  const families = ruleUse(rule.id).families;
  return families.length > 0 ? { rule: rule.id, families } : undefined;
}

export default async function Page({ searchParams }: Props) {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const active = await loadActivePractice(learner.id);
  // New at every server render; Back replays it, and the page shows what it showed then (render-memory.ts).
  const renderId = crypto.randomUUID();
  if (!active.ok || active.value === null) {
    return (
      <>
        <h1>Practice</h1>
        <p className="lede">
          Question, answer, feedback with the path traced, next. Choose what to practise.
        </p>
        {!active.ok ? (
          <p className="notice">Your last session could not be resumed, so a new one starts here.</p>
        ) : null}
        <PracticeSettingsForm
          {...settingsChoices()}
          preset={await rulePreset(searchParams)}
          renderId={renderId}
        />
      </>
    );
  }
  return (
    <>
      <h1>Practice</h1>
      <PracticeScreen initial={await practiceView(learner.id, active.value)} renderId={renderId} />
    </>
  );
}
