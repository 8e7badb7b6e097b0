import { indexRuleUse, lessonsTeachingRule, sampleQuestions, type RuleUse } from "@/lib/content/rule-usage";
import type { Lesson } from "@/lib/content/lessons";
import { FAMILIES } from "@/lib/scenario/registry";
import { loadCourse } from "../lessons/course";

// How many seeds per difficulty of every family are generated to find which families cite which rule. The sample
// is fixed (seeds 0..n-1), so the pages are the same on every server; 20 finds every rule the families cite today.
const SEEDS_PER_DIFFICULTY = 20;

let cached: ReturnType<typeof indexRuleUse> | undefined;

/** Which families and concepts cite each rule; generated once per server process (about a second). */
function ruleUseIndex() {
  cached ??= indexRuleUse(
    sampleQuestions(FAMILIES, SEEDS_PER_DIFFICULTY),
    FAMILIES.map((family) => family.name),
  );
  return cached;
}

export type RuleUseView = RuleUse & {
  readonly familyTitles: readonly { readonly name: string; readonly title: string }[];
  readonly lessons: readonly Lesson[];
};

export function ruleUse(ruleId: string): RuleUseView {
  const use = ruleUseIndex().useOf(ruleId);
  return {
    ...use,
    familyTitles: use.families.map((name) => ({
      name,
      title: FAMILIES.find((family) => family.name === name)?.title ?? name,
    })),
    lessons: lessonsTeachingRule(loadCourse(), ruleId, use),
  };
}
