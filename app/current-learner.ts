import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { findOrCreateLearner, type Learner } from "@/lib/db/learners";
import { LEARNER_COOKIE } from "./learner-cookie";

/** The learner of the current request; the proxy guarantees the cookie exists. */
export async function currentLearner(now: Date): Promise<Learner> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  if (!token) throw new Error("learner cookie missing: the proxy should have set it");
  return findOrCreateLearner(db(), token, now);
}
