// "a" or "an" by sound, not spelling: an acronym read letter by letter ("HTTPS", "SSH") starts with a
// vowel sound when its first letter's name does (eff, aitch, ell, em, en, ar, ess, ex), and a word that
// starts with a vowel letter ("ICMP" read as a word, "IPv6") takes "an".
const VOWEL_SOUND_LETTERS = "AEFHILMNORSX";
const READ_AS_WORDS: readonly string[] = ["NAT", "NACL"];

/** "a MySQL", "an HTTPS", "an SSH", "a PostgreSQL", "an S3", "a NAT". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

export function article(word: string): "a" | "an" {
  const first = word.charAt(0);
  if ("aeiou".includes(first)) return "an";
  // An initialism: its first two letters are capitals ("HTTPS", "SSH", "IPv6"), so it is read letter by letter.
  // Acronyms said as a word ("NAT" rhymes with "cat") are not initialisms.
  const initialism = /^[A-Z][A-Z0-9]/.test(word) && !READ_AS_WORDS.some((w) => word.startsWith(w));
  if (initialism && VOWEL_SOUND_LETTERS.includes(first)) return "an";
  return "AEIOU".includes(first) ? "an" : "a";
}
