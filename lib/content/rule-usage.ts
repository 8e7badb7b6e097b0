// Where each catalogue rule is used: which question families cite it in their explanations, which concepts those
// questions assess, and so which lessons teach it. Computed from generated questions, never from a hand-kept
// list, so a family that starts citing a rule shows up on the rule's page by itself.
import type { Family } from "../scenario/family";
import { DIFFICULTIES, type Question } from "../scenario/question";
import type { Lesson } from "./lessons";
import { ruleIdsIn } from "./rule-id";

export type RuleUse = {
  /** Family names, in registry order. */
  readonly families: readonly string[];
  /** Concept IDs of the questions that cite the rule, sorted. */
  readonly concepts: readonly string[];
};

const NO_USE: RuleUse = { families: [], concepts: [] };

/** Every rule-ID-shaped token a question shows a learner or cites: the rule list and every explaining text. */
export function ruleIdsCitedBy(question: Question): string[] {
  const { explanation } = question;
  const texts = [
    explanation.summary,
    ...Object.values(explanation.perOption),
    ...(explanation.trace ?? []),
    question.stem,
    ...question.options.map((option) => option.text),
  ];
  return [...new Set([...explanation.rules, ...texts.flatMap(ruleIdsIn)])];
}

/** Seeds 0..seedsPerDifficulty-1 of every difficulty of every family: a fixed, repeatable sample. */
export function sampleQuestions(families: readonly Family[], seedsPerDifficulty: number): Question[] {
  const questions: Question[] = [];
  for (const family of families) {
    for (const difficulty of DIFFICULTIES) {
      if (!family.difficulties.includes(difficulty)) continue;
      for (let seed = 0; seed < seedsPerDifficulty; seed++) questions.push(family.generate(seed, difficulty));
    }
  }
  return questions;
}

export type RuleUseIndex = {
  readonly useOf: (ruleId: string) => RuleUse;
  /** Every rule ID some question cited, catalogued or not. */
  readonly citedIds: ReadonlySet<string>;
};

export function indexRuleUse(questions: readonly Question[], familyOrder: readonly string[]): RuleUseIndex {
  const families = new Map<string, Set<string>>();
  const concepts = new Map<string, Set<string>>();
  for (const question of questions) {
    for (const id of ruleIdsCitedBy(question)) {
      if (!families.has(id)) families.set(id, new Set());
      if (!concepts.has(id)) concepts.set(id, new Set());
      families.get(id)?.add(question.family);
      for (const concept of question.concepts) concepts.get(id)?.add(concept);
    }
  }
  const rank = (name: string) => {
    const index = familyOrder.indexOf(name);
    return index === -1 ? familyOrder.length : index;
  };
  return {
    citedIds: new Set(families.keys()),
    useOf: (ruleId) => {
      const usedBy = families.get(ruleId);
      if (usedBy === undefined) return NO_USE;
      return {
        families: [...usedBy].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
        concepts: [...(concepts.get(ruleId) ?? [])].sort(),
      };
    },
  };
}

/**
 * Lessons that teach a rule: those whose text cites its ID, then those that teach a concept the rule's questions
 * assess. In course order.
 */
export function lessonsTeachingRule(lessons: readonly Lesson[], ruleId: string, use: RuleUse): Lesson[] {
  return lessons.filter(
    (lesson) =>
      ruleIdsIn(lesson.body).includes(ruleId) ||
      lesson.frontmatter.concepts.some((concept) => use.concepts.includes(concept)),
  );
}
