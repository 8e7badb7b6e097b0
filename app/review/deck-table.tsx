import { isDueAt, type SrsCard } from "@/lib/srs/index";
import { SuspendToggle } from "./suspend-toggle";

function describeDue(card: SrsCard, now: Date): string {
  if (card.state === "new") return "new";
  if (isDueAt(card, now)) return "due now";
  return new Date(card.due).toUTCString().replace(" GMT", " UTC");
}

export function DeckTable({ cards, now }: { cards: readonly SrsCard[]; now: Date }) {
  return (
    <table className="review-deck">
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
          <tr key={card.skillId} data-skill-id={card.skillId} className={card.suspended ? "review-suspended" : undefined}>
            <th scope="row">{card.skillId}</th>
            <td>{card.suspended ? "suspended" : card.state}</td>
            <td>{describeDue(card, now)}</td>
            <td>{card.reps}</td>
            <td>{card.lapses}</td>
            <td>{card.source}</td>
            <td>
              <SuspendToggle skillId={card.skillId} suspended={card.suspended} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
