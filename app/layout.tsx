import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reachable — AWS VPC networking, question by question", template: "%s · Reachable" },
  description:
    "Exam prep for AWS VPC networking: peering, endpoints, PrivateLink, flow logs, NAT, VPN and transit gateway, with questions computed by a reachability model.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* Nav links are not prefetched: every page behind them is rendered per learner, so a prefetch fetches
            little that a click could reuse, yet each router refresh re-prefetched all ten. */}
        <header className="site-header">
          <nav aria-label="Main" className="site-nav">
            <Link href="/" className="brand" prefetch={false}>
              Reachable
            </Link>
            <ul>
              <li>
                <Link href="/lessons" prefetch={false}>Lessons</Link>
              </li>
              <li>
                <Link href="/practice" prefetch={false}>Practice</Link>
              </li>
              <li>
                <Link href="/exam" prefetch={false}>Exam</Link>
              </li>
              <li>
                <Link href="/review" prefetch={false}>Review</Link>
              </li>
              <li>
                <Link href="/classroom" prefetch={false}>Classroom</Link>
              </li>
              <li>
                <Link href="/progress" prefetch={false}>Progress</Link>
              </li>
              <li>
                <Link href="/bookmarks" prefetch={false}>Bookmarks</Link>
              </li>
              <li>
                <Link href="/lab" prefetch={false}>Lab</Link>
              </li>
              <li>
                <Link href="/rules" prefetch={false}>Rules</Link>
              </li>
              <li>
                <Link href="/account" prefetch={false}>Account</Link>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
