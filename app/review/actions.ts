"use server";

// The review page's rate and undo, as server actions: the action changes the deck and calls refresh(), so the
// same response carries the page as the server now renders it (the next card, counters, deck rows and Undo
// label). One request per learner action instead of a POST followed by router.refresh(). The page renders the
// next card as on any visit, so it arrives redacted; POST /api/review/rate and /api/review/undo stay for
// programs.
import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { serverNow } from "@/app/clock";
import { currentLearner } from "@/app/current-learner";
import { describeIssues } from "@/app/http/json-body";
import { logLine, errorDetail } from "@/app/http/server-log";
import { RateReviewSchema } from "@/app/api/review/schemas";
import { db } from "@/lib/db/client";
import { undoLatestReview } from "@/lib/db/srs";
import { ON_SCREEN_COOKIE } from "./on-screen";
import { rateReview } from "./rate-review";

/** `error` is the field-named text the JSON routes answer with; the page shows it through forPerson. */
export type ReviewActionResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

const FAILED = "the server could not save this; try again";

async function guarded(name: string, run: () => Promise<ReviewActionResult>): Promise<ReviewActionResult> {
  try {
    return await run();
  } catch (error) {
    // As jsonRoute does for the routes: no stack to the browser, the detail to the server log.
    logLine("action.failed", { action: name, detail: errorDetail(error) });
    return { ok: false, error: FAILED };
  }
}

/** Replaces the latest review's rating and answers with the page showing the next card. */
export async function rateAndShowNext(input: unknown): Promise<ReviewActionResult> {
  return guarded("review.rate", async () => {
    const parsed = RateReviewSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
    const now = serverNow();
    const learner = await currentLearner(now);
    const rated = await rateReview(learner.id, parsed.data, now);
    if (!rated.ok) return { ok: false, error: describeIssues(rated.issues) };
    refresh();
    return { ok: true };
  });
}

/** Takes back the latest review and answers with the page showing that card again. */
export async function undoAndShow(): Promise<ReviewActionResult> {
  return guarded("review.undo", async () => {
    const now = serverNow();
    const learner = await currentLearner(now);
    const undone = await undoLatestReview(db(), learner.id, now);
    if (!undone.ok) return { ok: false, error: describeIssues(undone.issues) };
    // The card kept on screen after its answer goes only now that the undo is saved, here rather than in the
    // browser before the request: a failed undo leaves the page (and its Undo) as it was. The page rendered
    // into this response already reads the cookie without it (Next applies an action's cookies to that render).
    (await cookies()).delete({ name: ON_SCREEN_COOKIE, path: "/review" });
    refresh();
    return { ok: true };
  });
}
