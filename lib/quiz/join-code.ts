// Classroom join codes and display names. Codes avoid look-alike characters (0/O, 1/I/L) because they are read
// off a projector and typed on phones.
import type { Rng } from "./adaptive";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
export const MAX_DISPLAY_NAME_LENGTH = 24;

export function createJoinCode(rng: Rng, length = JOIN_CODE_LENGTH): string {
  let code = "";
  for (let i = 0; i < length; i += 1) {
    code += JOIN_CODE_ALPHABET[Math.floor(rng() * JOIN_CODE_ALPHABET.length)] ?? JOIN_CODE_ALPHABET.charAt(0);
  }
  return code;
}

/** Codes are compared without case or surrounding spaces, as people type them. */
export function normalizeJoinCode(code: string): string {
  return code.trim().toUpperCase();
}

// Characters that draw nothing (zero-width space and joiners, bidi controls, soft hyphen, Hangul fillers,
// control codes): "A\u200bna" must be the same name as "Ana", not a look-alike second player.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The name as shown: NFKC, invisible characters removed, trimmed, inner runs of white space collapsed. */
export function cleanDisplayName(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").trim().replace(/\s+/g, " ");
}

/** Two names are the same player name if they differ only in case, width or spacing ("Ana" = " ana "). */
export function displayNameKey(name: string): string {
  return cleanDisplayName(name).toLocaleLowerCase("en");
}

export function isDisplayNameValid(name: string): boolean {
  const cleaned = cleanDisplayName(name);
  return cleaned.length >= 1 && cleaned.length <= MAX_DISPLAY_NAME_LENGTH;
}
