// Explanation codes: RA's code where one fits (aws-rules §2.4), RCH_… where none does, each with the
// rule IDs it applies (§5) and a plain sentence built from the names of the resources involved.
import type { Blocker } from "./trace";

export const CODE_RULES: Readonly<Record<string, readonly string[]>> = {
  ENI_SG_RULES_MISMATCH: ["SG-01", "SG-05"],
  SG_HAS_NO_RULES: ["SG-03"],
  SUBNET_ACL_RESTRICTION: ["ACL-01", "ACL-03", "ACL-04"],
  NO_ROUTE_TO_DESTINATION: ["RT-04"],
  BAD_STATE_ROUTE: ["RT-08"],
  BAD_STATE: ["RT-08"],
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: ["PCX-02", "PCX-10"],
  RCH_PEERING_EXPIRED: ["PCX-05", "PCX-06", "PCX-08"],
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: ["IGW-01", "IGW-04"],
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: ["IGW-04"],
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS: ["IGW-04"],
  IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS: ["IGW-04"],
  RCH_NO_INTERNET_GATEWAY: ["IGW-01", "IGW-02"],
  RCH_PRIVATE_NAT_TO_IGW: ["NAT-02"],
  RCH_EIGW_IPV6_ONLY: ["EIGW-01"],
  RCH_EIGW_INBOUND_INITIATED: ["EIGW-01"],
  TGW_ROUTE_AZ_RESTRICTION: ["TGW-09"],
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: ["TGW-04"],
  TGW_RTB_CANNOT_ROUTE: ["TGW-05", "TGW-07"],
  TGW_RTB_BAD_STATE_ROUTE: ["TGW-08"],
  BAD_STATE_VPN: ["VPN-02"],
  TGW_BAD_STATE_VPN: ["VPN-02"],
  VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: ["VPN-07", "VPN-08"],
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: ["GWE-10"],
  RCH_ENDPOINT_POLICY_DENIES: ["GWE-08"],
  ENI_SOURCE_DEST_CHECK_RESTRICTION: ["RT-03"],
  NO_POSSIBLE_DESTINATION: [],
  VPC_LOCAL_ROUTE_CIDR_RESTRICTION: ["RT-02"],
  RCH_WRONG_DESTINATION: ["PCX-09"],
  NO_SOURCE_OR_DESTINATION: [],
  RCH_ROUTING_LOOP: [],
  RCH_VGW_NO_IPV6: ["VPN-07"],
  RCH_DNS_RESOLUTION_DISABLED: ["GWE-09"],
  VPCE_INTRA_VPC_TRAFFIC: ["IFE-05"],
  RCH_DX_VIF_NOT_AVAILABLE: ["DX-01"],
  RCH_NO_IPV4_ADDRESS: [],
  RCH_DX_PREFIX_NOT_ALLOWED: ["DX-04"],
};

export type NamedRef = { id: string; name?: string | undefined };

/** "web-a (i-0abc)" or just the id. */
export function label(ref: NamedRef): string {
  return ref.name !== undefined && ref.name !== ref.id ? `${ref.name} (${ref.id})` : ref.id;
}

export function makeBlocker(code: string, component: string, message: string, extraRules: readonly string[] = []): Blocker {
  const rules = [...(CODE_RULES[code] ?? [])];
  for (const rule of extraRules) if (!rules.includes(rule)) rules.push(rule);
  return { code, component, message, rules };
}

export function describeTraffic(protocol: string, port: number | undefined): string {
  return protocol === "icmp" || port === undefined ? protocol.toUpperCase() : `${protocol.toUpperCase()} port ${port}`;
}
