import Link from "next/link";
import { ruleHref, splitAtRuleIds } from "@/lib/content/rule-id";

// The one place that turns rule IDs into links to their pages on /rules. No hooks and no catalogue import, so
// server pages and client islands can both use it without shipping the catalogue to the browser.
//
// Not prefetched: an explanation cites up to a dozen rules, and prefetching each page as the feedback scrolls
// into view turned one answer into seven or more requests. A rule page is opened on click like any other page.

/** A text whose rule IDs (PCX-02, SG-01, …) link to their rule pages. */
export function RuleText({ text }: { text: string }) {
  return (
    <>
      {splitAtRuleIds(text).map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <Link key={index} href={ruleHref(part.id)} className="rule-link" prefetch={false}>
            {part.id}
          </Link>
        ),
      )}
    </>
  );
}

/** A comma-separated list of rule IDs, each a link. */
export function RuleList({ ids }: { ids: readonly string[] }) {
  return <RuleText text={ids.join(", ")} />;
}
