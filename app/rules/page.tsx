import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { RULE_TOPICS, RULES, searchRules } from "@/lib/content/rules-catalogue";

export const metadata: Metadata = { title: "AWS rules" };

const SearchSchema = z.object({ q: z.string().max(200).optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The rule catalogue, searchable by ID and words with a plain GET form (works without JavaScript). */
export default async function RulesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = SearchSchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined }).q?.trim() ?? "";
  const found = searchRules(query);
  const notModelled = RULES.filter((rule) => rule.status.kind === "not-modelled").length;
  return (
    <>
      <h1>AWS rules</h1>
      <p className="lede">
        The {RULES.length} AWS networking rules that Reachable&apos;s explanations cite, in our own words,
        each with the AWS documentation it comes from. {RULES.length - notModelled} are applied by the
        reachability model; {notModelled} are taught but not modelled, and each says why.
      </p>
      <form className="rule-search" role="search" action="/rules" method="get">
        <label htmlFor="rule-query">Search by ID or words</label>
        <input
          id="rule-query"
          type="search"
          name="q"
          defaultValue={query}
          placeholder="PCX-02, transitive, NACL…"
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {query !== "" ? (
        <p data-testid="rule-count" aria-live="polite">
          {found.length === 0
            ? `No rule matches “${query}”.`
            : `${found.length} ${found.length === 1 ? "rule matches" : "rules match"} “${query}”.`}{" "}
          <Link href="/rules">Show all rules</Link>
        </p>
      ) : null}
      {RULE_TOPICS.map((topic) => {
        const rules = found.filter((rule) => rule.topic === topic.id);
        if (rules.length === 0) return null;
        return (
          <section key={topic.id} aria-labelledby={`topic-${topic.id}`} className="rule-topic">
            <h2 id={`topic-${topic.id}`}>{topic.title}</h2>
            <ul className="rule-list">
              {rules.map((rule) => (
                <li key={rule.id} data-rule={rule.id}>
                  <Link href={`/rules/${rule.id}`} className="rule-id">
                    {rule.id}
                  </Link>{" "}
                  <strong>{rule.title}</strong>
                  {rule.status.kind === "not-modelled" ? (
                    <span className="rule-badge">not modelled</span>
                  ) : null}
                  {rule.drift ? <span className="rule-badge drift">AWS changed this</span> : null}
                  <p>{rule.text}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
