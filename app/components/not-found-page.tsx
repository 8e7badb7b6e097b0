import Link from "next/link";

type Props = {
  /** What is missing and why, in the section's words. */
  text: string;
  links: readonly { readonly href: string; readonly label: string }[];
};

/**
 * "This page does not exist", said for the kind of page asked for (uxr5 finding 13: a missing rule or homework
 * got the practice-and-exam sentence and no link back to its own list).
 */
export function NotFoundPage({ text, links }: Props) {
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p className="lede">{text}</p>
      <ul className="status-links">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
