import type { Metadata } from "next";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { findConcept } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { loadDeck, loadFsrsFit, loadSrsSettings } from "@/lib/db/srs";
import {
  assessFittingData,
  describeMissingData,
  toCardHistories,
  CARD_STATUSES,
  countByStatus,
  countReviewsByHour,
  countReviewsPerDay,
  findWeakestConcepts,
  forecastDue,
  histogramIntervals,
  measureCalibration,
  measureRetention,
  reviewHeatmap,
} from "@/lib/srs/index";
import { SimpleBarChart } from "./bar-chart";
import { ReviewHeatmap } from "./heatmap";
import { CalibrationChart } from "./calibration-chart";
import { ForecastChart } from "./forecast-chart";
import { ReviewsChart } from "./reviews-chart";
import { FsrsParametersForm } from "./fsrs-parameters-form";
import { FitTable } from "./fit-table";
import { loadFsrsOptimiser } from "@/lib/srs/fsrs-optimiser";

export const metadata: Metadata = { title: "Review stats" };
export const dynamic = "force-dynamic";

const percent = (value: number | null): string => (value === null ? "—" : `${(value * 100).toFixed(0)}%`);

export default async function ReviewStatsPage() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const database = db();
  const [{ cards, log }, settings, fit, optimiser] = await Promise.all([
    loadDeck(database, learner.id),
    loadSrsSettings(database, learner.id),
    loadFsrsFit(database, learner.id),
    // Only to say up front whether fitting can run here; nothing is fitted on a page view.
    loadFsrsOptimiser(),
  ]);
  const readiness = assessFittingData(toCardHistories(log, settings.dayStartOffsetMinutes));
  const perDay = countReviewsPerDay(log, now, 30, settings);
  const total = perDay.reduce((sum, day) => sum + day.reviews, 0);
  const retention = measureRetention(log, now, settings, 30);
  const forecast = forecastDue(cards, now, settings, 30);
  const weakest = findWeakestConcepts(cards, now, settings, 5);
  const calibration = measureCalibration(log, 10);
  const byStatus = countByStatus(cards, now);
  const intervals = histogramIntervals(cards);
  const heatmap = reviewHeatmap(log, now, settings, 182);
  const hourly = countReviewsByHour(log, now, settings, 30);
  const allTime = measureRetention(log, now, settings);

  return (
    <>
      <p className="lesson-meta">
        <Link href="/review">Review</Link> · <Link href="/review/cards">Browse cards</Link> · Stats
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
            {percent(retention.retention)}{" "}
            <span className="review-muted">of {retention.reviews} mature reviews</span>
          </dd>
        </div>
        <div data-stat="cards">
          <dt>Cards</dt>
          <dd>{cards.length}</dd>
        </div>
      </dl>

      <h2>Cards by state</h2>
      <dl className="review-counts" aria-label="Cards by state" data-testid="cards-by-state">
        {CARD_STATUSES.map((status) => (
          <div key={status} data-state={status}>
            <dt>{status}</dt>
            <dd>{byStatus[status]}</dd>
          </div>
        ))}
      </dl>

      <h2>Review calendar</h2>
      <ReviewHeatmap days={heatmap} />

      <h2>Reviews per day</h2>
      <ReviewsChart
        data={perDay.map((day) => ({ day: day.day, correct: day.correct, wrong: day.reviews - day.correct }))}
      />
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
        True retention counts reviews of cards already out of learning: {retention.correct} of{" "}
        {retention.reviews} recalled ({percent(retention.retention)}) against a target of{" "}
        {percent(retention.target)}.
        {retention.reviews === 0 ? " It needs a few days of reviews before it means anything." : ""}
      </p>

      <h2>Your retention and the scheduler</h2>
      <p data-testid="retention-vs-target">
        {allTime.reviews === 0
          ? `No reviews of graduated cards yet; FSRS aims at ${percent(allTime.target)} recall with its default parameters.`
          : `Over all your history you recalled ${percent(allTime.retention)} of ${allTime.reviews} graduated cards against a target of ${percent(allTime.target)}.`}{" "}
        {fit === undefined
          ? "FSRS here uses its default parameters, fitted to many learners' reviews."
          : `FSRS here uses parameters fitted to your own ${fit.reviews} reviews on ${fit.fittedAt.slice(0, 10)}.`}{" "}
        You can also tune the <Link href="/review/settings">desired retention</Link>: if your true retention
        stays well above the target, intervals could be longer; well below, shorter. The calibration section
        below shows how far FSRS&apos;s predictions are from your answers.
      </p>

      <h2>Your FSRS parameters</h2>
      <p>
        The optimiser (the one Anki uses) fits FSRS&apos;s parameters to your own review log, so intervals
        follow how you remember rather than the average learner. Past reviews keep the parameters they were
        scheduled with.
      </p>
      {fit === undefined ? null : <FitTable fit={fit} />}
      <FsrsParametersForm
        reviews={readiness.reviews}
        ready={readiness.ready}
        missing={describeMissingData(readiness)}
        fitted={fit !== undefined}
        unavailable={
          typeof optimiser === "string"
            ? `${optimiser} Your reviews are still scheduled, with ${fit === undefined ? "the default parameters" : `the parameters fitted on ${fit.fittedAt.slice(0, 10)}`}.`
            : null
        }
      />

      <h2>Intervals</h2>
      <p className="review-muted">Reviewed cards by the days FSRS set until their next review.</p>
      <SimpleBarChart
        data={intervals.map((bucket) => ({ label: bucket.label, value: bucket.cards }))}
        label="Reviewed cards by current interval in days"
        name="Cards"
      />
      <table className="review-deck" data-testid="interval-histogram">
        <caption className="sr-only">Cards by interval</caption>
        <thead>
          <tr>
            <th scope="col">Interval</th>
            <th scope="col">Cards</th>
          </tr>
        </thead>
        <tbody>
          {intervals
            .filter((bucket) => bucket.cards > 0)
            .map((bucket) => (
              <tr key={bucket.label}>
                <th scope="row">{bucket.label}</th>
                <td>{bucket.cards}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>Time of day</h2>
      <p className="review-muted">
        Reviews in the last 30 days by hour (UTC
        {settings.dayStartOffsetMinutes === 0 ? "" : `, shifted by your day start`}), with the share you got
        right.
      </p>
      <SimpleBarChart
        data={hourly.map((row) => ({ label: String(row.hour).padStart(2, "0"), value: row.reviews }))}
        label="Reviews by hour of day over the last 30 days"
        name="Reviews"
      />
      <table className="review-deck" data-testid="hourly">
        <caption className="sr-only">Reviews by hour</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Reviews</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {hourly
            .filter((row) => row.reviews > 0)
            .map((row) => (
              <tr key={row.hour} data-hour={row.hour}>
                <th scope="row">{`${String(row.hour).padStart(2, "0")}:00`}</th>
                <td>{row.reviews}</td>
                <td>{percent(row.correct / row.reviews)}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>Due in the next 30 days</h2>
      <ForecastChart data={forecast} />

      <h2>Weakest concepts</h2>
      {weakest.length === 0 ? (
        <p className="review-muted">No reviewed cards yet.</p>
      ) : (
        <ol data-testid="weakest">
          {weakest.map((concept) => (
            <li key={concept.conceptId} data-concept={concept.conceptId}>
              <strong>{concept.conceptId}</strong> — predicted recall {percent(concept.retrievability)},{" "}
              {concept.lapses} lapses
              <span className="review-muted">
                {" "}
                · {findConcept(concept.conceptId)?.text.replaceAll("**", "")}
              </span>
            </li>
          ))}
        </ol>
      )}

      <h2>Calibration</h2>
      <p>
        How well FSRS&apos;s predicted recall matched what you recalled, over {calibration.reviews} reviews
        with a prediction. Brier score{" "}
        {calibration.brierScore === null ? "—" : calibration.brierScore.toFixed(3)}, log loss{" "}
        {calibration.logLoss === null ? "—" : calibration.logLoss.toFixed(3)} (lower is better).
      </p>
      {calibration.reviews > 0 ? (
        <CalibrationChart
          data={calibration.bins.map((bin) => ({
            bin: `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`,
            predicted: bin.meanPredicted,
            observed: bin.observedRecall,
          }))}
        />
      ) : null}
    </>
  );
}
