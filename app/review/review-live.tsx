"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { countLearning } from "@/lib/review/index";
import type { QueueCounts } from "@/lib/srs/index";
import { renderMemory } from "@/app/practice/render-memory";
import type { DeckRow, ReviewPageUpdate } from "./deck-row";

/** What the review page shows around the card: the queue counters, the deck table and the Undo label. */
export type ReviewLiveState = {
  readonly counts: QueueCounts;
  readonly rows: readonly DeckRow[];
  readonly undoLabel: string | null;
  /** The card answered on this render (its header then says so, with the state the answer left it in). */
  readonly justReviewed?: string | undefined;
};

type Live = {
  readonly state: ReviewLiveState;
  readonly apply: (update: ReviewPageUpdate) => void;
  /** This server render's id: what the page shows after an answer is noted under it (render-memory.ts). */
  readonly renderId: string;
};

const LiveContext = createContext<Live | null>(null);

/** The counters, rows and Undo label after the replies, per server render: Back to that render shows them. */
const liveMemory = renderMemory<ReviewLiveState>("review-live");

/**
 * Holds the counters, deck rows and Undo label so an answer's reply can update them in place (no page refresh,
 * so an answer is one request). A server render (Next card, undo, suspend) brings new `initial` props, and
 * they replace whatever the replies had set: the server stays the source of truth. Back to this render (from a
 * rule link in the feedback) replays it from the client router's cache: it shows what the replies had set then.
 */
export function ReviewLive({
  initial,
  renderId,
  children,
}: {
  initial: ReviewLiveState;
  renderId: string;
  children: ReactNode;
}) {
  const [rendered, setRendered] = useState(renderId);
  const [state, setState] = useState(() => liveMemory.recall(renderId) ?? initial);
  if (rendered !== renderId) {
    setRendered(renderId);
    setState(initial);
  }
  const apply = useCallback(
    (update: ReviewPageUpdate) => {
      setState((current) => {
        const next = {
          counts: update.counts,
          undoLabel: update.undoLabel,
          justReviewed: update.row.skillId,
          rows: current.rows.map((row) => (row.skillId === update.row.skillId ? update.row : row)),
        };
        liveMemory.remember(renderId, next);
        return next;
      });
    },
    [renderId],
  );
  const live = useMemo(() => ({ state, apply, renderId }), [state, apply, renderId]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** The page's live state; undefined outside ReviewLive. */
export function useReviewLive(): Live | undefined {
  return useContext(LiveContext) ?? undefined;
}

export function QueueCountsView({ newCardsPerDay }: { newCardsPerDay: number }) {
  const state = useReviewLive()?.state;
  if (state === undefined) return null;
  const { counts } = state;
  return (
    <dl className="review-counts" aria-label="Queue">
      {/* Due now counts every card the queue offers now; Learning every card the deck lists as learning. */}
      <div data-count="due">
        <dt>Due now</dt>
        <dd>{counts.dueNow + counts.learning}</dd>
      </div>
      <div data-count="learning">
        <dt>Learning</dt>
        <dd>
          {countLearning(state.rows)} <span className="review-muted">({counts.learning} due now)</span>
        </dd>
      </div>
      <div data-count="new">
        <dt>New today</dt>
        <dd>
          {counts.newToday} of {newCardsPerDay}{" "}
          <span className="review-muted">({counts.newRemaining} waiting)</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The card header's state: "new", "learning"… before the answer, and "reviewed · now learning" once it is
 * answered (and so rated), on the page or in a render that keeps the answered card on screen.
 */
export function CardStateLabel({ skillId, initial }: { skillId: string; initial: string }) {
  const state = useReviewLive()?.state;
  const row =
    state?.justReviewed === skillId ? state.rows.find((entry) => entry.skillId === skillId) : undefined;
  return <span data-testid="card-state">{row ? `reviewed · now ${row.state}` : initial}</span>;
}
