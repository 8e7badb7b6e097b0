// Configurations AWS refuses or that cannot carry traffic, each with a field path, a plain message and the rule
// IDs. Errors = AWS would refuse it; warnings = accepted but inert. One checker per kind of resource
// (lib/net/validate/), run in this order so that issues come out in topology order.
import {
  checkNetworkInterfaces,
  checkInstances,
  checkNatGateways,
  checkRegionalNatGateways,
  checkSubnets,
  checkVpcs,
} from "./validate/addressing";
import {
  checkDirectConnectGateways,
  checkGatewayEndpoints,
  checkGateways,
  checkInterfaceEndpoints,
  checkOnPremisesNetworks,
  checkPeerings,
  checkServices,
  checkTransitGatewayAttachments,
  checkTransitGatewayRouteTables,
  checkVpnConnections,
} from "./validate/connections";
import { ValidationContext, type ValidationIssue } from "./validate/context";
import { checkNetworkAcls, checkSecurityGroups } from "./validate/filters";
import { collectIds, warnDuplicateInstanceNames } from "./validate/ids";
import { checkLoadBalancers } from "./validate/load-balancers";
import { checkApplianceMode } from "./validate/inspection";
import { checkBlockPublicAccess } from "./validate/block-public-access";
import { checkRouteTables } from "./validate/routing";
import { checkGatewayRouteTables } from "./validate/gateway-route-tables";
import type { Topology } from "./topology";

export type { ValidationIssue } from "./validate/context";

const CHECKERS: readonly ((v: ValidationContext) => void)[] = [
  collectIds,
  checkVpcs,
  checkBlockPublicAccess,
  checkSubnets,
  checkRouteTables,
  checkGatewayRouteTables,
  checkNetworkAcls,
  checkSecurityGroups,
  checkInstances,
  warnDuplicateInstanceNames,
  checkNetworkInterfaces,
  checkNatGateways,
  checkRegionalNatGateways,
  checkGateways,
  checkPeerings,
  checkTransitGatewayAttachments,
  checkTransitGatewayRouteTables,
  checkApplianceMode,
  checkVpnConnections,
  checkDirectConnectGateways,
  checkGatewayEndpoints,
  checkInterfaceEndpoints,
  checkLoadBalancers,
  checkOnPremisesNetworks,
  checkServices,
];

export function validate(topology: Topology): ValidationIssue[] {
  const v = new ValidationContext(topology);
  for (const check of CHECKERS) check(v);
  return v.issues;
}
