// A routing loop is not a drop: no subnet, group or ACL refuses the packet; route tables hand it back and forth
// until its TTL runs out. Explanations of a loop outcome name the tables that bounce it (read from the model's
// trace) and, when a static transit gateway route is one of them, say it wins over the propagated one (TGW-07).
import type { Analysis, Blocker, Hop } from "../net/index";

export const LOOP_CODE = "RCH_ROUTING_LOOP";

export function isLoop(b: { readonly code: string } | undefined): boolean {
  return b?.code === LOOP_CODE;
}

function named(hop: Hop): string {
  const { id, name } = hop.component;
  return name !== undefined ? `${name} (${id})` : id;
}

/** The route-table hops that repeat in the trace, first occurrence each, in path order. */
function bouncingTables(hops: readonly Hop[]): Hop[] {
  const seen = new Map<string, number>();
  for (const hop of hops) {
    if (hop.component.type !== "route-table" && hop.component.type !== "transit-gateway-route-table")
      continue;
    seen.set(hop.component.id, (seen.get(hop.component.id) ?? 0) + 1);
  }
  const out: Hop[] = [];
  for (const hop of hops) {
    if ((seen.get(hop.component.id) ?? 0) < 2) continue;
    if (out.some((h) => h.component.id === hop.component.id)) continue;
    out.push(hop);
  }
  return out;
}

function isStaticTgwRoute(hop: Hop): boolean {
  return hop.detail.kind === "transit-gateway-route" && hop.detail.route?.origin === "static";
}

/** The route a hop took, as "destination -> target" (a static TGW route without its origin: the sentence says it). */
function routeTaken(hop: Hop): string {
  if (hop.detail.kind !== "route" && hop.detail.kind !== "transit-gateway-route") return "";
  const route = hop.detail.route;
  if (route === undefined) return "";
  return isStaticTgwRoute(hop) ? `${route.destination} -> ${route.target}` : route.description;
}

/** The rule a loop rests on: a static TGW route that wins over a propagated one (TGW-07), else route choice (RT-04). */
export function loopRule(analysis: Analysis, b: Blocker): string {
  const hops = b.direction === "return" ? analysis.return : analysis.forward;
  return bouncingTables(hops).some(isStaticTgwRoute) ? "TGW-07" : "RT-04";
}

function kindOf(hop: Hop): string {
  return hop.component.type === "transit-gateway-route-table" ? "transit gateway route table" : "route table";
}

function joinAnd(items: readonly string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`
    : (items[0] ?? "");
}

function destinationOf(b: Blocker): string | undefined {
  return b.detail.kind === "route-table" ? b.detail.destination : undefined;
}

/**
 * "No component drops the request: it loops. Transit gateway route table A sends it on by its static route …,
 * which wins over the propagated one, and route table B sends it back by …; it goes round until its TTL runs
 * out and never reaches <destination> (TGW-07)." Built from the model's trace, never typed per question.
 */
export function loopSentence(analysis: Analysis, b: Blocker): string {
  const dir = b.direction === "return" ? "reply" : "request";
  const hops = b.direction === "return" ? analysis.return : analysis.forward;
  const clauses = bouncingTables(hops).map((hop, i) => {
    const route = routeTaken(hop);
    const how = isStaticTgwRoute(hop)
      ? `by its static route ${route}, which wins over the propagated one`
      : route !== ""
        ? `by ${route}`
        : "";
    const verb = i === 0 ? "sends it on" : "sends it back";
    return `${kindOf(hop)} ${named(hop)} ${verb}${how !== "" ? ` ${how}` : ""}`;
  });
  const destination = destinationOf(b);
  const never = destination !== undefined ? ` and never reaches ${destination}` : "";
  // A clause with its own comma ("…, which wins over the propagated one") needs one before the "and" as well.
  const joined = clauses.some((c) => c.includes(",")) ? clauses.join(", and ") : joinAnd(clauses);
  const story = clauses.length > 0 ? ` ${upperFirst(joined)};` : "";
  return `No component drops the ${dir}: it loops.${story} it goes round until its TTL runs out${never} (${loopRule(analysis, b)}).`;
}

/** The same verdict in one short clause, for a distractor's reason (the summary already tells the whole loop). */
export function loopShort(analysis: Analysis, b: Blocker): string {
  const dir = b.direction === "return" ? "reply" : "request";
  const hops = b.direction === "return" ? analysis.return : analysis.forward;
  const names = bouncingTables(hops).map((hop) => hop.component.name ?? hop.component.id);
  const between = names.length > 1 ? ` between ${joinAnd(names)}` : "";
  const destination = destinationOf(b);
  return `the ${dir} never reaches ${destination ?? "its destination"}: it is sent round in a loop${between} (${loopRule(analysis, b)}).`;
}

function upperFirst(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * Why a loop distractor is false in the shown setup: the looping table of the distractor's variant, as shown,
 * sends the packet on (its matching route), not back into a loop.
 */
export function noLoopWhy(b: Blocker, entry: string | undefined, rule: string): string {
  const dir = b.direction === "return" ? "reply" : "request";
  const table =
    b.detail.kind === "route-table"
      ? `Route table ${b.detail.table.name !== undefined ? `${b.detail.table.name} (${b.detail.table.id})` : b.detail.table.id}`
      : "No route table";
  const has = entry !== undefined ? `: it has the entry the ${dir} needs (${entry})` : "";
  return `${table} does not send the ${dir} round in a loop in this setup${has} (${rule}).`;
}
