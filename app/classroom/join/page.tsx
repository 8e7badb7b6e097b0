import type { Metadata } from "next";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Join a live game" };

export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const code = (await searchParams).code;
  return (
    <>
      <h1>Join a live game</h1>
      <p className="lede">
        Type the code on the teacher&apos;s screen and the name the class will see on the leaderboard.
      </p>
      <JoinForm defaultCode={typeof code === "string" ? code.toUpperCase().slice(0, 8) : ""} />
    </>
  );
}
