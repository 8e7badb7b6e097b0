import { findConcept } from "../content/concepts";
import { fail, succeed, type SrsResult } from "./result";

// A skill is what one review card trains: a concept on its own ("P3"), or a concept as exercised by one
// question family ("can-a-reach-c:P3"). The text form is the stable key stored in the database and exports.

declare const skillIdBrand: unique symbol;
export type SkillId = string & { readonly [skillIdBrand]: true };

export type Skill = {
  readonly conceptId: string;
  /** The question family, or null when the card is the concept itself. */
  readonly family: string | null;
};

const FAMILY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseSkillId(text: string): SrsResult<Skill> {
  const parts = text.split(":");
  if (parts.length > 2) {
    return fail(["skillId"], `"${text}" has more than one ":"; expected "CONCEPT" or "family:CONCEPT"`);
  }
  const [first, second] = parts;
  const family = second === undefined ? null : (first ?? "");
  const conceptId = second ?? first ?? "";
  if (family !== null && !FAMILY_PATTERN.test(family)) {
    return fail(["skillId", "family"], `"${family}" is not a kebab-case question family name`);
  }
  if (findConcept(conceptId) === undefined) {
    return fail(["skillId", "conceptId"], `"${conceptId}" is not a concept ID from the concept checklist`);
  }
  return succeed({ conceptId, family });
}

export function formatSkillId(skill: Skill): SkillId {
  return (skill.family === null ? skill.conceptId : `${skill.family}:${skill.conceptId}`) as SkillId;
}

/** For code that already holds a well-formed ID (e.g. built from a concept list); bad input is a bug. */
export function toSkillId(text: string): SkillId {
  const parsed = parseSkillId(text);
  if (!parsed.ok) {
    throw new Error(`Invalid skill ID: ${parsed.issues.map((issue) => issue.message).join("; ")}`);
  }
  return formatSkillId(parsed.value);
}

export function conceptIdOf(skillId: SkillId): string {
  const separator = skillId.indexOf(":");
  return separator === -1 ? skillId : skillId.slice(separator + 1);
}
