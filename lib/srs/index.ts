// Public API of the spaced-repetition domain. lib/srs is the only ts-fsrs user; callers pass `now`.
export { measureCalibration, type CalibrationBin, type CalibrationReport } from "./calibration";
export { conceptsToAnkiCsv, conceptPrompt, quoteCsvField } from "./anki-csv";
export {
  CARD_SOURCES,
  CARD_STATES,
  createCard,
  ensureCard,
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
export { reviewDayKey, reviewDaysBetween, startOfReviewDay } from "./day";
export { exportDeck, importDeck, serializeDeck, type DeckExport } from "./deck-export";
export { cardScheduleSchema, DECK_EXPORT_VERSION, deckExportSchema, reviewLogEntrySchema, srsCardSchema } from "./deck-schema";
export { buildQueue, countNewIntroducedToday, type QueueCounts, type ReviewQueue } from "./queue";
export { isPassingRating, rateFromAnswer, REVIEW_RATINGS, type ReviewRating, type SelfRating } from "./rating";
export { type SrsIssue, type SrsResult } from "./result";
export { isCardConsistentWithLog, replayReviews } from "./replay-reviews";
export { predictRecall } from "./retrievability";
export { reviewCard, type ReviewOutcome } from "./review-card";
export { findLastReview, type ReviewLogEntry, type ReviewMeta } from "./review-log";
export {
  DEFAULT_SRS_SETTINGS,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  parseSrsSettings,
  srsSettingsSchema,
  type SrsSettings,
} from "./settings";
export { conceptIdOf, formatSkillId, parseSkillId, toSkillId, type Skill, type SkillId } from "./skill-id";
export {
  countReviewsPerDay,
  findWeakestConcepts,
  forecastDue,
  measureRetention,
  type ConceptWeakness,
  type DailyForecast,
  type DailyReviews,
  type RetentionReport,
} from "./stats";
export { undoLastReview, type UndoneReview } from "./undo-review";
