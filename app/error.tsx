"use client";

import Link from "next/link";

/** A page that failed on the server: say so plainly, offer to try again; nothing saved is lost. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status-page" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong on our side</h1>
      <p className="lede">
        This page could not be shown. What you answered before is saved. Try again, or go back to the course
        map.
      </p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/">Course map</Link>
      </p>
    </section>
  );
}
