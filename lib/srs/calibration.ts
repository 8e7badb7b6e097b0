import { type ReviewLogEntry } from "./review-log";

export type CalibrationBin = {
  /** Predicted recall range [from, to). The last bin includes 1. */
  readonly from: number;
  readonly to: number;
  readonly reviews: number;
  readonly meanPredicted: number | null;
  readonly observedRecall: number | null;
};

export type CalibrationReport = {
  readonly reviews: number;
  readonly bins: readonly CalibrationBin[];
  /** Mean squared error of prediction against outcome (0 is perfect), null without reviews. */
  readonly brierScore: number | null;
  /** Mean negative log-likelihood, the metric of the srs-benchmark, null without reviews. */
  readonly logLoss: number | null;
};

/**
 * How well FSRS's logged predictions match what learners actually recalled: the reason the log keeps
 * predictedRecall. Reviews of new cards carry no prediction and are skipped.
 */
export function measureCalibration(log: readonly ReviewLogEntry[], binCount = 10): CalibrationReport {
  const sums = Array.from({ length: binCount }, () => ({ reviews: 0, predicted: 0, recalled: 0 }));
  let reviews = 0;
  let squared = 0;
  let logLikelihood = 0;
  for (const entry of log) {
    const p = entry.predictedRecall;
    if (p === null) {
      continue;
    }
    const outcome = entry.correct ? 1 : 0;
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))];
    if (bin !== undefined) {
      bin.reviews += 1;
      bin.predicted += p;
      bin.recalled += outcome;
    }
    reviews += 1;
    squared += (p - outcome) ** 2;
    // Clamped so a confident miss costs a large but finite amount.
    const clamped = Math.min(1 - 1e-6, Math.max(1e-6, p));
    logLikelihood += outcome === 1 ? Math.log(clamped) : Math.log(1 - clamped);
  }
  return {
    reviews,
    bins: sums.map((sum, index) => ({
      from: index / binCount,
      to: (index + 1) / binCount,
      reviews: sum.reviews,
      meanPredicted: sum.reviews === 0 ? null : sum.predicted / sum.reviews,
      observedRecall: sum.reviews === 0 ? null : sum.recalled / sum.reviews,
    })),
    brierScore: reviews === 0 ? null : squared / reviews,
    logLoss: reviews === 0 ? null : -logLikelihood / reviews,
  };
}
