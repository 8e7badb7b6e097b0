import { createCipheriv, createDecipheriv } from "node:crypto";
import { hmac, serverKeys, type ServerKeys } from "./server-secret";

// The id a browser sees for a question is sealed (AES-256-GCM) so it does not reveal family.seed.difficulty,
// from which the open-source generator rebuilds the key. The scope it was served in (lesson, practice session,
// exam, review card, classroom game) and the learner it was served to are the cipher's associated data: the
// token opens only in that scope, for that learner, so an answer is accepted only for a question the server
// served there. The IV is synthetic (an HMAC of scope and id), so the same question in the same scope always
// gets the same token: pages can compare ids across reloads and polls.

export type QuestionScope =
  /** Lesson pages are built once for everyone, so a lesson token is bound to the lesson, not to a learner. */
  | { readonly kind: "lesson"; readonly slug: string }
  | { readonly kind: "practice"; readonly sessionId: string; readonly learnerId: string }
  | { readonly kind: "exam"; readonly sessionId: string; readonly learnerId: string }
  | { readonly kind: "review"; readonly skillId: string; readonly learnerId: string }
  | { readonly kind: "classroom"; readonly joinCode: string; readonly learnerId: string }
  | { readonly kind: "homework"; readonly code: string; readonly learnerId: string }
  /** The bookmarks page: a token there only lets its learner remove the bookmark. */
  | { readonly kind: "bookmark"; readonly learnerId: string };

const PREFIX = "q_";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longest token accepted before any decoding: a question id is short, so anything longer is not ours. */
export const MAX_QUESTION_TOKEN_LENGTH = 200;
const TOKEN_PATTERN = /^q_[A-Za-z0-9_-]+$/;

export function scopeLabel(scope: QuestionScope): string {
  switch (scope.kind) {
    case "lesson":
      return `lesson:${scope.slug}`;
    case "practice":
      return `practice:${scope.sessionId}:${scope.learnerId}`;
    case "exam":
      return `exam:${scope.sessionId}:${scope.learnerId}`;
    case "review":
      return `review:${scope.skillId}:${scope.learnerId}`;
    case "classroom":
      return `classroom:${scope.joinCode}:${scope.learnerId}`;
    case "homework":
      return `homework:${scope.code}:${scope.learnerId}`;
    case "bookmark":
      return `bookmark:${scope.learnerId}`;
  }
}

export function sealQuestionId(
  questionId: string,
  scope: QuestionScope,
  keys: ServerKeys = serverKeys(),
): string {
  const aad = Buffer.from(scopeLabel(scope), "utf8");
  const iv = hmac(keys.sivKey, scopeLabel(scope), questionId).subarray(0, IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.questionKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(questionId, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

export type OpenedQuestion = { readonly ok: true; readonly questionId: string } | { readonly ok: false };

/** The question id inside a token, or not ok when the token is malformed, forged, or from another scope or learner. */
export function openQuestionId(
  token: string,
  scope: QuestionScope,
  keys: ServerKeys = serverKeys(),
): OpenedQuestion {
  if (token.length > MAX_QUESTION_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return { ok: false };
  const bytes = Buffer.from(token.slice(PREFIX.length), "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return { ok: false };
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.questionKey, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(scopeLabel(scope), "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return { ok: true, questionId: plain.toString("utf8") };
  } catch {
    return { ok: false };
  }
}

/** The message every route gives for a token that does not open: it does not say which check failed. */
export const UNKNOWN_QUESTION = "this question was not served to you here; reload the page";
