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
        <header className="site-header">
          <nav aria-label="Main" className="site-nav">
            <Link href="/" className="brand">
              Reachable
            </Link>
            <ul>
              <li>
                <Link href="/lessons">Lessons</Link>
              </li>
              <li>
                <Link href="/practice">Practice</Link>
              </li>
              <li>
                <Link href="/exam">Exam</Link>
              </li>
              <li>
                <Link href="/review">Review</Link>
              </li>
              <li>
                <Link href="/classroom">Classroom</Link>
              </li>
              <li>
                <Link href="/progress">Progress</Link>
              </li>
              <li>
                <Link href="/bookmarks">Bookmarks</Link>
              </li>
              <li>
                <Link href="/lab">Lab</Link>
              </li>
              <li>
                <Link href="/rules">Rules</Link>
              </li>
              <li>
                <Link href="/account">Account</Link>
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
