import type { Metadata } from "next";
import Link from "next/link";
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

/**
 * `?rule=PCX-02` (the "practise this rule" link): the families that cite the rule, preselected. A rule id that
 * names no rule, or a rule no family assesses, comes back as a notice (uxr5 finding 14: it was ignored silently).
 */
async function rulePreset(searchParams: Props["searchParams"]) {
  const raw = (await searchParams).rule;
  if (typeof raw !== "string" || raw.trim() === "") return { preset: undefined, notice: undefined };
  const rule = findRule(raw);
  const shown = raw.trim().slice(0, 40);
  if (!rule)
    return {
      preset: undefined,
      notice: `There is no rule ${shown}, so every topic is offered below.`,
    };
  const families = ruleUse(rule.id).families;
  return families.length > 0
    ? { preset: { rule: rule.id, families }, notice: undefined }
    : {
        preset: undefined,
        notice: `No question family assesses rule ${rule.id} yet, so every topic is offered below.`,
      };
}

export default async function Page({ searchParams }: Props) {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const active = await loadActivePractice(learner.id);
  // New at every server render; Back replays it, and the page shows what it showed then (render-memory.ts).
  const renderId = crypto.randomUUID();
  if (!active.ok || active.value === null) {
    const preset = await rulePreset(searchParams);
    return (
      <>
        <h1>Practice</h1>
        <p className="lede">
          Question, answer, feedback with the path traced, next. Choose what to practise.
        </p>
        {!active.ok ? (
          <p className="notice">Your last session could not be resumed, so a new one starts here.</p>
        ) : null}
        {preset.notice ? (
          <p className="notice" role="status" data-testid="rule-preset-notice">
            {preset.notice} <Link href="/rules">Browse the rules</Link>.
          </p>
        ) : null}
        <PracticeSettingsForm {...settingsChoices()} preset={preset.preset} renderId={renderId} />
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
