import Link from "next/link";
import { forPerson } from "@/app/practice/for-person";

/**
 * A classroom page the server refused (not the teacher, no such player): a heading, what happened in words
 * (no "code:" field prefix), and where to go instead. uxr5 finding 6: a bare red line was the whole page.
 */
export function RefusedPage({
  title,
  error,
  links,
}: {
  title: string;
  /** The service's field-named message ("code: only the teacher who set …"). */
  error: string;
  links: readonly { readonly href: string; readonly label: string }[];
}) {
  return (
    <>
      <h1>{title}</h1>
      <p className="error" role="alert" data-testid="classroom-refused">
        {forPerson(error)}
      </p>
      <ul data-testid="classroom-refused-links">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
