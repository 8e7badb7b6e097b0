"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ScorePoint = { readonly attempt: number; readonly percent: number };

/**
 * The score of each mock exam with the pass mark as a line. Hidden from assistive technology: the table next to
 * it carries the same numbers.
 */
export function ScoreHistoryChart({
  points,
  passPercent,
}: {
  points: readonly ScorePoint[];
  passPercent: number;
}) {
  return (
    <div className="score-chart" aria-hidden="true" data-testid="score-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          accessibilityLayer={false}
          data={[...points]}
          margin={{ top: 12, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="attempt" allowDecimals={false} tickFormatter={(value: number) => `#${value}`} />
          <YAxis domain={[0, 100]} unit="%" width={48} />
          <Tooltip
            formatter={(value) => [`${String(value)}%`, "Score"]}
            labelFormatter={(label) =>
              typeof label === "number" || typeof label === "string" ? `Exam #${label}` : label
            }
          />
          <ReferenceLine
            y={passPercent}
            stroke="#b45309"
            strokeDasharray="6 3"
            label={`Pass ${passPercent}%`}
          />
          <Line
            type="monotone"
            dataKey="percent"
            stroke="#1d4ed8"
            strokeWidth={2}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
