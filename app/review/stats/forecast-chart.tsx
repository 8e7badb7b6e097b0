"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function ForecastChart({ data }: { data: readonly { day: string; due: number }[] }) {
  return (
    <div className="review-chart" role="img" aria-label="Cards falling due on each of the next 30 days">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={[...data]}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="due" name="Due" fill="#0b5cad" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
