import type { Metadata } from "next";

export const metadata: Metadata = { title: "Practice" };

export default function Page() {
  return (
    <>
      <h1>Practice</h1>
      <p className="notice">This part of Reachable is being built and is not open yet.</p>
    </>
  );
}
