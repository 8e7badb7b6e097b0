// Public API of the spaced-repetition domain. lib/srs is the only ts-fsrs user; callers pass `now`.
export { measureCalibration, type CalibrationBin, type CalibrationReport } from "./calibration";
export { conceptsToAnkiCsv, conceptPrompt, quoteCsvField } from "./anki-csv";
export {
  CARD_SOURCES,
  CARD_STATES,
  createCard,
  ensureCard,
  isBuriedAt,
  isDueAt,
  isLearningCard,
  isSameSchedule,
  isNewCard,
  scheduleOf,
  setSuspended,
  type CardSchedule,
  type CardSource,
  type CardState,
  type EnsuredCard,
  type NewCardInput,
  type SrsCard,
} from "./card";
export {
  CARD_STATUSES,
  cardStatus,
  countByStatus,
  filterCards,
  type CardFilter,
  type CardStatus,
} from "./browse";
export {
  buryCard,
  CARD_CHANGE_KINDS,
  forgetCard,
  rescheduleCard,
  unburyCard,
  type CardChange,
  type CardChangeKind,
  type ChangedCard,
} from "./card-change";
export { reviewDayKey, reviewDaysBetween, startOfReviewDay } from "./day";
export { exportDeck, importDeck, serializeDeck, type DeckExport } from "./deck-export";
export {
  cardChangeSchema,
  cardScheduleSchema,
  DECK_EXPORT_VERSION,
  deckExportSchema,
  reviewLogEntrySchema,
  srsCardSchema,
} from "./deck-schema";
export { buildQueue, countNewIntroducedToday, type QueueCounts, type ReviewQueue } from "./queue";
export { formatInterval, previewIntervals, type IntervalPreview } from "./interval-preview";
export {
  allowedRatings,
  isPassingRating,
  rateFromAnswer,
  REVIEW_RATINGS,
  type ReviewRating,
  type SelfRating,
} from "./rating";
export { type SrsIssue, type SrsResult } from "./result";
export { isCardConsistentWithLog, replayReviews } from "./replay-reviews";
export {
  assessFittingData,
  describeMissingData,
  fitParameters,
  HELD_OUT_SHARE,
  MIN_FITTING_CARDS,
  MIN_FITTING_REVIEWS,
  splitByTime,
  toCardHistories,
  toDatedItems,
  toOptimiserItems,
  type DatedItem,
  type FitMetrics,
  type FitOutcome,
  type FittingReadiness,
  type FsrsOptimiser,
  type HeldOut,
  type OptimiserItem,
  type OptimiserReview,
} from "./optimise";
export { predictRecall } from "./retrievability";
export { reviewCard, type ReviewOutcome } from "./review-card";
export { findLastReview, type ReviewLogEntry, type ReviewMeta } from "./review-log";
export {
  DEFAULT_SRS_SETTINGS,
  FSRS_PARAMETER_COUNT,
  fsrsParametersSchema,
  type FsrsParameters,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  parseSrsSettings,
  srsSettingsSchema,
  type SrsSettings,
} from "./settings";
export { conceptIdOf, formatSkillId, parseSkillId, toSkillId, type Skill, type SkillId } from "./skill-id";
export {
  countReviewsByHour,
  countReviewsPerDay,
  findWeakestConcepts,
  forecastDue,
  histogramIntervals,
  measureRetention,
  reviewHeatmap,
  type ConceptWeakness,
  type DailyForecast,
  type DailyReviews,
  type HeatmapDay,
  type HourlyReviews,
  type IntervalBucket,
  type RetentionReport,
} from "./stats";
export { undoLastReview, type UndoneReview } from "./undo-review";
