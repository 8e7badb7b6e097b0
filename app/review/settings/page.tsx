import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { db } from "@/lib/db/client";
import { loadSrsSettings } from "@/lib/db/srs";
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "@/lib/srs/index";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Review settings" };
export const dynamic = "force-dynamic";

export default async function ReviewSettingsPage() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const settings = await loadSrsSettings(db(), learner.id);
  return (
    <>
      <p className="lesson-meta">
        <Link href="/review">Review</Link> · Settings
      </p>
      <h1>Review settings</h1>
      <p className="lede">
        Desired retention is the recall FSRS aims for when it picks each interval: higher means more reviews.
        Between {MIN_DESIRED_RETENTION} and {MAX_DESIRED_RETENTION}; 0.9 is the usual choice.
      </p>
      <SettingsForm
        saved={{
          desiredRetention: String(settings.desiredRetention),
          newCardsPerDay: String(settings.newCardsPerDay),
          maximumIntervalDays: String(settings.maximumIntervalDays),
        }}
      />
    </>
  );
}
