// The "Addresses" table: the address the model uses for a flow end that is not an interface of the topology (a
// host on the internet, a server on premises, an AWS service's public address). Options quote these addresses
// ("… has no route that matches 203.0.113.10"), so the exhibit must introduce them.
import {
  buildNetwork,
  type NetworkCache,
  resolveDestination,
  resolveSource,
  type Query,
  type Topology,
} from "../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../net/flow-logs";
import type { Destination, Source } from "../net/resolve";
import type { ExhibitTable } from "./exhibit-table";

const SERVICE_NAMES: Readonly<Record<string, string>> = { s3: "Amazon S3", dynamodb: "Amazon DynamoDB" };

function endText(end: Source | Destination, ref: string): { what: string; ip: string } | undefined {
  if (end.kind === "internet") return { what: "a host on the internet", ip: end.ip.text };
  if (end.kind === "onprem") return { what: `a server in ${end.site.name ?? end.site.id}`, ip: end.ip.text };
  if (end.kind === "service") {
    // An interface endpoint's address is in the endpoints table; naming it here would answer DNS questions.
    if (end.endpointEni !== undefined) return undefined;
    const region = end.service?.region;
    const list = end.service?.prefixListId;
    const service = end.service?.service ?? ref;
    const what = `${SERVICE_NAMES[service] ?? service}${region !== undefined ? ` in ${region}` : ""}${list !== undefined ? ` (a public address in ${list})` : " (a public address)"}`;
    return { what, ip: end.ip.text };
  }
  return undefined;
}

/** An instance or interface of the topology: its addresses are in the interfaces table already. */
function isInterfaceRef(t: Topology, ref: string): boolean {
  for (const i of t.instances) if (i.id === ref || i.name === ref) return true;
  for (const e of t.networkInterfaces) if (e.id === ref || e.name === ref) return true;
  return false;
}

export function addressTable(t: Topology, query: Query, cache?: NetworkCache): ExhibitTable | undefined {
  // Building the network costs more than the rest of the exhibit: only do it when an end needs resolving.
  if (isInterfaceRef(t, query.from) && isInterfaceRef(t, query.to)) return undefined;
  const net = buildNetwork(t, cache);
  const source = resolveSource(net, query.from);
  if (!source.ok) return undefined;
  const destination = resolveDestination(net, query.to, source.value, DEFAULT_FLOW_LOG_NOW);
  const rows: string[][] = [];
  const from = endText(source.value, query.from);
  if (from) rows.push(["Source", query.from, from.what, from.ip]);
  const to = destination.ok ? endText(destination.value, query.to) : undefined;
  if (to) rows.push(["Destination", query.to, to.what, to.ip]);
  if (rows.length === 0) return undefined;
  return {
    kind: "addresses",
    caption: "Addresses of the flow's ends outside the VPCs",
    columns: ["End", "Reference", "Stands for", "Address"],
    rows,
  };
}
