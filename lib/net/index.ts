// Public API of the reachability model (docs/net-map.md describes the files behind it).
export * from "./topology";
export {
  parseTopology,
  parseTopologyText,
  formatIssue,
  formatPath,
  type Issue,
  type ParseTopologyResult,
} from "./parse";
export { type Protocol, type Query, QuerySchema, PROTOCOL_NUMBER } from "./query";
export type { Analysis, Hop, Blocker, PacketHeader, Detail, ComponentRef } from "./trace";
export { formatFlowLogRecord, parseFlowLogRecord, type FlowLogRecord } from "./flow-logs";
export {
  parseCidr,
  parseIp,
  cidrContainsIp,
  cidrContainsCidr,
  cidrsOverlap,
  type Cidr,
  type IpAddress,
} from "./cidr";
export { buildNetwork, NetworkCache, primaryEniIdFor, type Network } from "./network";
export { analyze, DEFAULT_PORT, type AnalyzeOptions } from "./reachability";
export { routeWonOver } from "./routing";
export { advertisedVpcCidrs } from "./on-premises";
export { resolveSource, resolveDestination, INTERNET_CLIENT_IP, INTERNET_SERVER_IP } from "./resolve";
export { publicDnsName, privateDnsName } from "./dns";
export {
  CODE_RULES,
  inactivePeeringFault,
  noRouteFault,
  peeringStateHint,
  unpropagatedHint,
} from "./explanations";
export { validate, type ValidationIssue } from "./validate";
export { proposeFixes, firstVerifiedFix, applyFix, type Fix, type FixKind } from "./fixes";
