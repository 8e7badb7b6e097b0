import { db } from "@/lib/db/client";
import { learnerIdForToken, viewLearner } from "@/lib/db/learners";
import type { Identity } from "./classroom-game";

// The identity of a learner token resolved as the Next pages resolve it (classroomIdentity in ./identity.ts,
// "read"), for code that sees the raw cookie value rather than Next's cookies(): the fast lane. Kept apart from
// ./identity.ts so that the fast lane, installed outside Next's request pipeline, never loads next/headers.

/**
 * The browser of a token and the learner it acts for: the account's learner when the token is a signed-in
 * session, else the browser's own learner. Reads only; writes nothing.
 */
export async function identityOfToken(token: string, now: Date): Promise<Identity> {
  const learner = await viewLearner(db(), token, now);
  return { deviceId: learnerIdForToken(token), learnerId: learner.id };
}
