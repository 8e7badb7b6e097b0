// RCH_DUPLICATE_ID: every resource id is unique across the topology; the ids map then serves reference checks.
import { primaryEniIdFor, type ValidationContext } from "./context";

/** Records every id (and the derived id of each instance's inline interface) and reports duplicates. */
export function collectIds(v: ValidationContext): void {
  const collections: [string, readonly { readonly id: string }[]][] = [
    ["vpcs", v.topology.vpcs],
    ["subnets", v.topology.subnets],
    ["routeTables", v.topology.routeTables],
    ["networkAcls", v.topology.networkAcls],
    ["securityGroups", v.topology.securityGroups],
    ["instances", v.topology.instances],
    ["networkInterfaces", v.topology.networkInterfaces],
    ["internetGateways", v.topology.internetGateways],
    ["egressOnlyInternetGateways", v.topology.egressOnlyInternetGateways],
    ["natGateways", v.topology.natGateways],
    ["regionalNatGateways", v.topology.regionalNatGateways ?? []],
    ["peeringConnections", v.topology.peeringConnections],
    ["transitGateways", v.topology.transitGateways],
    ["transitGatewayAttachments", v.topology.transitGatewayAttachments],
    ["transitGatewayRouteTables", v.topology.transitGatewayRouteTables],
    ["vpnGateways", v.topology.vpnGateways],
    ["customerGateways", v.topology.customerGateways],
    ["vpnConnections", v.topology.vpnConnections],
    ["directConnectGateways", v.topology.directConnectGateways],
    ["gatewayEndpoints", v.topology.gatewayEndpoints],
    ["interfaceEndpoints", v.topology.interfaceEndpoints],
    ["gatewayLoadBalancerEndpoints", v.topology.gatewayLoadBalancerEndpoints ?? []],
    ["prefixLists", v.topology.prefixLists],
    ["onPremisesNetworks", v.topology.onPremisesNetworks],
  ];
  for (const [name, list] of collections) {
    list.forEach((item, i) => {
      const seen = v.ids.get(item.id);
      if (seen !== undefined)
        v.add("RCH_DUPLICATE_ID", `${name}[${i}].id`, `The id "${item.id}" is already used by ${seen}.`, []);
      else v.ids.set(item.id, `${name}[${i}]`);
    });
  }
  // Inline instance interfaces get derived ENI ids (network.ts primaryEniIdFor).
  for (const inst of v.topology.instances)
    if (inst.subnetId !== undefined) v.ids.set(primaryEniIdFor(inst.id), `instance ${inst.id}`);
  // Inline instance interfaces get derived ENI ids (network-core.ts primaryEniIdFor).
  for (const inst of v.topology.instances)
    if (inst.subnetId !== undefined) v.ids.set(primaryEniIdFor(inst.id), `instance ${inst.id}`);
}

/**
 * RCH_DUPLICATE_NAME (warning): AWS Name tags need not be unique, but a query naming a shared name is refused as
 * ambiguous (resolve.ts). Terminated instances are left out: their names are often reused by replacements.
 */
export function warnDuplicateInstanceNames(v: ValidationContext): void {
  const first = new Map<string, string>();
  v.topology.instances.forEach((inst, i) => {
    if (inst.name === undefined || inst.state === "terminated") return;
    const seen = first.get(inst.name);
    if (seen === undefined) first.set(inst.name, inst.id);
    else
      v.add(
        "RCH_DUPLICATE_NAME",
        `instances[${i}]`,
        `Instance ${inst.id} has the name "${inst.name}" of instance ${seen}: a query by that name is refused as ambiguous; use the id.`,
        [],
        "warning",
      );
  });
}
