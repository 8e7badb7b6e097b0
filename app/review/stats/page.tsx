import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { findConcept } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { loadDeck, loadSrsSettings } from "@/lib/db/srs";
import { countReviewsPerDay, findWeakestConcepts, forecastDue, measureCalibration, measureRetention } from "@/lib/srs/index";
import { CalibrationChart } from "./calibration-chart";
import { ForecastChart } from "./forecast-chart";
import { ReviewsChart } from "./reviews-chart";

export const metadata: Metadata = { title: "Review stats" };
export const dynamic = "force-dynamic";

const percent = (value: number | null): string => (value === null ? "—" : `${(value * 100).toFixed(0)}%`);

export default async function ReviewStatsPage() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const database = db();
  const [{ cards, log }, settings] = await Promise.all([loadDeck(database, learner.id), loadSrsSettings(database, learner.id)]);
  const perDay = countReviewsPerDay(log, now, 30, settings);
  const total = perDay.reduce((sum, day) => sum + day.reviews, 0);
  const retention = measureRetention(log, now, settings, 30);
  const forecast = forecastDue(cards, now, settings, 30);
  const weakest = findWeakestConcepts(cards, now, settings, 5);
  const calibration = measureCalibration(log, 10);

  return (
    <>
      <p className="lesson-meta">
        <Link href="/review">Review</Link> · Stats
      </p>
      <h1>Review stats</h1>
      <dl className="review-counts" aria-label="Summary">
        <div data-stat="reviews-30d">
          <dt>Reviews, last 30 days</dt>
          <dd>{total}</dd>
        </div>
        <div data-stat="retention">
          <dt>Retention (target {percent(retention.target)})</dt>
          <dd>
            {percent(retention.retention)} <span className="review-muted">of {retention.reviews} mature reviews</span>
          </dd>
        </div>
        <div data-stat="cards">
          <dt>Cards</dt>
          <dd>{cards.length}</dd>
        </div>
      </dl>

      <h2>Reviews per day</h2>
      <ReviewsChart data={perDay.map((day) => ({ day: day.day, correct: day.correct, wrong: day.reviews - day.correct }))} />
      <table className="review-deck" data-testid="reviews-per-day">
        <caption className="sr-only">Days with reviews</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Reviews</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {perDay
            .filter((day) => day.reviews > 0)
            .map((day) => (
              <tr key={day.day} data-day={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.reviews}</td>
                <td>{day.correct}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>Retention against the target</h2>
      <p>
        True retention counts reviews of cards already out of learning: {retention.correct} of {retention.reviews} recalled
        ({percent(retention.retention)}) against a target of {percent(retention.target)}.
        {retention.reviews === 0 ? " It needs a few days of reviews before it means anything." : ""}
      </p>

      <h2>Due in the next 30 days</h2>
      <ForecastChart data={forecast} />

      <h2>Weakest concepts</h2>
      {weakest.length === 0 ? (
        <p className="review-muted">No reviewed cards yet.</p>
      ) : (
        <ol data-testid="weakest">
          {weakest.map((concept) => (
            <li key={concept.conceptId} data-concept={concept.conceptId}>
              <strong>{concept.conceptId}</strong> — predicted recall {percent(concept.retrievability)}, {concept.lapses} lapses
              <span className="review-muted"> · {findConcept(concept.conceptId)?.text.replaceAll("**", "")}</span>
            </li>
          ))}
        </ol>
      )}

      <h2>Calibration</h2>
      <p>
        How well FSRS&apos;s predicted recall matched what you recalled, over {calibration.reviews} reviews with a prediction. Brier score{" "}
        {calibration.brierScore === null ? "—" : calibration.brierScore.toFixed(3)}, log loss{" "}
        {calibration.logLoss === null ? "—" : calibration.logLoss.toFixed(3)} (lower is better).
      </p>
      {calibration.reviews > 0 ? (
        <CalibrationChart
          data={calibration.bins.map((bin) => ({ bin: `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`, predicted: bin.meanPredicted, observed: bin.observedRecall }))}
        />
      ) : null}
    </>
  );
}
