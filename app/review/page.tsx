import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { CONCEPT_GROUPS, CONCEPTS } from "@/lib/content/concepts";
import { shortenAtWord } from "@/lib/content/concept-label";
import { listAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import {
  findLatestReview,
  findUndoneQuestionId,
  listReviewedQuestionIds,
  loadDeck,
  loadSrsSettings,
} from "@/lib/db/srs";
import { familiesForSkill, nextCard, seenExceptRestored } from "@/lib/review/index";
import { questionFromId } from "@/lib/scenario/generate";
import { FAMILIES } from "@/lib/scenario/registry";
import { buildQueue, parseSkillId } from "@/lib/srs/index";
import { AddSkillForm } from "./add-skill-form";
import { DeckTable } from "./deck-table";
import { deckRow, undoLabel, whenDue } from "./deck-row";
import { QueueCountsView, ReviewLive, type ReviewLiveState } from "./review-live";
import { ImportForm } from "./import-form";
import { ON_SCREEN_COOKIE, answeredOnScreen, decodeOnScreen } from "./on-screen";
import { openQuestionId } from "@/app/security/question-token";
import { ReviewQuestion } from "./review-question";
import { UndoButton } from "./undo-button";

export const metadata: Metadata = { title: "Spaced review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const now = serverNow();
  const learner = await viewingLearner(now);
  const database = db();
  const [{ cards, log }, settings, latest] = await Promise.all([
    loadDeck(database, learner.id),
    loadSrsSettings(database, learner.id),
    findLatestReview(database, learner.id),
  ]);
  const queue = buildQueue(cards, log, now, settings);
  // A card just answered stays on screen (with its feedback) until "Next card".
  // The browser only knows the sealed id it was shown; open it for this card and learner before comparing.
  const onScreenSealed = decodeOnScreen((await cookies()).get(ON_SCREEN_COOKIE)?.value);
  const opened = onScreenSealed
    ? openQuestionId(onScreenSealed.questionId, {
        kind: "review",
        skillId: onScreenSealed.skillId,
        learnerId: learner.id,
      })
    : undefined;
  const onScreen =
    onScreenSealed && opened?.ok ? { ...onScreenSealed, questionId: opened.questionId } : undefined;
  const answeredReview = answeredOnScreen(onScreen, log);
  const answeredQuestion = answeredReview ? questionFromId(answeredReview.questionId) : undefined;
  const answeredCard = answeredReview
    ? cards.find((deckCard) => deckCard.skillId === answeredReview.skillId)
    : undefined;
  const answered =
    answeredReview && answeredCard && answeredQuestion?.ok && onScreen
      ? {
          card: answeredCard,
          question: answeredQuestion.question,
          review: answeredReview,
          response: onScreen.response,
        }
      : undefined;
  const card = answered?.card ?? nextCard(queue);
  // A card whose latest review was undone comes back with the variant it was answered with (undo-restore.ts).
  const restoredId =
    card && !answered ? await findUndoneQuestionId(database, learner.id, card.skillId) : undefined;
  const restored = restoredId === undefined ? undefined : questionFromId(restoredId);
  const seenQuestionIds =
    card && !answered
      ? seenExceptRestored(
          [
            ...(await listReviewedQuestionIds(database, learner.id, card.skillId)),
            ...(await listAttempts(database, learner.id, { limit: 1000 })).map(
              (attempt) => attempt.questionId,
            ),
          ],
          restoredId,
        )
      : [];
  const reviewable = CONCEPTS.filter((concept) => {
    const skill = parseSkillId(concept.id);
    return skill.ok && familiesForSkill(skill.value, FAMILIES).length > 0;
  });
  const inDeck = new Set(cards.map((deckCard) => deckCard.skillId as string));
  const { counts } = queue;

  // Counters, deck rows and the Undo label live on the client too, so an answer's reply updates them in place.
  const live: ReviewLiveState = {
    counts,
    rows: cards.map((deckCard) => deckRow(deckCard, now)),
    undoLabel: latest ? undoLabel(latest) : null,
  };

  return (
    // New at every server render; Back replays it, and the page shows what it showed then (render-memory.ts).
    <ReviewLive initial={live} renderId={crypto.randomUUID()}>
      <h1>Spaced review</h1>
      <p className="lede">
        Each card is a skill; every review draws a new scenario for it, so you recall the rule, not an answer.
        Scheduling is FSRS, aiming at {Math.round(settings.desiredRetention * 100)}% recall.
      </p>
      {/* Not prefetched: these pages are per learner, and "Next card" (a refresh) re-prefetched all three. */}
      <nav className="review-nav" aria-label="Review">
        <Link href="/review/cards" prefetch={false}>
          Browse cards
        </Link>{" "}
        ·{" "}
        <Link href="/review/stats" prefetch={false}>
          Stats
        </Link>{" "}
        ·{" "}
        <Link href="/review/settings" prefetch={false}>
          Settings
        </Link>
      </nav>
      <QueueCountsView newCardsPerDay={settings.newCardsPerDay} />
      {card ? (
        <ReviewQuestion
          card={card}
          seenQuestionIds={seenQuestionIds}
          restored={restored?.ok === true ? restored.question : undefined}
          answered={
            answered
              ? { question: answered.question, review: answered.review, response: answered.response }
              : undefined
          }
        />
      ) : (
        <p className="notice" data-testid="queue-empty">
          Nothing to review now.
          {queue.nextDueAt
            ? ` The next card is due ${whenDue(queue.nextDueAt, now)}.`
            : " Answer lesson questions or add a skill below to start your deck."}
        </p>
      )}
      <UndoButton />

      <h2>Your deck</h2>
      <DeckTable />
      <h3>Add a skill</h3>
      {/* Grouped by topic as /progress is; whole words with "…", the whole sentence in the option's title. */}
      <AddSkillForm
        groups={CONCEPT_GROUPS.map((group) => ({
          title: group.title,
          options: reviewable
            .filter((concept) => concept.group === group.id)
            .map((concept) => ({
              id: concept.id,
              label: `${concept.id}${inDeck.has(concept.id) ? " (in deck)" : ""} — ${shortenAtWord(concept.text, 70)}`,
              title: concept.text.replaceAll("**", ""),
            })),
        })).filter((group) => group.options.length > 0)}
      />

      <h2>Export and import</h2>
      <p>
        <a className="button secondary" href="/api/review/export" download>
          Download deck (JSON)
        </a>{" "}
        <a className="button secondary" href="/api/review/anki" download>
          Concept cards for Anki (CSV)
        </a>
      </p>
      <ImportForm />
    </ReviewLive>
  );
}
