import type { Metadata } from "next";

export const metadata: Metadata = { title: "Live classroom" };

export default function Page() {
  return (
    <>
      <h1>Live classroom</h1>
      <p className="notice">This part of Reachable is being built and is not open yet.</p>
    </>
  );
}
