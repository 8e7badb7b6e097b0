// English possessive of a resource name: "payments'" rather than "payments's", "logging's" otherwise.
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
