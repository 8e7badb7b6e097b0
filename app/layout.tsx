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

/**
 * A nav link that is not prefetched: the pages behind it are rendered per learner, so a prefetch fetches little
 * a click could reuse, yet each router refresh re-prefetched all ten (requests a practice answer paid for).
 */
function NavLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} prefetch={false}>
      {children}
    </Link>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main" className="site-nav">
            <Link href="/" className="brand" prefetch={false}>
              Reachable
            </Link>
            <ul>
              <li>
                <NavLink href="/lessons">Lessons</NavLink>
              </li>
              <li>
                <NavLink href="/practice">Practice</NavLink>
              </li>
              <li>
                <NavLink href="/exam">Exam</NavLink>
              </li>
              <li>
                <NavLink href="/review">Review</NavLink>
              </li>
              <li>
                <NavLink href="/classroom">Classroom</NavLink>
              </li>
              <li>
                <NavLink href="/progress">Progress</NavLink>
              </li>
              <li>
                <NavLink href="/bookmarks">Bookmarks</NavLink>
              </li>
              <li>
                <NavLink href="/lab">Lab</NavLink>
              </li>
              <li>
                <NavLink href="/rules">Rules</NavLink>
              </li>
              <li>
                <NavLink href="/account">Account</NavLink>
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
