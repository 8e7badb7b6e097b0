import type { HeatmapDay } from "@/lib/srs/index";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * The review calendar as a grid of weeks (columns) by weekdays (rows), darker for busier days, like Anki's
 * and GitHub's. Each cell carries its day and count as its accessible name and tooltip.
 */
export function ReviewHeatmap({ days }: { days: readonly HeatmapDay[] }) {
  const firstWeekday = days[0] === undefined ? 0 : new Date(`${days[0].day}T12:00:00Z`).getUTCDay();
  const total = days.reduce((sum, day) => sum + day.reviews, 0);
  const active = days.filter((day) => day.reviews > 0).length;
  return (
    <figure className="heatmap-figure">
      <div
        className="heatmap"
        role="img"
        aria-label={`Reviews per day over the last ${days.length} days: ${total} on ${active} days`}
        data-testid="heatmap"
      >
        {Array.from({ length: firstWeekday }, (_, index) => (
          <span key={`pad-${index}`} className="heatmap-cell heatmap-pad" />
        ))}
        {days.map((day) => (
          <span
            key={day.day}
            className={`heatmap-cell heatmap-level-${day.level}`}
            title={`${day.day} (${WEEKDAYS[new Date(`${day.day}T12:00:00Z`).getUTCDay()]}): ${day.reviews} reviews`}
            data-day={day.day}
            data-reviews={day.reviews}
          />
        ))}
      </div>
      <figcaption className="review-muted">
        {total} {total === 1 ? "review" : "reviews"} on {active} of the last {days.length} days. Darker means
        more reviews that day.
      </figcaption>
    </figure>
  );
}
