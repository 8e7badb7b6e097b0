"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { bin: string; predicted: number | null; observed: number | null };

/** Predicted recall against observed recall per bin; a calibrated scheduler keeps the two lines together. */
export function CalibrationChart({ data }: { data: readonly Point[] }) {
  return (
    <div className="review-chart" role="img" aria-label="Predicted recall against observed recall">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={[...data]}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bin" />
          <YAxis domain={[0, 1]} />
          <Tooltip />
          <Legend />
          <Line dataKey="predicted" name="Predicted" stroke="#0b5cad" connectNulls />
          <Line dataKey="observed" name="Observed" stroke="#1d7a46" connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
