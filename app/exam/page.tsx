import type { Metadata } from "next";

export const metadata: Metadata = { title: "Mock exam" };

export default function Page() {
  return (
    <>
      <h1>Mock exam</h1>
      <p className="notice">This part of Reachable is being built and is not open yet.</p>
    </>
  );
}
