import type { Metadata } from "next";

export const metadata: Metadata = { title: "Lessons" };

export default function Page() {
  return (
    <>
      <h1>Lessons</h1>
      <p className="notice">This part of Reachable is being built and is not open yet.</p>
    </>
  );
}
