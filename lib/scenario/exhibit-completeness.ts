// Every resource id and address that a question's options or stem name must be
// introduced by the stem or the exhibit, so the question can be answered on paper. check:generator counts the
// misses per family and fails on any.
import { exhibitWords } from "./exhibit";
import type { Question } from "./question";

/** AWS resource ids (longest prefixes first, so tgw-rtb- is not read as tgw-) and IPv4/IPv6 addresses or CIDRs. */
const REFERENCE =
  /\b(?:tgw-rtb|tgw-attach|vpce-svc|rtb|sg|acl|pcx|tgw|vpce|igw|nat|eigw|vgw|cgw|vpn|dxgw|pl|eni|i|subnet|vpc)-[0-9a-f]{6,}\b|\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?/gi;

/** "Any address" needs no introduction. */
const UNIVERSAL = new Set(["0.0.0.0/0", "::/0"]);

export function namedReferences(text: string): string[] {
  return (text.match(REFERENCE) ?? []).filter((ref) => !UNIVERSAL.has(ref));
}

/** "sg" for sg-0abc, "ipv4" / "ipv6" for addresses: the family a reference is counted under. */
export function referenceFamily(reference: string): string {
  if (/^\d/.test(reference) && reference.includes(".")) return "ipv4";
  const id = /^([a-z]+(?:-(?:rtb|attach|svc))?)-[0-9a-f]+$/i.exec(reference);
  return id?.[1] ?? "ipv6";
}

/** The references the options or the stem name that neither the stem nor the exhibit introduces. */
export function missingFromExhibit(question: Question): string[] {
  const introduced = new Set([
    ...namedReferences(question.stem),
    ...(question.exhibit ? namedReferences(exhibitWords(question.exhibit)) : []),
  ]);
  const missing = new Set<string>();
  for (const option of question.options)
    for (const ref of namedReferences(option.text)) if (!introduced.has(ref)) missing.add(ref);
  return [...missing];
}
