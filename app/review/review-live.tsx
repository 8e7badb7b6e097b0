"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { QueueCounts } from "@/lib/srs/index";
import type { DeckRow, ReviewPageUpdate } from "./deck-row";

/** What the review page shows around the card: the queue counters, the deck table and the Undo label. */
export type ReviewLiveState = {
  readonly counts: QueueCounts;
  readonly rows: readonly DeckRow[];
  readonly undoLabel: string | null;
};

type Live = { readonly state: ReviewLiveState; readonly apply: (update: ReviewPageUpdate) => void };

const LiveContext = createContext<Live | null>(null);

/**
 * Holds the counters, deck rows and Undo label so an answer's reply can update them in place (no page refresh,
 * so an answer is one request). A server render (Next card, undo, suspend) brings new `initial` props, and
 * they replace whatever the replies had set: the server stays the source of truth.
 */
export function ReviewLive({ initial, children }: { initial: ReviewLiveState; children: ReactNode }) {
  const [rendered, setRendered] = useState(initial);
  const [state, setState] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setState(initial);
  }
  const apply = useCallback((update: ReviewPageUpdate) => {
    setState((current) => ({
      counts: update.counts,
      undoLabel: update.undoLabel,
      rows: current.rows.map((row) => (row.skillId === update.row.skillId ? update.row : row)),
    }));
  }, []);
  const live = useMemo(() => ({ state, apply }), [state, apply]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** The page's live state; undefined outside ReviewLive. */
export function useReviewLive(): Live | undefined {
  return useContext(LiveContext) ?? undefined;
}

export function QueueCountsView({ newCardsPerDay }: { newCardsPerDay: number }) {
  const counts = useReviewLive()?.state.counts;
  if (counts === undefined) return null;
  return (
    <dl className="review-counts" aria-label="Queue">
      <div data-count="due">
        <dt>Due now</dt>
        <dd>{counts.dueNow}</dd>
      </div>
      <div data-count="learning">
        <dt>Learning</dt>
        <dd>{counts.learning}</dd>
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
