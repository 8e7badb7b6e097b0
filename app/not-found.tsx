import type { Metadata } from "next";
import Link from "next/link";
import { NOT_FOUND_TITLE } from "./not-found-title";

export const metadata: Metadata = { title: NOT_FOUND_TITLE };

/** Any unknown address, and a session or lesson that is not this learner's or does not exist. */
export default function NotFound() {
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p className="lede">
        The address may be mistyped, or it names a practice session, exam or lesson that is not yours or no
        longer exists. Your progress is safe.
      </p>
      <ul className="status-links">
        <li>
          <Link href="/">Course map</Link>
        </li>
        <li>
          <Link href="/practice">Practice</Link>
        </li>
        <li>
          <Link href="/review">Spaced review</Link>
        </li>
        <li>
          <Link href="/progress">Your progress</Link>
        </li>
      </ul>
    </section>
  );
}
