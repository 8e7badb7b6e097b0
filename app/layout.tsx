import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "./components/site-nav";
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
          <SiteNav />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
