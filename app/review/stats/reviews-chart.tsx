"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = { day: string; correct: number; wrong: number };

export function ReviewsChart({ data }: { data: readonly Row[] }) {
  return (
    <div className="review-chart" role="img" aria-label="Reviews per day, right and wrong answers">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={[...data]}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="correct" name="Right" stackId="reviews" fill="#1d7a46" />
          <Bar dataKey="wrong" name="Wrong" stackId="reviews" fill="#b3261e" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
