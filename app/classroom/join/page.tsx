import type { Metadata } from "next";
import { JoinForm } from "./join-form";
import { RejoinForm } from "./rejoin-form";

export const metadata: Metadata = { title: "Join a live game" };

export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const code = (await searchParams).code;
  const defaultCode = typeof code === "string" ? code.toUpperCase().slice(0, 8) : "";
  return (
    <>
      <h1>Join a live game</h1>
      <p className="lede">
        Type the code on the teacher&apos;s screen and the name the class will see on the leaderboard.
      </p>
      <JoinForm defaultCode={defaultCode} />
      <details className="classroom-rejoin-box">
        <summary>Lost your browser? Rejoin with your rejoin code</summary>
        <RejoinForm defaultCode={defaultCode} />
      </details>
    </>
  );
}
