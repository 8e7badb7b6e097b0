import type { Metadata } from "next";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { findSession, type StoredSession } from "@/lib/db/sessions";
import { titleUnlessMissing } from "@/app/not-found-title";

/**
 * The metadata of a study-session page (/exam/[id], /practice/[id]): its title when the viewing learner has a
 * session of that kind with this id, else the not-found title. Read-only: a GET never writes.
 */
export async function sessionPageMetadata(
  params: Promise<{ sessionId: string }>,
  kind: StoredSession["kind"],
  title: string,
): Promise<Metadata> {
  const learner = await viewingLearner(serverNow());
  const session = await findSession(db(), learner.id, (await params).sessionId);
  return titleUnlessMissing(session !== null && session.kind === kind, title);
}
