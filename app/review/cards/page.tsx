import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { serverNow } from "@/app/clock";
import { viewingLearner } from "@/app/current-learner";
import { CONCEPTS, findConcept } from "@/lib/content/concepts";
import { db } from "@/lib/db/client";
import { listCards, loadSrsSettings } from "@/lib/db/srs";
import {
  CARD_STATUSES,
  cardStatus,
  conceptIdOf,
  countByStatus,
  filterCards,
  isNewCard,
  reviewDayKey,
  type SrsCard,
} from "@/lib/srs/index";
import { CardActions } from "./card-actions";
import { formatTime } from "@/app/format-date";

export const metadata: Metadata = { title: "Browse review cards" };
export const dynamic = "force-dynamic";

// The query string is untrusted: unknown values are ignored rather than failing the page.
const FilterSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  concept: z.string().max(40).optional().catch(undefined),
  status: z.enum(CARD_STATUSES).optional().catch(undefined),
});

const plain = (text: string): string => text.replaceAll("**", "");

/** A learning step falls due within the day, so today's cards show the time (UTC) and later ones the day. */
function describeDue(card: SrsCard, now: Date, offset: number): string {
  if (isNewCard(card)) return "new";
  const due = new Date(card.due);
  if (due.getTime() <= now.getTime()) return "due now";
  const day = reviewDayKey(due, offset);
  return day === reviewDayKey(now, offset) ? `today ${formatTime(due)}` : day;
}

export default async function CardBrowserPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined): string | undefined =>
    Array.isArray(value) ? value[0] : value === "" ? undefined : value;
  const filter = FilterSchema.parse({
    q: first(params.q),
    concept: first(params.concept),
    status: first(params.status),
  });
  const now = serverNow();
  const learner = await viewingLearner(now);
  const database = db();
  const [cards, settings] = await Promise.all([
    listCards(database, learner.id),
    loadSrsSettings(database, learner.id),
  ]);
  const shown = filterCards(
    cards,
    { query: filter.q, conceptId: filter.concept, status: filter.status },
    now,
    (card) => plain(findConcept(conceptIdOf(card.skillId))?.text ?? ""),
  );
  const counts = countByStatus(cards, now);
  const conceptsInDeck = [...new Set(cards.map((card) => conceptIdOf(card.skillId)))].sort();
  const today = reviewDayKey(now, settings.dayStartOffsetMinutes);

  return (
    <>
      <p className="lesson-meta">
        <Link href="/review">Review</Link> · Browse cards
      </p>
      <h1>Browse cards</h1>
      <p className="lede">
        Every card in your deck. Suspend a card to take it out of review until you bring it back, bury it to
        skip it until tomorrow, forget it to start it over as new, or choose the day it is next due.
      </p>
      <form className="review-inline-form card-filter" method="get" action="/review/cards" role="search">
        {/* Each label in one box with its field, so a phone wraps the pair, not a label away from its field. */}
        <span className="filter-pair">
          <label htmlFor="card-search">Search</label>
          <input
            id="card-search"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder="P3, peering…"
          />
        </span>
        <span className="filter-pair">
          <label htmlFor="card-concept">Concept</label>
          <select id="card-concept" name="concept" defaultValue={filter.concept ?? ""}>
            <option value="">All concepts</option>
            {CONCEPTS.filter((concept) => conceptsInDeck.includes(concept.id)).map((concept) => (
              <option key={concept.id} value={concept.id}>
                {concept.id}
              </option>
            ))}
          </select>
        </span>
        <span className="filter-pair">
          <label htmlFor="card-status">State</label>
          <select id="card-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">All states</option>
            {CARD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status} ({counts[status]})
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p role="status" data-testid="card-count">
        {shown.length} of {cards.length} cards
      </p>
      {shown.length === 0 ? (
        <p className="review-muted">
          {cards.length === 0
            ? "No cards yet: answer lesson, practice or exam questions to start your deck."
            : "No card matches."}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="review-deck stacked-table">
            <caption className="sr-only">Cards matching the filter</caption>
            <thead>
              <tr>
                <th scope="col">Card</th>
                <th scope="col">State</th>
                <th scope="col">Due</th>
                <th scope="col">Reviews</th>
                <th scope="col">Lapses</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((card) => {
                const status = cardStatus(card, now);
                const concept = findConcept(conceptIdOf(card.skillId));
                return (
                  <tr key={card.skillId} data-skill-id={card.skillId} data-status={status}>
                    <th scope="row">
                      {card.skillId}
                      {concept ? (
                        <span className="review-muted card-rule"> {plain(concept.text).slice(0, 90)}</span>
                      ) : null}
                    </th>
                    <td data-label="State">{status}</td>
                    <td data-label="Due">{describeDue(card, now, settings.dayStartOffsetMinutes)}</td>
                    <td data-label="Reviews">{card.reps}</td>
                    <td data-label="Lapses">{card.lapses}</td>
                    <td>
                      <CardActions
                        skillId={card.skillId}
                        suspended={card.suspended}
                        buried={status === "buried"}
                        isNew={isNewCard(card)}
                        today={today}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
