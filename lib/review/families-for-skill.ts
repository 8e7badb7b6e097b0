import type { Family } from "../scenario/family";
import type { Question } from "../scenario/question";
import type { Skill } from "../srs/index";

// Which generated questions can review a skill. A concept card ("P3") may be reviewed by any family that
// assesses the concept; a family card ("can-a-reach-c:P3") only by its own family.

export function familiesForSkill(skill: Skill, families: readonly Family[]): Family[] {
  return families.filter(
    (family) =>
      family.concepts.includes(skill.conceptId) && (skill.family === null || skill.family === family.name),
  );
}

/** A family declares every concept it can assess; one generated question assesses only some of them. */
export function isQuestionForSkill(question: Pick<Question, "family" | "concepts">, skill: Skill): boolean {
  return (
    question.concepts.includes(skill.conceptId) && (skill.family === null || skill.family === question.family)
  );
}
