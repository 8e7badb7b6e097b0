import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { findOrCreateLearner, learnerIdForToken, viewLearner, type Learner } from "@/lib/db/learners";
import { LEARNER_COOKIE } from "./learner-cookie";

// The proxy (proxy.ts) guarantees that every request reaching a page or route carries a learner token the
// server issued: a missing, empty or forged value was replaced there.

async function learnerToken(): Promise<string> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  if (!token) throw new Error("learner cookie missing: the proxy should have set it");
  return token;
}

/** The learner of a request that writes: the Learner row is created here, on the learner's first write. */
export async function currentLearner(now: Date): Promise<Learner> {
  return findOrCreateLearner(db(), await learnerToken(), now);
}

/** The learner of a page that only reads: writes nothing, so a first visit leaves no Learner row behind. */
export async function viewingLearner(now: Date): Promise<Learner> {
  return viewLearner(db(), await learnerToken(), now);
}

/**
 * The id of the request's learner, derived from the token without reading the database: for hot paths (a
 * classroom answer, an event stream) whose learner row was written earlier (at join) or is not needed.
 */
export async function learnerIdOfRequest(): Promise<string> {
  return learnerIdForToken(await learnerToken());
}
