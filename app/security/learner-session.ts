import { db } from "@/lib/db/client";
import { findLearner } from "@/lib/db/learners";
import { hasLegacyLearnerTokenFormat, isSignedLearnerToken } from "./learner-token";

/**
 * Whether a cookie value is a learner token this server issued: a signed token, or a token of the first releases
 * whose learner row exists. Anything else (empty, `a`, a forged or unknown value) is to be replaced, not adopted.
 */
export async function isIssuedLearnerToken(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  if (isSignedLearnerToken(token)) return true;
  if (!hasLegacyLearnerTokenFormat(token)) return false;
  return (await findLearner(db(), token)) !== null;
}
