import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { findRule, RULE_TOPICS, RULES, sourceLink } from "@/lib/content/rules-catalogue";
import { NOT_FOUND_TITLE } from "@/app/not-found-title";
import { ruleUse } from "../rule-use";

// Every catalogue ID is built ahead; any other ID is looked up when asked, so that /rules/pcx-03 (typed, or cited in
// lower case) redirects to /rules/PCX-03 instead of a 404. Unknown IDs still 404.
export const dynamicParams = true;

export function generateStaticParams(): { id: string }[] {
  return RULES.map((rule) => ({ id: rule.id }));
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const rule = findRule((await params).id);
  return rule ? { title: `${rule.id}: ${rule.title}`, description: rule.text } : { title: NOT_FOUND_TITLE };
}

/** One rule: its text, AWS sources, status, drift note, the lessons that teach it and the families that ask it. */
export default async function RulePage({ params }: Props) {
  const { id } = await params;
  const rule = findRule(id);
  if (!rule) notFound();
  if (id !== rule.id) permanentRedirect(`/rules/${rule.id}`);
  const use = ruleUse(rule.id);
  const topic = RULE_TOPICS.find((entry) => entry.id === rule.topic);
  return (
    <article className="rule-page" data-rule={rule.id}>
      <p className="lesson-meta">
        <Link href="/rules">AWS rules</Link> · {topic?.title}
      </p>
      <h1>
        <span className="rule-id">{rule.id}</span> {rule.title}
      </h1>
      <p className="lede">{rule.text}</p>
      {rule.drift ? (
        <div className="callout callout-drift" role="note" aria-label="AWS changed this">
          <p>
            <strong>AWS changed this.</strong> {rule.drift}
          </p>
        </div>
      ) : null}
      <section aria-labelledby="rule-sources">
        <h2 id="rule-sources">AWS sources</h2>
        <ul>
          {rule.sources.map((source) => {
            const link = sourceLink(source);
            return (
              <li key={`${source.guide}:${source.page}`} data-source-link={link?.to ?? "none"}>
                {link?.to === "guide" ? (
                  <a href={link.href} rel="external noopener">
                    {source.guide}
                  </a>
                ) : (
                  source.guide
                )}
                :{" "}
                {link?.to === "page" ? (
                  <a href={link.href} rel="external noopener">
                    <cite>{source.page}</cite>
                  </a>
                ) : (
                  <cite>{source.page}</cite>
                )}
              </li>
            );
          })}
        </ul>
        {rule.codes && rule.codes.length > 0 ? (
          <p>
            Reachability Analyzer explanation codes:{" "}
            {rule.codes.map((code, index) => (
              <span key={code}>
                {index > 0 ? ", " : ""}
                <code>{code}</code>
              </span>
            ))}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="rule-model">
        <h2 id="rule-model">In Reachable&apos;s model</h2>
        <p data-testid="rule-status">
          {rule.status.kind === "modelled"
            ? "Modelled: the reachability model or the question generator applies this rule when it computes answers."
            : `Not modelled. ${rule.status.reason}`}
        </p>
      </section>
      <section aria-labelledby="rule-lessons">
        <h2 id="rule-lessons">Lessons that teach it</h2>
        {use.lessons.length === 0 ? (
          <p>No lesson covers it yet.</p>
        ) : (
          <ul>
            {use.lessons.map((lesson) => (
              <li key={lesson.slug}>
                <Link href={`/lessons/${lesson.slug}`} prefetch={false}>
                  {lesson.frontmatter.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rule-families">
        <h2 id="rule-families">Questions that assess it</h2>
        {use.familyTitles.length === 0 ? (
          <p>No question family cites it.</p>
        ) : (
          <>
            <ul>
              {use.familyTitles.map((family) => (
                <li key={family.name} data-family={family.name}>
                  {family.title}
                </li>
              ))}
            </ul>
            <p>
              <Link className="button" href={`/practice?rule=${rule.id}`} data-testid="practise-rule">
                Practise this rule
              </Link>
            </p>
          </>
        )}
      </section>
    </article>
  );
}
