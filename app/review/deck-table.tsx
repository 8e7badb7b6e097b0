"use client";

import { useReviewLive } from "./review-live";
import { SuspendToggle } from "./suspend-toggle";

/** The learner's cards, one row each; a review answered on this page updates its row in place. */
export function DeckTable() {
  const rows = useReviewLive()?.state.rows ?? [];
  if (rows.length === 0) return <p className="review-muted">No cards yet.</p>;
  return (
    <table className="review-deck stacked-table">
      <thead>
        <tr>
          <th scope="col">Skill</th>
          <th scope="col">State</th>
          <th scope="col">Due</th>
          <th scope="col">Reviews</th>
          <th scope="col">Lapses</th>
          <th scope="col">From</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.skillId}
            data-skill-id={row.skillId}
            className={row.suspended ? "review-suspended" : undefined}
          >
            <th scope="row">{row.skillId}</th>
            <td data-label="State">{row.state}</td>
            <td data-label="Due">{row.due}</td>
            <td data-label="Reviews">{row.reps}</td>
            <td data-label="Lapses">{row.lapses}</td>
            <td data-label="From">{row.source}</td>
            <td>
              <SuspendToggle skillId={row.skillId} suspended={row.suspended} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
