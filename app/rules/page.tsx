import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { RULE_TOPICS, RULES, searchRulesRanked, type Rule } from "@/lib/content/rules-catalogue";

export const metadata: Metadata = { title: "AWS rules" };

const SearchSchema = z.object({ q: z.string().max(200).optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The rule catalogue, searchable by ID and words with a plain GET form (works without JavaScript). */
export default async function RulesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = SearchSchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined }).q?.trim() ?? "";
  const search = searchRulesRanked(query);
  const found = search.rules;
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
          {searchSummary(query, search)} <Link href="/rules">Clear the search and show all rules</Link>
        </p>
      ) : null}
      {search.kind === "some" ? (
        // No rule has every word: the rules with some of them, best first (not by topic, so the rank shows).
        found.length > 0 ? (
          <section aria-labelledby="some-words" className="rule-topic">
            <h2 id="some-words">Rules matching some of the words</h2>
            <ol className="rule-list" data-testid="partial-matches">
              {found.map((rule) => (
                <RuleItem key={rule.id} rule={rule} />
              ))}
            </ol>
          </section>
        ) : null
      ) : (
        RULE_TOPICS.map((topic) => {
          const rules = found.filter((rule) => rule.topic === topic.id);
          if (rules.length === 0) return null;
          return (
            <section key={topic.id} aria-labelledby={`topic-${topic.id}`} className="rule-topic">
              <h2 id={`topic-${topic.id}`}>{topic.title}</h2>
              <ul className="rule-list">
                {rules.map((rule) => (
                  <RuleItem key={rule.id} rule={rule} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}

function rulesCount(count: number): string {
  return `${count} ${count === 1 ? "rule" : "rules"}`;
}

/** What the search found, in words: every word matched, some did (and how many rules each), or none. */
function searchSummary(query: string, search: ReturnType<typeof searchRulesRanked>): string {
  const found = search.rules.length;
  if (search.kind === "all")
    return found === 0
      ? `No rule matches “${query}”.`
      : `${found} ${found === 1 ? "rule matches" : "rules match"} “${query}”.`;
  if (found === 0) return `No rule matches “${query}”, nor any one of its words.`;
  const perWord = search.perWord.map((entry) => `“${entry.word}” ${entry.count}`).join(", ");
  return `No rule matches all the words of “${query}”. Showing the ${rulesCount(found)} that match some of them (${perWord}), the closest first.`;
}

function RuleItem({ rule }: { rule: Rule }) {
  return (
    <li data-rule={rule.id}>
      <Link href={`/rules/${rule.id}`} className="rule-id">
        {rule.id}
      </Link>{" "}
      <strong>{rule.title}</strong>
      {rule.status.kind === "not-modelled" ? <span className="rule-badge">not modelled</span> : null}
      {rule.drift ? <span className="rule-badge drift">AWS changed this</span> : null}
      <p>{rule.text}</p>
    </li>
  );
}
