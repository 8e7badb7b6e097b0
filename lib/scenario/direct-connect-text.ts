// What a working flow owes to a Direct Connect gateway associated with a transit gateway, for the summary of a
// question whose key is "Yes": the transit VIF, and the association's allowed prefixes, which on a transit gateway
// association are exactly what is advertised to on premises (DX-01, DX-04). The transit gateway's own part (route
// tables, propagation) is told by the transit gateway sentence beside it.
import { cidrContainsIp, parseCidr, parseIp, type Analysis, type Topology } from "../net/index";

/** Undefined when the request does not come in through a Direct Connect gateway attachment of a transit gateway. */
export function transitDirectConnectSentence(topology: Topology, analysis: Analysis): string | undefined {
  const first = analysis.forward.find((h) => h.component.type === "transit-gateway-attachment");
  const att = topology.transitGatewayAttachments.find((a) => a.id === first?.component.id);
  if (att?.type !== "direct-connect-gateway") return undefined;
  const dx = topology.directConnectGateways.find((d) => d.id === att.directConnectGatewayId);
  const allowed = dx?.associations.find((a) => a.gatewayId === att.transitGatewayId)?.allowedPrefixes ?? [];
  const server = analysis.forward.at(-1)?.inbound?.dstIp;
  if (!dx || server === undefined) return undefined;
  const ip = parseIp(server);
  const holding = allowed.filter((c) => {
    const cidr = parseCidr(c);
    return ip.ok && cidr.ok && cidrContainsIp(cidr.value, ip.value);
  });
  const label = dx.name !== undefined ? `${dx.name} (${dx.id})` : dx.id;
  const prefixes =
    holding.length > 0
      ? `, whose association with ${att.transitGatewayId} advertises to on premises exactly its allowed prefixes, ${holding.join(", ")} among them, which contains ${server}`
      : "";
  return `the request comes in over a transit VIF to Direct Connect gateway ${label}${prefixes} (DX-01, DX-04)`;
}
