import { currentLearner, learnerIdOfRequest, viewingLearner } from "@/app/current-learner";
import type { Identity } from "./classroom-game";

/**
 * The browser and the learner of a classroom request. "write" creates the Learner row (a player's answers become
 * their attempts); "read" writes nothing. Signed in, the learner is the account's, the browser stays the browser.
 */
export async function classroomIdentity(now: Date, mode: "read" | "write"): Promise<Identity> {
  const deviceId = await learnerIdOfRequest();
  const learner = mode === "write" ? await currentLearner(now) : await viewingLearner(now);
  return { deviceId, learnerId: learner.id };
}
