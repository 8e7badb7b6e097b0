// Configurations AWS refuses or that cannot carry traffic (issue 3 §2), each with a field path,
// a plain message and the rule IDs. Errors = AWS would refuse it; warnings = accepted but inert.
import { type Cidr, cidrContainsCidr, cidrContainsIp, cidrsOverlap, parseCidr, parseIp, toCidr } from "./cidr";
import { primaryEniIdFor } from "./network-core";
import type { Topology } from "./topology";

export type ValidationIssue = { code: string; path: string; message: string; rules: string[]; severity: "error" | "warning" };

const ACTIVE_LIKE = new Set(["initiating-request", "pending-acceptance", "provisioning", "active"]);
const cidrOf = (t: string): Cidr | undefined => { const p = parseCidr(t); return p.ok ? p.value : undefined; };

export function validate(topology: Topology): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, path: string, message: string, rules: string[], severity: "error" | "warning" = "error"): void => {
    issues.push({ code, path, message, rules, severity });
  };
  const ids = new Map<string, string>();
  const collections: [string, { id: string }[]][] = [
    ["vpcs", topology.vpcs], ["subnets", topology.subnets], ["routeTables", topology.routeTables], ["networkAcls", topology.networkAcls],
    ["securityGroups", topology.securityGroups], ["instances", topology.instances], ["networkInterfaces", topology.networkInterfaces],
    ["internetGateways", topology.internetGateways], ["egressOnlyInternetGateways", topology.egressOnlyInternetGateways],
    ["natGateways", topology.natGateways], ["peeringConnections", topology.peeringConnections], ["transitGateways", topology.transitGateways],
    ["transitGatewayAttachments", topology.transitGatewayAttachments], ["transitGatewayRouteTables", topology.transitGatewayRouteTables],
    ["vpnGateways", topology.vpnGateways], ["customerGateways", topology.customerGateways], ["vpnConnections", topology.vpnConnections],
    ["directConnectGateways", topology.directConnectGateways], ["gatewayEndpoints", topology.gatewayEndpoints],
    ["interfaceEndpoints", topology.interfaceEndpoints], ["prefixLists", topology.prefixLists], ["onPremisesNetworks", topology.onPremisesNetworks],
  ];
  for (const [name, list] of collections) {
    list.forEach((item, i) => {
      const seen = ids.get(item.id);
      if (seen !== undefined) add("RCH_DUPLICATE_ID", `${name}[${i}].id`, `The id "${item.id}" is already used by ${seen}.`, []);
      else ids.set(item.id, `${name}[${i}]`);
    });
  }
  // Inline instance interfaces get derived ENI ids (network.ts primaryEniIdFor).
  for (const inst of topology.instances) if (inst.subnetId !== undefined) ids.set(primaryEniIdFor(inst.id), `instance ${inst.id}`);
  const has = (id: string | undefined): boolean => id !== undefined && ids.has(id);
  const ref = (path: string, id: string | undefined, what: string): void => {
    if (id !== undefined && !has(id)) add("RCH_UNKNOWN_REFERENCE", path, `${what} "${id}" does not exist in this topology.`, []);
  };
  const vpcById = new Map(topology.vpcs.map((v) => [v.id, v]));
  const vpcCidrs = (vpcId: string): Cidr[] => {
    const v = vpcById.get(vpcId);
    return v ? [...v.cidrBlocks, ...v.ipv6CidrBlocks].flatMap((t) => cidrOf(t) ?? []) : [];
  };

  topology.vpcs.forEach((v, i) => {
    v.cidrBlocks.forEach((t, j) => {
      const c = cidrOf(t);
      if (c && (c.prefix < 16 || c.prefix > 28)) add("RCH_VPC_CIDR_SIZE", `vpcs[${i}].cidrBlocks[${j}]`, `A VPC IPv4 block must be between /16 and /28; ${t} is not.`, ["VPC-01"]);
      v.cidrBlocks.slice(0, j).forEach((u) => {
        const d = cidrOf(u);
        if (c && d && cidrsOverlap(c, d)) add("RCH_VPC_CIDR_OVERLAP", `vpcs[${i}].cidrBlocks[${j}]`, `${t} overlaps ${u}, another block of the same VPC.`, ["VPC-01"]);
      });
    });
  });

  const subnetById = new Map(topology.subnets.map((s) => [s.id, s]));
  topology.subnets.forEach((s, i) => {
    ref(`subnets[${i}].vpcId`, s.vpcId, "VPC");
    ref(`subnets[${i}].routeTableId`, s.routeTableId, "Route table");
    ref(`subnets[${i}].networkAclId`, s.networkAclId, "Network ACL");
    const c = s.cidrBlock !== undefined ? cidrOf(s.cidrBlock) : undefined;
    const vpc = vpcById.get(s.vpcId);
    if (c && vpc) {
      if (!vpc.cidrBlocks.some((t) => { const vc = cidrOf(t); return vc ? cidrContainsCidr(vc, c) : false; })) {
        add("RCH_SUBNET_OUTSIDE_VPC", `subnets[${i}].cidrBlock`, `Subnet ${s.id} (${s.cidrBlock}) is not inside any CIDR block of VPC ${s.vpcId} (${vpc.cidrBlocks.join(", ")}).`, ["VPC-02"]);
      }
      if (c.prefix < 16 || c.prefix > 28) add("RCH_SUBNET_CIDR_SIZE", `subnets[${i}].cidrBlock`, `A subnet IPv4 block must be between /16 and /28; ${s.cidrBlock} is not.`, ["VPC-02"]);
      topology.subnets.slice(0, i).forEach((o, k) => {
        const oc = o.cidrBlock !== undefined && o.vpcId === s.vpcId ? cidrOf(o.cidrBlock) : undefined;
        if (oc && cidrsOverlap(c, oc)) add("RCH_SUBNET_OVERLAP", `subnets[${i}].cidrBlock`, `Subnet ${s.id} (${s.cidrBlock}) overlaps subnet ${o.id} (${o.cidrBlock}) at subnets[${k}] in the same VPC.`, ["VPC-02"]);
      });
    }
    const c6 = s.ipv6CidrBlock !== undefined ? cidrOf(s.ipv6CidrBlock) : undefined;
    if (c6 && c6.prefix !== 64) add("RCH_SUBNET_CIDR_SIZE", `subnets[${i}].ipv6CidrBlock`, `An IPv6 subnet block is always a /64; ${s.ipv6CidrBlock} is not.`, ["VPC-02"]);
    if (c6 && vpc && !vpc.ipv6CidrBlocks.some((t) => { const vc = cidrOf(t); return vc ? cidrContainsCidr(vc, c6) : false; })) {
      add("RCH_SUBNET_OUTSIDE_VPC", `subnets[${i}].ipv6CidrBlock`, `Subnet ${s.id}'s IPv6 block ${s.ipv6CidrBlock} is not inside an IPv6 block of VPC ${s.vpcId}.`, ["VPC-02"]);
    }
  });

  const mains = new Map<string, number>();
  topology.routeTables.forEach((rt, i) => {
    ref(`routeTables[${i}].vpcId`, rt.vpcId, "VPC");
    if (rt.main) {
      if (mains.has(rt.vpcId)) add("RCH_DUPLICATE_MAIN_ROUTE_TABLE", `routeTables[${i}].main`, `VPC ${rt.vpcId} already has a main route table (routeTables[${mains.get(rt.vpcId)}]).`, ["RT-01"]);
      else mains.set(rt.vpcId, i);
    }
    rt.routes.forEach((r, j) => {
      const path = `routeTables[${i}].routes[${j}]`;
      if (r.destination === undefined && r.destinationPrefixListId === undefined) add("RCH_ROUTE_WITHOUT_DESTINATION", path, "A route needs a destination CIDR or a prefix list.", []);
      ref(`${path}.destinationPrefixListId`, r.destinationPrefixListId, "Prefix list");
      const d = r.destination !== undefined ? cidrOf(r.destination) : undefined;
      if (d && d.family === 4 && cidrsOverlap(d, toCidr("169.254.168.0/22")) && d.prefix >= 22) add("RCH_RESERVED_ROUTE", `${path}.destination`, `Routes to 169.254.168.0/22 or its subsets cannot be added.`, ["RT-09"]);
      if (r.target === "local" || r.target === "blackhole") return;
      if (!has(r.target)) {
        add("RCH_UNKNOWN_REFERENCE", `${path}.target`, `Route target "${r.target}" does not exist in this topology; the route would be a blackhole.`, ["RT-08"]);
        return;
      }
      if (r.target.startsWith("pcx-")) {
        const pcx = topology.peeringConnections.find((p) => p.id === r.target);
        if (pcx && pcx.requesterVpcId !== rt.vpcId && pcx.accepterVpcId !== rt.vpcId) {
          add("RCH_PEERING_NOT_IN_VPC", `${path}.target`, `Peering connection ${pcx.id} does not connect VPC ${rt.vpcId}.`, ["PCX-08"]);
        } else if (pcx && pcx.status !== "active") {
          add("RCH_ROUTE_TO_INACTIVE_PEERING", `${path}.target`, `Peering connection ${pcx.id} is ${pcx.status}, so this route is a blackhole until it is active.`, ["PCX-05", "PCX-08", "RT-08"], "warning");
        }
        if (pcx && d && r.destination !== undefined) {
          const peer = pcx.requesterVpcId === rt.vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
          if (!vpcCidrs(peer).some((c) => cidrsOverlap(c, d))) {
            add("RCH_ROUTE_OUTSIDE_PEER", `${path}.destination`, `${r.destination} is not inside peer VPC ${peer}; a peering only carries traffic to the peer's own addresses.`, ["PCX-02", "PCX-10"], "warning");
          }
        }
      }
      if (r.target.startsWith("igw-")) {
        const igw = topology.internetGateways.find((g) => g.id === r.target);
        if (igw && igw.vpcId !== rt.vpcId) add("RCH_GATEWAY_NOT_ATTACHED", `${path}.target`, `Internet gateway ${igw.id} is not attached to VPC ${rt.vpcId}.`, ["IGW-01"]);
      }
    });
    rt.propagatingGatewayIds.forEach((g, j) => ref(`routeTables[${i}].propagatingGatewayIds[${j}]`, g, "Virtual private gateway"));
  });

  const defaults = new Set<string>();
  topology.networkAcls.forEach((a, i) => {
    ref(`networkAcls[${i}].vpcId`, a.vpcId, "VPC");
    if (a.isDefault) {
      if (defaults.has(a.vpcId)) add("RCH_DUPLICATE_DEFAULT_NACL", `networkAcls[${i}].isDefault`, `VPC ${a.vpcId} already has a default network ACL.`, ["ACL-06"]);
      defaults.add(a.vpcId);
    }
    for (const dir of ["inbound", "outbound"] as const) {
      const seen = new Set<string>();
      a[dir].forEach((r, j) => {
        const family = r.cidrBlock.includes(":") ? 6 : 4;
        const key = `${r.ruleNumber}/${family}`;
        if (seen.has(key)) add("RCH_DUPLICATE_NACL_RULE_NUMBER", `networkAcls[${i}].${dir}[${j}].ruleNumber`, `Rule number ${r.ruleNumber} is used twice in the ${dir} rules of ${a.id}.`, ["ACL-03"]);
        seen.add(key);
      });
    }
  });

  topology.securityGroups.forEach((sg, i) => {
    ref(`securityGroups[${i}].vpcId`, sg.vpcId, "VPC");
    for (const dir of ["inbound", "outbound"] as const) {
      (sg[dir] ?? []).forEach((r, j) => {
        const path = `securityGroups[${i}].${dir}[${j}]`;
        const peers = [r.cidrBlock, r.prefixListId, r.securityGroupId].filter((x) => x !== undefined).length;
        if (peers !== 1) add("RCH_SG_RULE_PEER", path, "A security group rule needs exactly one of cidrBlock, prefixListId or securityGroupId.", ["SG-05"]);
        ref(`${path}.prefixListId`, r.prefixListId, "Prefix list");
        if (r.securityGroupId !== undefined && !r.securityGroupId.includes("/")) ref(`${path}.securityGroupId`, r.securityGroupId, "Security group");
      });
    }
  });

  const checkInterface = (path: string, subnetId: string, ip: string, sgIds: string[]): void => {
    ref(`${path}.subnetId`, subnetId, "Subnet");
    sgIds.forEach((g, k) => ref(`${path}.securityGroupIds[${k}]`, g, "Security group"));
    const s = subnetById.get(subnetId);
    const c = s?.cidrBlock !== undefined ? cidrOf(s.cidrBlock) : undefined;
    const parsed = parseIp(ip);
    if (!c || !parsed.ok) return;
    if (!cidrContainsIp(c, parsed.value)) {
      add("RCH_ADDRESS_OUTSIDE_SUBNET", `${path}.privateIp`, `${ip} is not inside subnet ${subnetId} (${s?.cidrBlock}).`, ["VPC-02"]);
    } else if (c.family === 4 && parsed.value.family === 4) {
      const offset = parsed.value.value - c.network;
      const last = 2 ** (32 - c.prefix) - 1;
      if (offset <= 3 || offset === last) add("RCH_RESERVED_ADDRESS", `${path}.privateIp`, `${ip} is one of the five addresses AWS reserves in ${s?.cidrBlock}.`, ["VPC-03"]);
    }
  };
  topology.instances.forEach((inst, i) => {
    if (inst.subnetId !== undefined && inst.privateIp !== undefined) checkInterface(`instances[${i}]`, inst.subnetId, inst.privateIp, inst.securityGroupIds);
  });
  topology.networkInterfaces.forEach((e, i) => {
    checkInterface(`networkInterfaces[${i}]`, e.subnetId, e.privateIp, e.securityGroupIds);
    ref(`networkInterfaces[${i}].instanceId`, e.instanceId, "Instance");
  });
  topology.natGateways.forEach((n, i) => {
    checkInterface(`natGateways[${i}]`, n.subnetId, n.privateIp, []);
    if (n.connectivity === "public" && n.publicIp === undefined) add("RCH_NAT_WITHOUT_EIP", `natGateways[${i}].publicIp`, `Public NAT gateway ${n.id} needs an Elastic IP.`, ["NAT-01"]);
  });
  topology.internetGateways.forEach((g, i) => ref(`internetGateways[${i}].vpcId`, g.vpcId, "VPC"));
  topology.egressOnlyInternetGateways.forEach((g, i) => ref(`egressOnlyInternetGateways[${i}].vpcId`, g.vpcId, "VPC"));
  topology.vpnGateways.forEach((g, i) => ref(`vpnGateways[${i}].vpcId`, g.vpcId, "VPC"));

  // Peering: PCX-03 overlap (any IPv4 or IPv6 block), PCX-04 one per VPC pair.
  const pairs = new Map<string, string>();
  topology.peeringConnections.forEach((p, i) => {
    ref(`peeringConnections[${i}].requesterVpcId`, p.requesterVpcId, "VPC");
    ref(`peeringConnections[${i}].accepterVpcId`, p.accepterVpcId, "VPC");
    if (p.requesterVpcId === p.accepterVpcId) add("RCH_PEERING_SAME_VPC", `peeringConnections[${i}]`, `Peering connection ${p.id} connects VPC ${p.requesterVpcId} with itself.`, ["PCX-01"]);
    const a = vpcCidrs(p.requesterVpcId);
    const b = vpcCidrs(p.accepterVpcId);
    const clash = a.flatMap((x) => b.filter((y) => cidrsOverlap(x, y)).map((y) => `${x.text} / ${y.text}`));
    if (clash.length > 0 && p.requesterVpcId !== p.accepterVpcId) {
      add("RCH_PEERING_CIDR_OVERLAP", `peeringConnections[${i}]`, `VPCs ${p.requesterVpcId} and ${p.accepterVpcId} have overlapping CIDR blocks (${clash.join(", ")}), so AWS refuses the peering; it fails even if only a secondary block overlaps.`, ["PCX-03"]);
    }
    if (!ACTIVE_LIKE.has(p.status)) return;
    const key = [p.requesterVpcId, p.accepterVpcId].sort().join("|");
    const prior = pairs.get(key);
    if (prior !== undefined) add("RCH_DUPLICATE_PEERING", `peeringConnections[${i}]`, `VPCs ${p.requesterVpcId} and ${p.accepterVpcId} already have peering connection ${prior}; only one is allowed at a time.`, ["PCX-04"]);
    else pairs.set(key, p.id);
  });

  topology.transitGatewayAttachments.forEach((a, i) => {
    ref(`transitGatewayAttachments[${i}].transitGatewayId`, a.transitGatewayId, "Transit gateway");
    ref(`transitGatewayAttachments[${i}].vpcId`, a.vpcId, "VPC");
    const azs = new Set<string>();
    a.subnetIds.forEach((s, j) => {
      ref(`transitGatewayAttachments[${i}].subnetIds[${j}]`, s, "Subnet");
      const az = subnetById.get(s)?.availabilityZone;
      if (az !== undefined && azs.has(az)) add("RCH_ATTACHMENT_AZ_DUPLICATE", `transitGatewayAttachments[${i}].subnetIds[${j}]`, `Attachment ${a.id} may have only one subnet per Availability Zone (${az}).`, ["TGW-09"]);
      if (az !== undefined) azs.add(az);
    });
  });
  topology.transitGatewayRouteTables.forEach((t, i) => {
    ref(`transitGatewayRouteTables[${i}].transitGatewayId`, t.transitGatewayId, "Transit gateway");
    t.associations.forEach((a, j) => ref(`transitGatewayRouteTables[${i}].associations[${j}]`, a, "Attachment"));
    t.propagations.forEach((a, j) => ref(`transitGatewayRouteTables[${i}].propagations[${j}]`, a, "Attachment"));
    t.routes.forEach((r, j) => ref(`transitGatewayRouteTables[${i}].routes[${j}].attachmentId`, r.attachmentId, "Attachment"));
  });
  const associated = new Map<string, string>();
  topology.transitGatewayRouteTables.forEach((t, i) => t.associations.forEach((a, j) => {
    const prior = associated.get(a);
    if (prior !== undefined) add("RCH_ATTACHMENT_MULTIPLE_ASSOCIATIONS", `transitGatewayRouteTables[${i}].associations[${j}]`, `Attachment ${a} is already associated with ${prior}; an attachment has exactly one associated route table.`, ["TGW-04"]);
    else associated.set(a, t.id);
  }));
  topology.vpnConnections.forEach((v, i) => {
    ref(`vpnConnections[${i}].customerGatewayId`, v.customerGatewayId, "Customer gateway");
    ref(`vpnConnections[${i}].vpnGatewayId`, v.vpnGatewayId, "Virtual private gateway");
    ref(`vpnConnections[${i}].transitGatewayId`, v.transitGatewayId, "Transit gateway");
  });
  topology.gatewayEndpoints.forEach((e, i) => {
    ref(`gatewayEndpoints[${i}].vpcId`, e.vpcId, "VPC");
    e.routeTableIds.forEach((r, j) => ref(`gatewayEndpoints[${i}].routeTableIds[${j}]`, r, "Route table"));
  });
  topology.interfaceEndpoints.forEach((e, i) => {
    ref(`interfaceEndpoints[${i}].vpcId`, e.vpcId, "VPC");
    const azs = new Set<string>();
    e.networkInterfaces.forEach((n, j) => {
      checkInterface(`interfaceEndpoints[${i}].networkInterfaces[${j}]`, n.subnetId, n.privateIp, []);
      const az = subnetById.get(n.subnetId)?.availabilityZone;
      if (az !== undefined && azs.has(az)) add("RCH_ENDPOINT_AZ_DUPLICATE", `interfaceEndpoints[${i}].networkInterfaces[${j}]`, `Interface endpoint ${e.id} may have at most one subnet per Availability Zone.`, ["IFE-01"]);
      if (az !== undefined) azs.add(az);
    });
    e.securityGroupIds.forEach((g, j) => ref(`interfaceEndpoints[${i}].securityGroupIds[${j}]`, g, "Security group"));
  });
  topology.onPremisesNetworks.forEach((n, i) => {
    n.customerGatewayIds.forEach((c, j) => ref(`onPremisesNetworks[${i}].customerGatewayIds[${j}]`, c, "Customer gateway"));
    n.directConnectGatewayIds.forEach((c, j) => ref(`onPremisesNetworks[${i}].directConnectGatewayIds[${j}]`, c, "Direct Connect gateway"));
  });
  topology.services.forEach((s, i) => ref(`services[${i}].prefixListId`, s.prefixListId, "Prefix list"));
  return issues;
}
