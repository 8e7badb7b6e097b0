// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordedDuration } from "../quiz/recorded-duration";
import {
  cardScheduleSchema,
  DEFAULT_SRS_SETTINGS,
  buryCard,
  ensureCard,
  findLastReview,
  forgetCard,
  rescheduleCard,
  unburyCard,
  parseSkillId,
  formatSkillId,
  undoLastReview,
  type CardChange,
  type CardChangeKind,
  type CardSchedule,
  type CardSource,
  type DeckExport,
  type ReviewLogEntry,
  type ReviewRating,
  type SkillId,
  type SrsCard,
  type SrsResult,
  type SrsSettings,
  type UndoneReview,
  type FsrsParameters,
  fsrsParametersSchema,
} from "../srs/index";
import type { Db } from "./client";
import type {
  SrsCard as CardRow,
  SrsCardChange as ChangeRow,
  SrsReview as ReviewRow,
} from "./generated/client";
import { conceptsJson, parseConcepts } from "./concepts-json";

// The only persistence of review cards, the review log and review settings. Rows are mapped to lib/srs types
// here; the rest of the app never sees Prisma shapes. The log is append-only: an undo stamps `undoneAt`, and
// every read that feeds the scheduler, the queue, stats or an export leaves undone rows out.

/** A log entry as stored: the domain entry plus the row id and the question shown (its id is also the seed). */
export type StoredReview = ReviewLogEntry & { readonly id: string; readonly questionId: string };

function toCard(row: CardRow): SrsCard {
  return {
    learnerId: row.learnerId,
    skillId: row.skillId as SkillId,
    state: row.state as SrsCard["state"],
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview === null ? null : row.lastReview.toISOString(),
    suspended: row.suspended,
    buriedUntil: row.buriedUntil === null ? null : row.buriedUntil.toISOString(),
    addedAt: row.addedAt.toISOString(),
    source: row.source as CardSource,
  };
}

function cardData(card: SrsCard) {
  return {
    state: card.state,
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview === null ? null : new Date(card.lastReview),
    suspended: card.suspended,
    buriedUntil: card.buriedUntil === null ? null : new Date(card.buriedUntil),
    addedAt: new Date(card.addedAt),
    source: card.source,
  };
}

function parseBefore(text: string): CardSchedule {
  // A malformed row is a bug in this module (only it writes the column), so it throws.
  return cardScheduleSchema.parse(JSON.parse(text));
}

function parseParameters(text: string | null): FsrsParameters | null {
  // Written only by this module from validated arrays, so a malformed value is a bug and throws.
  return text === null ? null : fsrsParametersSchema.parse(JSON.parse(text));
}

function parametersJson(parameters: readonly number[] | null | undefined): string | null {
  return parameters === null || parameters === undefined ? null : JSON.stringify(parameters);
}

function toReview(row: ReviewRow): StoredReview {
  return {
    id: row.id,
    questionId: row.questionId,
    learnerId: row.learnerId,
    skillId: row.skillId as SkillId,
    reviewedAt: row.reviewedAt.toISOString(),
    rating: row.rating as ReviewRating,
    correct: row.correct,
    timeTakenMs: row.timeTakenMs,
    questionSeed: row.questionSeed,
    predictedRecall: row.predictedRecall,
    desiredRetention: row.desiredRetention,
    maximumIntervalDays: row.maximumIntervalDays,
    fsrsParameters: parseParameters(row.fsrsParameters),
    before: parseBefore(row.before),
    nextDue: row.nextDue.toISOString(),
  };
}

function reviewData(entry: ReviewLogEntry, questionId: string, concepts: readonly string[] | undefined) {
  return {
    concepts: conceptsJson(concepts),
    learnerId: entry.learnerId,
    skillId: entry.skillId,
    reviewedAt: new Date(entry.reviewedAt),
    rating: entry.rating,
    correct: entry.correct,
    // Capped where it is measured; again here, so no caller can overflow PostgreSQL's int4 column.
    timeTakenMs: recordedDuration(entry.timeTakenMs),
    questionId,
    questionSeed: entry.questionSeed,
    predictedRecall: entry.predictedRecall,
    desiredRetention: entry.desiredRetention,
    maximumIntervalDays: entry.maximumIntervalDays,
    fsrsParameters: parametersJson(entry.fsrsParameters),
    before: JSON.stringify(entry.before),
    nextDue: new Date(entry.nextDue),
  };
}

export async function listCards(db: Db, learnerId: string): Promise<SrsCard[]> {
  const rows = await db.srsCard.findMany({
    where: { learnerId },
    orderBy: [{ addedAt: "asc" }, { skillId: "asc" }],
  });
  return rows.map(toCard);
}

export async function findCard(db: Db, learnerId: string, skillId: SkillId): Promise<SrsCard | undefined> {
  const row = await db.srsCard.findUnique({ where: { learnerId_skillId: { learnerId, skillId } } });
  return row === null ? undefined : toCard(row);
}

/** The learner's review log without undone rows, oldest first (the order replay needs). */
export async function listReviewLog(db: Db, learnerId: string, skillId?: SkillId): Promise<StoredReview[]> {
  const rows = await db.srsReview.findMany({
    where: { learnerId, undoneAt: null, ...(skillId === undefined ? {} : { skillId }) },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toReview);
}

/** What the progress page reads of a review (as GradedAttempt, plus the card's skill). */
export type GradedReview = {
  readonly skillId: SkillId;
  readonly questionId: string;
  readonly correct: boolean;
  readonly reviewedAt: Date;
  readonly concepts: readonly string[] | null;
};

/** The learner's newest reviews that are not undone, newest first, with only the columns mastery needs. */
export async function listGradedReviews(
  db: Db,
  learnerId: string,
  options: { limit: number },
): Promise<GradedReview[]> {
  const rows = await db.srsReview.findMany({
    where: { learnerId, undoneAt: null },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: { skillId: true, questionId: true, correct: true, reviewedAt: true, concepts: true },
  });
  return rows.map((row) => ({
    ...row,
    skillId: row.skillId as SkillId,
    concepts: parseConcepts(row.concepts),
  }));
}

export async function loadDeck(
  db: Db,
  learnerId: string,
): Promise<{ cards: SrsCard[]; log: StoredReview[] }> {
  const [cards, log] = await Promise.all([listCards(db, learnerId), listReviewLog(db, learnerId)]);
  return { cards, log };
}

/** A review to store: the card after it, its log entry, the question shown and that question's concepts. */
export type ReviewToSave = {
  readonly card: SrsCard;
  readonly entry: ReviewLogEntry;
  readonly questionId: string;
  readonly concepts?: readonly string[] | undefined;
};

/** Writes the reviewed card and its log row in one transaction, so neither exists without the other. */
export async function saveReview(db: Db, review: ReviewToSave): Promise<StoredReview> {
  const id = randomUUID();
  const { card, entry, questionId, concepts } = review;
  await db.$transaction([
    db.srsCard.upsert({
      where: { learnerId_skillId: { learnerId: card.learnerId, skillId: card.skillId } },
      create: { learnerId: card.learnerId, skillId: card.skillId, ...cardData(card) },
      update: cardData(card),
    }),
    db.srsReview.create({ data: { id, ...reviewData(entry, questionId, concepts) } }),
  ]);
  return { ...entry, id, questionId };
}

/** The learner's latest review that is not undone, over all cards (what "undo" takes back). */
export async function findLatestReview(db: Db, learnerId: string): Promise<StoredReview | undefined> {
  const row = await db.srsReview.findFirst({
    where: { learnerId, undoneAt: null },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
  });
  return row === null ? undefined : toReview(row);
}

export type UndoResult = UndoneReview & { readonly id: string };

/**
 * Undoes the learner's latest review: the row is stamped `undoneAt` and the card gets its pre-review
 * schedule back, in one transaction. A second undo takes back the review before it.
 */
export async function undoLatestReview(
  db: Db,
  learnerId: string,
  undoneAt: Date,
): Promise<SrsResult<UndoResult>> {
  const latest = await findLatestReview(db, learnerId);
  if (latest === undefined) {
    return { ok: false, issues: [{ path: ["log"], message: "there is no review to undo" }] };
  }
  const card = await findCard(db, learnerId, latest.skillId);
  if (card === undefined) {
    return { ok: false, issues: [{ path: ["skillId"], message: `no card for ${latest.skillId}` }] };
  }
  const undone = undoLastReview(card, await listReviewLog(db, learnerId, latest.skillId));
  if (!undone.ok) return undone;
  await db.$transaction([
    // The undoneAt: null guard makes a concurrent second undo of the same row a no-op rather than a double restore.
    db.srsReview.update({ where: { id: latest.id, undoneAt: null }, data: { undoneAt } }),
    db.srsCard.update({
      where: { learnerId_skillId: { learnerId, skillId: card.skillId } },
      data: cardData(undone.value.card),
    }),
  ]);
  return { ok: true, value: { ...undone.value, id: latest.id } };
}

/**
 * Replaces the latest review of a card with another rating of the same answer (the learner's optional
 * Hard/Easy after a right answer): the old row is marked undone and the new row and card are written, together.
 */
export async function replaceLatestReview(
  db: Db,
  replaced: { readonly id: string },
  review: ReviewToSave,
  undoneAt: Date,
): Promise<StoredReview> {
  const id = randomUUID();
  const { card, entry, questionId, concepts } = review;
  await db.$transaction([
    db.srsReview.update({ where: { id: replaced.id, undoneAt: null }, data: { undoneAt } }),
    db.srsCard.update({
      where: { learnerId_skillId: { learnerId: card.learnerId, skillId: card.skillId } },
      data: cardData(card),
    }),
    db.srsReview.create({ data: { id, ...reviewData(entry, questionId, concepts) } }),
  ]);
  return { ...entry, id, questionId };
}

/** Ensures one card per skill; existing cards (and where the learner first met the skill) are left alone. */
export async function ensureCards(
  db: Db,
  learnerId: string,
  skillIds: readonly SkillId[],
  source: CardSource,
  now: Date,
): Promise<{ created: SkillId[] }> {
  const existing = await db.srsCard.findMany({ where: { learnerId, skillId: { in: [...skillIds] } } });
  const cards = existing.map(toCard);
  const fresh = [...new Set(skillIds)]
    .map((skillId) => ensureCard(cards, { learnerId, skillId, source }, now))
    .filter((ensured) => ensured.created)
    .map((ensured) => ensured.card);
  // upsert with an empty update: a concurrent request that enrolled the same skill first wins, no error.
  await db.$transaction(
    fresh.map((card) =>
      db.srsCard.upsert({
        where: { learnerId_skillId: { learnerId, skillId: card.skillId } },
        create: { learnerId, skillId: card.skillId, ...cardData(card) },
        update: {},
      }),
    ),
  );
  return { created: fresh.map((card) => card.skillId) };
}

/**
 * Enrols the concepts a graded question assessed (lesson, practice or exam answers). Concept IDs that are not
 * in the concept checklist are skipped rather than failing the answer they came with.
 */
export async function enrolQuestionConcepts(
  db: Db,
  learnerId: string,
  concepts: readonly string[],
  source: CardSource,
  now: Date,
): Promise<{ created: SkillId[] }> {
  const skillIds = concepts.flatMap((conceptId) => {
    const parsed = parseSkillId(conceptId);
    return parsed.ok && parsed.value.family === null ? [formatSkillId(parsed.value)] : [];
  });
  return skillIds.length === 0 ? { created: [] } : ensureCards(db, learnerId, skillIds, source, now);
}

export async function setCardSuspended(
  db: Db,
  learnerId: string,
  skillId: SkillId,
  suspended: boolean,
): Promise<SrsResult<SrsCard>> {
  const card = await findCard(db, learnerId, skillId);
  if (card === undefined) {
    return { ok: false, issues: [{ path: ["skillId"], message: `you have no card for ${skillId}` }] };
  }
  const row = await db.srsCard.update({
    where: { learnerId_skillId: { learnerId, skillId } },
    data: { suspended },
  });
  return { ok: true, value: toCard(row) };
}

/** The learner's settings, defaults when never saved. The day offset is not stored yet and stays at its default. */
export async function loadSrsSettings(db: Db, learnerId: string): Promise<SrsSettings> {
  const row = await db.srsSettings.findUnique({ where: { learnerId } });
  return row === null
    ? DEFAULT_SRS_SETTINGS
    : {
        ...DEFAULT_SRS_SETTINGS,
        desiredRetention: row.desiredRetention,
        newCardsPerDay: row.newCardsPerDay,
        maximumIntervalDays: row.maximumIntervalDays,
        fsrsParameters: parseParameters(row.fsrsParameters),
      };
}

/** Fit figures kept beside the fitted parameters so the stats page can show what fitting changed. */
export type StoredFit = {
  readonly fittedAt: string;
  readonly reviews: number;
  readonly before: { readonly logLoss: number; readonly rmse: number };
  readonly after: { readonly logLoss: number; readonly rmse: number };
  /** Present when before/after were scored on held-out latest reviews; older fits scored in-sample. */
  readonly heldOut?: { readonly trainReviews: number; readonly testReviews: number } | undefined;
};

const fitSchema = z.object({
  reviews: z.number().int().min(0),
  before: z.object({ logLoss: z.number(), rmse: z.number() }),
  after: z.object({ logLoss: z.number(), rmse: z.number() }),
  heldOut: z
    .object({ trainReviews: z.number().int().min(0), testReviews: z.number().int().min(0) })
    .optional(),
});

/** The last fit, or undefined when the learner schedules with the defaults. */
export async function loadFsrsFit(db: Db, learnerId: string): Promise<StoredFit | undefined> {
  const row = await db.srsSettings.findUnique({ where: { learnerId } });
  if (row === null || row.fsrsParameters === null || row.fsrsFit === null || row.fsrsFittedAt === null) {
    return undefined;
  }
  return { fittedAt: row.fsrsFittedAt.toISOString(), ...fitSchema.parse(JSON.parse(row.fsrsFit)) };
}

/**
 * Stores fitted parameters (validated by fsrsParametersSchema) and their fit; from now on the learner's
 * reviews are scheduled with them. The other settings keep their values (defaults when never saved).
 */
export async function saveFsrsParameters(
  db: Db,
  learnerId: string,
  parameters: FsrsParameters,
  fit: StoredFit,
): Promise<void> {
  const checked = fsrsParametersSchema.parse(parameters);
  const data = {
    fsrsParameters: JSON.stringify(checked),
    fsrsFittedAt: new Date(fit.fittedAt),
    fsrsFit: JSON.stringify({
      reviews: fit.reviews,
      before: fit.before,
      after: fit.after,
      ...(fit.heldOut ? { heldOut: fit.heldOut } : {}),
    }),
  };
  const defaults = {
    desiredRetention: DEFAULT_SRS_SETTINGS.desiredRetention,
    newCardsPerDay: DEFAULT_SRS_SETTINGS.newCardsPerDay,
    maximumIntervalDays: DEFAULT_SRS_SETTINGS.maximumIntervalDays,
  };
  await db.srsSettings.upsert({
    where: { learnerId },
    create: { learnerId, ...defaults, ...data },
    update: data,
  });
}

/** Back to the ts-fsrs defaults; past reviews keep the parameters they were scheduled with. */
export async function resetFsrsParameters(db: Db, learnerId: string): Promise<void> {
  await db.srsSettings.updateMany({
    where: { learnerId },
    data: { fsrsParameters: null, fsrsFittedAt: null, fsrsFit: null },
  });
}

/** Saves already validated settings (parse with parseSrsSettings at the edge). */
export async function saveSrsSettings(db: Db, learnerId: string, settings: SrsSettings): Promise<void> {
  const data = {
    desiredRetention: settings.desiredRetention,
    newCardsPerDay: settings.newCardsPerDay,
    maximumIntervalDays: settings.maximumIntervalDays,
  };
  await db.srsSettings.upsert({ where: { learnerId }, create: { learnerId, ...data }, update: data });
}

/**
 * Replaces the learner's cards and review log with an imported deck (validated with importDeck). The deck is
 * re-owned by `learnerId`, since a file exported from another browser carries that browser's learner. All or
 * nothing: one transaction.
 */
export async function replaceDeck(
  db: Db,
  learnerId: string,
  deck: DeckExport,
): Promise<{ cards: number; reviews: number }> {
  await db.$transaction([
    db.srsReview.deleteMany({ where: { learnerId } }),
    db.srsCard.deleteMany({ where: { learnerId } }),
    ...deck.cards.map((card) =>
      db.srsCard.create({ data: { learnerId, skillId: card.skillId, ...cardData(card) } }),
    ),
    db.srsCardChange.deleteMany({ where: { learnerId } }),
    ...deck.log.map((entry) =>
      db.srsReview.create({
        data: { id: randomUUID(), ...reviewData({ ...entry, learnerId }, entry.questionSeed, undefined) },
      }),
    ),
    ...deck.changes.map((change) =>
      db.srsCardChange.create({ data: { id: randomUUID(), ...changeData({ ...change, learnerId }) } }),
    ),
  ]);
  return { cards: deck.cards.length, reviews: deck.log.length };
}

/** For callers holding a log: the latest entry of one skill, with its row id. */
export function findLastStoredReview(
  log: readonly StoredReview[],
  learnerId: string,
  skillId: SkillId,
): StoredReview | undefined {
  const last = findLastReview(log, learnerId, skillId);
  return last === undefined ? undefined : log.find((entry) => entry === last);
}

/** Every question shown in the learner's reviews, undone ones included: the learner has seen them. */
/**
 * The question of the card's latest review when that review was undone (the card is back at the schedule it had
 * when that question was shown), so the review page can show the same variant again; undefined otherwise.
 */
export async function findUndoneQuestionId(
  db: Db,
  learnerId: string,
  skillId: SkillId,
): Promise<string | undefined> {
  const row = await db.srsReview.findFirst({
    where: { learnerId, skillId },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
    select: { questionId: true, undoneAt: true },
  });
  return row?.undoneAt != null ? row.questionId : undefined;
}

export async function listReviewedQuestionIds(
  db: Db,
  learnerId: string,
  skillId: SkillId,
): Promise<string[]> {
  const rows = await db.srsReview.findMany({ where: { learnerId, skillId }, select: { questionId: true } });
  return rows.map((row) => row.questionId);
}

function toChange(row: ChangeRow): CardChange {
  return {
    learnerId: row.learnerId,
    skillId: row.skillId as SkillId,
    changedAt: row.changedAt.toISOString(),
    kind: row.kind as CardChangeKind,
    before: parseBefore(row.before),
    after: parseBefore(row.after),
  };
}

function changeData(change: CardChange) {
  return {
    learnerId: change.learnerId,
    skillId: change.skillId,
    changedAt: new Date(change.changedAt),
    kind: change.kind,
    before: JSON.stringify(change.before),
    after: JSON.stringify(change.after),
  };
}

/** The learner's forget and reschedule changes, oldest first (replay and export need them with the log). */
export async function listCardChanges(db: Db, learnerId: string): Promise<CardChange[]> {
  const rows = await db.srsCardChange.findMany({
    where: { learnerId },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toChange);
}

/** Writes a changed card and the change's log row in one transaction. */
export async function saveCardChange(
  db: Db,
  changed: { readonly card: SrsCard; readonly change: CardChange },
): Promise<SrsCard> {
  const { card, change } = changed;
  const [row] = await db.$transaction([
    db.srsCard.update({
      where: { learnerId_skillId: { learnerId: card.learnerId, skillId: card.skillId } },
      data: cardData(card),
    }),
    db.srsCardChange.create({ data: { id: randomUUID(), ...changeData(change) } }),
  ]);
  return toCard(row);
}

/** Buries (until the given instant) or unburies one of the learner's cards; the schedule is not touched. */
export async function setCardBuried(
  db: Db,
  learnerId: string,
  skillId: SkillId,
  buriedUntil: Date | null,
): Promise<SrsResult<SrsCard>> {
  const card = await findCard(db, learnerId, skillId);
  if (card === undefined) {
    return { ok: false, issues: [{ path: ["skillId"], message: `you have no card for ${skillId}` }] };
  }
  const row = await db.srsCard.update({
    where: { learnerId_skillId: { learnerId, skillId } },
    data: { buriedUntil },
  });
  return { ok: true, value: toCard(row) };
}

export type CardAction =
  | { readonly action: "suspend" | "unsuspend" | "bury" | "unbury" | "forget" }
  | { readonly action: "reschedule"; readonly day: Date };

/**
 * Applies one card-browser action to a card the caller loaded for the current learner. Forget and
 * reschedule are logged as changes; suspend and bury only hide the card and leave its schedule alone.
 */
export async function manageCard(
  db: Db,
  card: SrsCard,
  action: CardAction,
  now: Date,
): Promise<SrsResult<SrsCard>> {
  const where = { learnerId_skillId: { learnerId: card.learnerId, skillId: card.skillId } };
  const update = async (next: SrsCard): Promise<SrsResult<SrsCard>> => ({
    ok: true,
    value: toCard(await db.srsCard.update({ where, data: cardData(next) })),
  });
  switch (action.action) {
    case "suspend":
    case "unsuspend":
      return update({ ...card, suspended: action.action === "suspend" });
    case "bury":
      return update(buryCard(card, now, await loadSrsSettings(db, card.learnerId)));
    case "unbury":
      return update(unburyCard(card));
    case "forget": {
      const forgotten = forgetCard(card, now);
      return forgotten.ok ? { ok: true, value: await saveCardChange(db, forgotten.value) } : forgotten;
    }
    case "reschedule": {
      const moved = rescheduleCard(card, action.day, now, await loadSrsSettings(db, card.learnerId));
      return moved.ok ? { ok: true, value: await saveCardChange(db, moved.value) } : moved;
    }
  }
}
