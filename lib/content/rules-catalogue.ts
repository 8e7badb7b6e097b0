// The rule catalogue: every AWS rule the project cites (in code, lessons and generated explanations), in the
// project's own words, with its AWS sources and whether the model applies it. The rules live in lib/content/rules/
// by topic; this module gathers them and answers lookups, searches and "which rule IDs does this text cite".
import { EVALUATION_ORDER_RULES, NETWORK_ACL_RULES, SECURITY_GROUP_RULES } from "./rules/filtering";
import { GATEWAY_ENDPOINT_RULES, INTERFACE_ENDPOINT_RULES } from "./rules/endpoints";
import { INTERNET_AND_NAT_RULES } from "./rules/gateways";
import { DIRECT_CONNECT_RULES, VPN_RULES } from "./rules/hybrid";
import { PEERING_RULES } from "./rules/peering";
import { splitAtRuleIds, type RuleIdPart } from "./rule-id";
import { GUIDE_HOME, type Rule, type RuleSource, type RuleTopicId } from "./rules/rule";
import { TRANSIT_GATEWAY_RULES } from "./rules/transit-gateway";
import { VPC_ROUTING_RULES } from "./rules/vpc-routing";

export type { Rule, RuleSource, RuleStatus, RuleTopicId } from "./rules/rule";
export { RULE_ID_PATTERN, ruleHref, ruleIdsIn, splitAtRuleIds, type RuleIdPart } from "./rule-id";

export const RULE_TOPICS: readonly { readonly id: RuleTopicId; readonly title: string }[] = [
  { id: "vpc-routing", title: "VPC basics and route tables" },
  { id: "peering", title: "VPC peering" },
  { id: "transit-gateway", title: "Transit gateway" },
  { id: "gateway-endpoints", title: "Gateway endpoints" },
  { id: "interface-endpoints", title: "Interface endpoints and PrivateLink" },
  { id: "security-groups", title: "Security groups" },
  { id: "network-acls", title: "Network ACLs" },
  { id: "evaluation-order", title: "Evaluation order and flow logs" },
  { id: "internet-nat", title: "Internet, egress-only and NAT gateways" },
  { id: "vpn", title: "Site-to-Site VPN" },
  { id: "direct-connect", title: "Direct Connect" },
];

export const RULES: readonly Rule[] = [
  ...VPC_ROUTING_RULES,
  ...PEERING_RULES,
  ...TRANSIT_GATEWAY_RULES,
  ...GATEWAY_ENDPOINT_RULES,
  ...INTERFACE_ENDPOINT_RULES,
  ...SECURITY_GROUP_RULES,
  ...NETWORK_ACL_RULES,
  ...EVALUATION_ORDER_RULES,
  ...INTERNET_AND_NAT_RULES,
  ...VPN_RULES,
  ...DIRECT_CONNECT_RULES,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id.toUpperCase());
}

export function isRuleId(id: string): boolean {
  return byId.has(id);
}

/** Splits a text at the catalogued rule IDs it cites (unknown IDs stay text), for views that link them. */
export function splitAtCataloguedRuleIds(text: string): RuleIdPart[] {
  return splitAtRuleIds(text, isRuleId);
}

function searchableText(rule: Rule): string {
  const status = rule.status.kind === "not-modelled" ? `not modelled ${rule.status.reason}` : "modelled";
  return [rule.id, rule.title, rule.text, rule.drift ?? "", status, ...(rule.codes ?? [])]
    .concat(rule.sources.flatMap((source) => [source.guide, source.page]))
    .join(" ")
    .toLowerCase();
}

/**
 * The abbreviations learners type (NACL, SG, TGW…) and the words the catalogue spells out. A query word that is
 * one of these matches a rule that has the abbreviation as a word of its own (an ID prefix such as TGW-05 counts)
 * or any of the spelled-out forms. Keys are lower case.
 */
export const RULE_SEARCH_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  nacl: ["network acl"],
  nacls: ["network acl"],
  sg: ["security group"],
  sgs: ["security group"],
  tgw: ["transit gateway"],
  vgw: ["virtual private gateway"],
  igw: ["internet gateway"],
  eigw: ["egress-only internet gateway", "egress-only"],
  eoigw: ["egress-only internet gateway", "egress-only"],
  nat: ["nat gateway", "nat"],
  natgw: ["nat gateway"],
  ngw: ["nat gateway"],
  pcx: ["peering"],
  dx: ["direct connect"],
  dxgw: ["direct connect gateway"],
  gwlb: ["gateway load balancer"],
  gwlbe: ["gateway load balancer endpoint", "gateway load balancer"],
  nlb: ["network load balancer"],
  vpce: ["endpoint"],
  phz: ["private hosted zone", "hosted zone", "private dns"],
  cgw: ["customer gateway"],
  eni: ["network interface"],
  eip: ["elastic ip"],
  s2s: ["site-to-site"],
  ra: ["reachability analyzer"],
  r53: ["route 53"],
  rt: ["route table"],
  vif: ["virtual interface"],
};

/** Does a rule's searchable text contain a query word (or, for an abbreviation, what it stands for)? */
function wordMatches(text: string, word: string): boolean {
  const expansions = RULE_SEARCH_ABBREVIATIONS[word];
  if (!expansions) return text.includes(word);
  const alone = new RegExp(`(^|[^a-z0-9])${word}([^a-z0-9]|$)`);
  return alone.test(text) || expansions.some((expansion) => text.includes(expansion));
}

/**
 * Rules matching a free-text query: an exact ID first, then rules whose ID, title, text, sources, codes or drift
 * note contain every word of the query, an abbreviation matching what it stands for (RULE_SEARCH_ABBREVIATIONS).
 * An empty query returns the whole catalogue in catalogue order.
 */
export function searchRules(query: string, rules: readonly Rule[] = RULES): Rule[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rules];
  const exact = rules.filter((rule) => rule.id.toLowerCase() === query.trim().toLowerCase());
  const matching = rules.filter((rule) => {
    if (exact.includes(rule)) return false;
    const text = searchableText(rule);
    return words.every((word) => wordMatches(text, word));
  });
  return [...exact, ...matching];
}

/** What a search found: every word matched, or (when no rule has them all) the rules matching some of them. */
export type RuleSearch =
  | { readonly kind: "all"; readonly rules: readonly Rule[] }
  | {
      readonly kind: "some";
      /** Ranked: the most query words matched first, a rarer word counting more; catalogue order on a tie. */
      readonly rules: readonly Rule[];
      /** How many rules each query word matches on its own, in query order. */
      readonly perWord: readonly { readonly word: string; readonly count: number }[];
    };

/**
 * searchRules, with a fallback: when no rule matches every word of a query of several words ("sg ephemeral"),
 * the rules matching any of them, ranked. An empty `rules` of kind "some" means no word matched anything.
 */
export function searchRulesRanked(query: string, rules: readonly Rule[] = RULES): RuleSearch {
  const all = searchRules(query, rules);
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  if (all.length > 0 || words.length < 2) return { kind: "all", rules: all };
  const texts = rules.map((rule) => searchableText(rule));
  const hits = words.map((word) => texts.map((text) => wordMatches(text, word)));
  const perWord = words.map((word, index) => ({
    word,
    count: hits[index]?.filter(Boolean).length ?? 0,
  }));
  const scored = rules
    .map((rule, ruleIndex) => {
      let matched = 0;
      let weight = 0;
      words.forEach((_, wordIndex) => {
        if (hits[wordIndex]?.[ruleIndex] !== true) return;
        matched += 1;
        weight += 1 / (perWord[wordIndex]?.count ?? 1);
      });
      return { rule, ruleIndex, matched, weight };
    })
    .filter((entry) => entry.matched > 0)
    .sort((a, b) => b.matched - a.matched || b.weight - a.weight || a.ruleIndex - b.ruleIndex);
  return { kind: "some", rules: scored.map((entry) => entry.rule), perWord };
}

/**
 * Where a source can be read: its page when the catalogue has the page's address ("page"), else the start of its
 * guide ("guide"), where the page title finds it; undefined for a guide the catalogue has no address for.
 */
export function sourceLink(source: RuleSource): { href: string; to: "page" | "guide" } | undefined {
  if (source.url !== undefined) return { href: source.url, to: "page" };
  const home = GUIDE_HOME[source.guide];
  return home === undefined ? undefined : { href: home, to: "guide" };
}

export function rulesOfTopic(topic: RuleTopicId, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((rule) => rule.topic === topic);
}
