import type { Topology } from "../topology";
import { createExportContext, type ExportedFiles } from "./export-context";
import {
  exportNetworkAcls,
  exportRouteTables,
  exportSecurityGroups,
  exportSubnets,
  exportVpcs,
} from "./export-vpc-resources";
import {
  exportEndpoints,
  exportGateways,
  exportGatewayLoadBalancerEndpoints,
  exportInstancesAndInterfaces,
  exportPeeringConnections,
  exportPrefixLists,
} from "./export-edge-resources";
import { exportDirectConnect, exportTransitGateways, exportVpn } from "./export-transit-resources";
import { exportLoadBalancers } from "./export-load-balancers";

export type { ExportedFiles } from "./export-context";

/**
 * Topology -> `{ region: { "describe-vpcs": <CLI output>, ... } }`, the shape importAwsDescribe reads
 * (and that writing each entry to `<region>/<command>.json` turns into a describe folder).
 * Not expressible in describe-* output and so not exported: on-premises networks (derived from VPN
 * static routes and gateway routes on import) and services without a prefix list. Block Public Access is
 * a Region setting in AWS: a Region's VPCs all get the mode of its first VPC that has one (IGW-07).
 */
export function exportAwsDescribe(topology: Topology): ExportedFiles {
  const ctx = createExportContext(topology);
  exportVpcs(ctx);
  exportSubnets(ctx);
  exportRouteTables(ctx);
  exportNetworkAcls(ctx);
  exportSecurityGroups(ctx);
  exportGateways(ctx);
  exportInstancesAndInterfaces(ctx);
  exportEndpoints(ctx);
  exportGatewayLoadBalancerEndpoints(ctx);
  exportPrefixLists(ctx);
  exportPeeringConnections(ctx);
  exportTransitGateways(ctx);
  exportVpn(ctx);
  exportDirectConnect(ctx);
  exportLoadBalancers(ctx);
  // Every region the topology names gets a folder, so an empty region survives a round trip.
  for (const region of [topology.region, ...topology.regions]) ctx.files[region] ??= {};
  return ctx.files;
}
