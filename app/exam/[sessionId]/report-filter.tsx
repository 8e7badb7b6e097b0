"use client";

import { useState, type ReactNode } from "react";

export type ItemStatus = "right" | "wrong" | "skipped";
type Filter = "all" | "wrong" | "flagged" | "skipped";

const FILTERS: readonly { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "wrong", label: "Incorrect" },
  { value: "flagged", label: "Flagged" },
  { value: "skipped", label: "Skipped" },
];

/**
 * Filters the report's questions like an exam simulator's review: incorrect, flagged, skipped (a question left
 * unanswered is its own status, not "wrong"). The list is server-rendered; the filter only hides items.
 */
export function ReportFilter({ counts, children }: { counts: Record<Filter, number>; children: ReactNode }) {
  const [filter, setFilter] = useState<Filter>("all");
  return (
    <>
      <fieldset className="report-filter" data-testid="report-filter">
        <legend>Show</legend>
        {FILTERS.map((option) => (
          <label key={option.value} className="check">
            <input
              type="radio"
              name="report-filter"
              value={option.value}
              checked={filter === option.value}
              onChange={() => setFilter(option.value)}
            />{" "}
            {option.label} ({counts[option.value]})
          </label>
        ))}
      </fieldset>
      <ol className="exam-items" data-filter={filter}>
        {children}
      </ol>
    </>
  );
}
