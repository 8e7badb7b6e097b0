"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = { label: string; value: number };

/** A single-series bar chart; the page gives the same figures as a table for screen readers. */
export function SimpleBarChart({ data, label, name }: { data: readonly Row[]; label: string; name: string }) {
  return (
    <div className="review-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={[...data]}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval="preserveStartEnd" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="value" name={name} fill="#0b5cad" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
