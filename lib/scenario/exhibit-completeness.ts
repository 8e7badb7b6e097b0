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

/**
 * The forms in which a reference counts as introduced: itself, and for a /32 (a rule for one host) the bare
 * address, since the exhibit lists an instance's private IP without a prefix length.
 */
export function introducedForms(reference: string): string[] {
  return reference.endsWith("/32") ? [reference, reference.slice(0, -3)] : [reference];
}

/**
 * Facts an option can depend on without naming an id: an option or the key's explanation about a public IPv4
 * address or Elastic IP (IGW-01) needs the exhibit's "Public IPv4" column (or a stem that states the address),
 * else the key can be reached only by ruling the other options out.
 */
const FACTS: readonly {
  readonly name: string;
  readonly cue: RegExp;
  readonly shown: (q: Question) => boolean;
}[] = [
  {
    name: "fact:public-ipv4",
    cue: /\bpublic IP(?:v4)?\b|\bElastic IP\b/i,
    shown: (q) =>
      /\bpublic IP(?:v4)?\b/i.test(q.stem) ||
      (q.exhibit?.tables.some((t) => t.kind === "interfaces" && t.columns.includes("Public IPv4")) ?? false),
  },
];

/** "sg" for sg-0abc, "ipv4" / "ipv6" for addresses: the family a reference is counted under. */
export function referenceFamily(reference: string): string {
  if (reference.startsWith("fact:")) return reference;
  if (/^\d/.test(reference) && reference.includes(".")) return "ipv4";
  const id = /^([a-z]+(?:-(?:rtb|attach|svc))?)-[0-9a-f]+$/i.exec(reference);
  return id?.[1] ?? "ipv6";
}

/**
 * The references the options or the stem name that neither the stem nor the exhibit introduces, and the facts
 * (FACTS) that an option or the key's explanation depends on but the exhibit does not show.
 */
export function missingFromExhibit(question: Question): string[] {
  const introduced = new Set([
    ...namedReferences(question.stem),
    ...(question.exhibit ? namedReferences(exhibitWords(question.exhibit)) : []),
  ]);
  const missing = new Set<string>();
  for (const option of question.options)
    for (const ref of namedReferences(option.text))
      if (!introducedForms(ref).some((form) => introduced.has(form))) missing.add(ref);
  const texts = [...question.options.map((o) => o.text), question.explanation.summary];
  for (const fact of FACTS)
    if (texts.some((text) => fact.cue.test(text)) && !fact.shown(question)) missing.add(fact.name);
  return [...missing];
}
