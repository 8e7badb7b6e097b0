import type { Metadata } from "next";

export const metadata: Metadata = { title: "Spaced review" };

export default function Page() {
  return (
    <>
      <h1>Spaced review</h1>
      <p className="notice">This part of Reachable is being built and is not open yet.</p>
    </>
  );
}
