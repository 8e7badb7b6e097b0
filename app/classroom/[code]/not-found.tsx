import type { Metadata } from "next";
import Link from "next/link";
import { NOT_FOUND_TITLE } from "@/app/not-found-title";

export const metadata: Metadata = { title: NOT_FOUND_TITLE };

/**
 * A game address that names no game (a mistyped code, most often): said in the join form's words, with the way to
 * the join form, rather than the site's generic "This page does not exist" (uxr4 N8).
 */
export default function GameNotFound() {
  return (
    <section className="status-page" aria-labelledby="not-found-title" data-testid="game-not-found">
      <h1 id="not-found-title">No game has this code</h1>
      <p className="lede">
        Check the code on the teacher&apos;s screen: six letters and digits. A game that has been removed is
        gone too.
      </p>
      <ul className="status-links">
        <li>
          <Link href="/classroom/join">Join a game with its code</Link>
        </li>
        <li>
          <Link href="/classroom">Classroom</Link>
        </li>
        <li>
          <Link href="/">Course map</Link>
        </li>
      </ul>
    </section>
  );
}
