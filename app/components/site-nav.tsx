"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** The site's sections, in header order. */
export const NAV_LINKS: readonly { readonly href: string; readonly label: string }[] = [
  { href: "/lessons", label: "Lessons" },
  { href: "/practice", label: "Practice" },
  { href: "/exam", label: "Exam" },
  { href: "/review", label: "Review" },
  { href: "/classroom", label: "Classroom" },
  { href: "/progress", label: "Progress" },
  { href: "/bookmarks", label: "Bookmarks" },
  { href: "/lab", label: "Lab" },
  { href: "/rules", label: "Rules" },
  { href: "/account", label: "Account" },
];

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * The main navigation. On a wide screen every link is in the header row. On a phone the header is the brand and a
 * "Menu" button (aria-expanded) that opens all ten links as a two-column list of 44 px targets; the sideways
 * scrolling row it replaces showed three links and hid the other seven. Without JavaScript the phone keeps that
 * scrolling row (the button needs a script). Links are not prefetched: the pages behind them are rendered per
 * learner, so a prefetch fetches little a click could reuse, yet each router refresh re-prefetched all ten.
 */
export function SiteNav() {
  const pathname = usePathname();
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  const [shownPath, setShownPath] = useState(pathname);
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setEnhanced(true), []);
  // A new page closes the menu (the link's click does too; this covers Back and Forward).
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      // The focus was on a link in the menu, or on the button: either way it goes back to the button, not to
      // the page's <body> as the closed menu's links disappear.
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const menuState = enhanced ? (open ? "open" : "closed") : undefined;
  return (
    <nav aria-label="Main" className="site-nav" data-menu={menuState}>
      <Link href="/" className="brand" prefetch={false}>
        Reachable
      </Link>
      <button
        type="button"
        className="menu-button"
        ref={menuButton}
        aria-expanded={open}
        aria-controls="site-nav-links"
        onClick={() => setOpen(!open)}
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <ul id="site-nav-links">
        {NAV_LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              prefetch={false}
              aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
              onClick={() => setOpen(false)}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
