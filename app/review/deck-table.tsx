import { isDueAt, type SrsCard } from "@/lib/srs/index";
import { SuspendToggle } from "./suspend-toggle";
import { formatDateTime } from "@/app/format-date";

function describeDue(card: SrsCard, now: Date): string {
  if (card.state === "new") return "new";
  if (isDueAt(card, now)) return "due now";
  return formatDateTime(card.due);
}

export function DeckTable({ cards, now }: { cards: readonly SrsCard[]; now: Date }) {
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
        {cards.map((card) => (
          <tr
            key={card.skillId}
            data-skill-id={card.skillId}
            className={card.suspended ? "review-suspended" : undefined}
          >
            <th scope="row">{card.skillId}</th>
            <td data-label="State">{card.suspended ? "suspended" : card.state}</td>
            <td data-label="Due">{describeDue(card, now)}</td>
            <td data-label="Reviews">{card.reps}</td>
            <td data-label="Lapses">{card.lapses}</td>
            <td data-label="From">{card.source}</td>
            <td>
              <SuspendToggle skillId={card.skillId} suspended={card.suspended} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
