// Measurable properties of a generated question, used by scripts/check-generator.ts and documented in
// docs/quiz-format.md ("Difficulty"): a complexity score that difficulty must track, and a problem signature
// that tells two different problems from one problem with renamed resources.
import { analyze, type Topology } from "../net/index";
import type { Question } from "./question";

/** Network components a learner has to take into account (not subnets, SGs or NACLs, which every VPC has). */
export function componentCount(t: Topology): number {
  return (
    t.vpcs.length +
    t.peeringConnections.length +
    t.transitGateways.length +
    t.transitGatewayAttachments.length +
    t.transitGatewayRouteTables.length +
    t.internetGateways.length +
    t.egressOnlyInternetGateways.length +
    t.natGateways.length +
    t.vpnGateways.length +
    t.customerGateways.length +
    t.vpnConnections.length +
    t.directConnectGateways.length +
    t.gatewayEndpoints.length +
    t.interfaceEndpoints.length +
    t.endpointServices.length
  );
}

const REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d\b/g;

/**
 * complexity = components + hops/4 + 2·blockers + 2·hybrid + 2·multi-Region + 1·both-directions + 2·IPv6
 *              + records/2 + rules/2
 * components: componentCount of the shown topology; hops: lines of the trace (request and reply);
 * blockers: analyze's blockers on the shown topology; hybrid: a VPN, Direct Connect or on-premises network
 * in the topology or stem; multi-Region: two Regions in the topology or the stem; both directions: the
 * trace has reply hops; IPv6: the stem or an option deals with IPv6; records: flow-log lines in the
 * exhibit; rules: distinct aws-rules IDs the explanation cites.
 */
export function complexity(q: Question): number {
  const t = q.topology;
  const components = t ? componentCount(t) : 0;
  const hops = q.explanation.trace?.length ?? 0;
  const blockers = t && q.query ? analyze(t, q.query).blockers.length : 0;
  const hybrid =
    (t !== undefined &&
      (t.vpnConnections.length > 0 ||
        t.directConnectGateways.length > 0 ||
        t.onPremisesNetworks.length > 0)) ||
    /on-premises/i.test(q.stem);
  const regions = new Set(q.stem.match(REGION) ?? []);
  const multiRegion = (t !== undefined && new Set(t.vpcs.map((v) => v.region)).size > 1) || regions.size > 1;
  const bothDirections = (q.explanation.trace ?? []).some((line) => line.startsWith("return"));
  const ipv6 = /::\/0|IPv6/.test(q.stem) || q.options.some((o) => o.text.includes("::/0"));
  const records = Math.max(0, (q.exhibit?.lines.length ?? 0) - 1);
  return (
    components +
    hops / 4 +
    2 * blockers +
    (hybrid ? 2 : 0) +
    (multiRegion ? 2 : 0) +
    (bothDirections ? 1 : 0) +
    (ipv6 ? 2 : 0) +
    records / 2 +
    q.explanation.rules.length / 2
  );
}

/**
 * What makes a problem different, with names, ids, addresses and ports left out: the family, the shape of the
 * topology (how many of each component), the key's verdict (which blocker code on which kind of component, in
 * which direction, or "reachable") and the set of verdicts offered as options.
 */
export function problemSignature(q: Question): string {
  const t = q.topology;
  const shape = t
    ? [
        t.vpcs.length,
        t.peeringConnections.length,
        t.transitGatewayAttachments.length,
        t.internetGateways.length,
        t.natGateways.length,
        t.vpnConnections.length,
        t.gatewayEndpoints.length,
        new Set(t.vpcs.map((v) => v.region)).size,
        new Set(t.vpcs.map((v) => v.accountId)).size,
      ].join(",")
    : "";
  let verdict = "";
  if (t && q.query) {
    const a = analyze(t, q.query);
    const b = a.blockers[0];
    // An expired peering is BAD_STATE_ROUTE like a pending one (Reachability Analyzer has no code for it), but
    // another problem (PCX-06: the request's age, not only its state).
    const expired = b?.detail.kind === "gateway" && b.detail.state === "expired" ? ":expired" : "";
    verdict = b ? `${b.code}${expired}@${kind(b.component)}/${b.direction ?? ""}` : "reachable";
  }
  const options = q.options
    .map((o) =>
      o.text
        .replace(/\b[a-z]+(?:-[a-z0-9]+)*-[0-9a-f]{6,}\b|\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d+)?\b|\b\d+\b/g, "#")
        .replace(/[a-z0-9-]+ \(#\)/g, "X (#)"),
    )
    .sort()
    .join("|");
  return `${q.family}|${shape}|${verdict}|${t ? "" : options}`;
}

function kind(id: string): string {
  const m = /^([a-z]+(?:-[a-z]+)*)-[0-9a-f]/.exec(id);
  return m?.[1] ?? id;
}
