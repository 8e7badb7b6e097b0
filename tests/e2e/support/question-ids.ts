import { createDecipheriv } from "node:crypto";
import path from "node:path";
import { sealQuestionId, type QuestionScope } from "../../../app/security/question-token";
import { deriveKeys, loadSecret } from "../../../app/security/server-secret";
import { repoRoot } from "./server";

// The browser sees sealed question ids (app/security/question-token.ts). The tests hold the server's secret
// (the same file the build and the server read), so they can look behind an id the way only the server can.

const keys = deriveKeys(
  loadSecret({ secret: process.env["REACHABLE_SECRET"], file: path.join(repoRoot, "data", "server-secret") }),
);

/**
 * The question id behind a sealed id, read without checking its scope (the test does not know the learner's id
 * from the page): decryption only, never accepted as proof the way openQuestionId is.
 */
export function questionIdBehind(shown: string): string {
  const bytes = Buffer.from(shown.replace(/^q_/, ""), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keys.questionKey, bytes.subarray(0, 12), {
    authTagLength: 16,
  });
  return decipher.update(bytes.subarray(12, bytes.length - 16)).toString("utf8");
}

/** The id the server shows for a question in a scope, e.g. a lesson's inline question. */
export function shownIdFor(questionId: string, scope: QuestionScope): string {
  return sealQuestionId(questionId, scope, keys);
}
