// buildNetwork: compile a Topology once into indexed form (maps by id/name/IP, per-route-table LPM
// structures, compiled SG/NACL rules) so that each query only does hash probes on plain numbers.
import { type Cidr, ipKey, parseCidr, toCidr, toIp } from "./cidr";
import { compileDefaultNetworkAcl, compileNetworkAcl, type CompiledNaclRule, type CompiledNetworkAcl } from "./network-acls";
import { compileRoutes, type CompiledRoute } from "./routing";
import { type CompiledSecurityGroup, compileSecurityGroup } from "./security-groups";
import type * as T from "./topology";
import { buildTransitGateways } from "./transit-gateway";
import { propagatedVgwPrefixes } from "./vpn";
import { componentRef } from "./trace";
import { pickInternetAddresses } from "./internet-addresses";
import { serviceCidrs } from "./endpoints";
import { networkAclCache, networkAclStamp, routeTableCache, routeTableStamp, securityGroupCache, securityGroupStamp } from "./build-cache";

export * from "./network-model";
import type { EniInfo, EniKind, Network, RouteTarget, RouteTableInfo, ServiceInfo, SubnetInfo, VpcInfo } from "./network-model";
import { peeringPairKey, routeTargetOf } from "./network-model";

/** i-0abc -> eni-0abc: the id of an instance's inline primary interface. */
export function primaryEniIdFor(instanceId: string): string {
  return instanceId.startsWith("i-") ? `eni-${instanceId.slice(2)}` : `eni-${instanceId}`;
}

const tryCidr = (text: string): Cidr | undefined => {
  const p = parseCidr(text);
  return p.ok ? p.value : undefined;
};

const hasPrefixListDestination = (r: T.Route): boolean => r.destinationPrefixListId !== undefined;

const LOCAL_TARGET: RouteTarget = Object.freeze({ kind: "local", id: "local" });

function localRoutes(vpc: T.Vpc): CompiledRoute<RouteTarget>[] {
  // aws-rules RT-02: every route table has a local route per VPC CIDR, IPv4 and IPv6.
  return [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].map((text) => ({
    cidr: toCidr(text), origin: "local" as const, target: LOCAL_TARGET, description: `${text} -> local`,
  }));
}

export function buildNetwork(topology: T.Topology): Network {
  const names = new Map<string, string[]>();
  const addName = (name: string | undefined, id: string): void => {
    if (name === undefined) return;
    const list = names.get(name);
    if (list) list.push(id);
    else names.set(name, [id]);
  };

  const prefixLists = new Map<string, readonly Cidr[]>();
  for (const pl of topology.prefixLists) {
    prefixLists.set(pl.id, pl.cidrBlocks.map(toCidr));
    addName(pl.name, pl.id);
  }
  const services: ServiceInfo[] = topology.services.map((s) => ({
    service: s.service, region: s.region, cidrs: serviceCidrs(s, prefixLists),
    ...(s.prefixListId !== undefined ? { prefixListId: s.prefixListId } : {}),
    dnsName: s.dnsName ?? `${s.service}.${s.region}.amazonaws.com`,
  }));

  const vpcs = new Map<string, VpcInfo>();
  for (const vpc of topology.vpcs) {
    vpcs.set(vpc.id, {
      vpc, id: vpc.id, region: vpc.region ?? topology.region, accountId: vpc.accountId ?? topology.accounts[0]?.id ?? "123456789012",
      cidrs: vpc.cidrBlocks.map(toCidr), cidrs6: vpc.ipv6CidrBlocks.map(toCidr), subnets: [], enisByIp: new Map(),
    });
    addName(vpc.name, vpc.id);
  }
  const igws = new Map(topology.internetGateways.map((g) => [g.id, g]));
  for (const g of topology.internetGateways) { addName(g.name, g.id); const v = g.vpcId ? vpcs.get(g.vpcId) : undefined; if (v) v.igw = g; }
  const eigws = new Map(topology.egressOnlyInternetGateways.map((g) => [g.id, g]));
  for (const g of topology.egressOnlyInternetGateways) { addName(g.name, g.id); const v = vpcs.get(g.vpcId); if (v) v.eigw = g; }
  const vgws = new Map(topology.vpnGateways.map((g) => [g.id, g]));
  for (const g of topology.vpnGateways) { addName(g.name, g.id); const v = g.vpcId ? vpcs.get(g.vpcId) : undefined; if (v) v.vgw = g; }

  // Route tables: explicit routes + implicit local routes + gateway-endpoint prefix-list routes
  // (GWE-02) + VGW-propagated routes (VPN-05).
  const extraRoutes = new Map<string, CompiledRoute<RouteTarget>[]>();
  const pushExtra = (rtbId: string, route: CompiledRoute<RouteTarget>): void => {
    const list = extraRoutes.get(rtbId);
    if (list) list.push(route);
    else extraRoutes.set(rtbId, [route]);
  };
  for (const ep of topology.gatewayEndpoints) {
    const region = ep.region ?? vpcs.get(ep.vpcId)?.region ?? topology.region;
    const svc = services.find((s) => s.service === ep.service && s.region === region);
    for (const rtbId of ep.routeTableIds) {
      for (const cidr of svc?.cidrs ?? []) {
        pushExtra(rtbId, { cidr, origin: "prefix-list", target: { kind: "vpce", id: ep.id }, description: `${svc?.prefixListId ?? ep.service} (${cidr.text}) -> ${ep.id}` });
      }
    }
  }
  const routeTables = new Map<string, RouteTableInfo>();
  /** One frozen target object per target string (tens of thousands of routes share a few targets each). */
  const targets = new Map<string, RouteTarget>();
  const mainTables = new Map<string, RouteTableInfo>();
  for (const rt of topology.routeTables) {
    const vpc = vpcs.get(rt.vpcId);
    // A table whose routes depend only on itself and its VPC (no prefix-list routes, propagation or endpoint
    // routes, which read other topology objects) is reused from an earlier build of the same objects.
    const cacheable = vpc !== undefined && rt.propagatingGatewayIds.length === 0 && !extraRoutes.has(rt.id) && !rt.routes.some(hasPrefixListDestination);
    const stamp = cacheable ? routeTableStamp(rt, vpc.vpc) : undefined;
    const cached = stamp ? routeTableCache.get(rt, stamp) : undefined;
    if (cached) {
      routeTables.set(rt.id, cached);
      addName(rt.name, rt.id);
      if (rt.main && !mainTables.has(rt.vpcId)) mainTables.set(rt.vpcId, cached);
      continue;
    }
    const routes: CompiledRoute<RouteTarget>[] = vpc ? localRoutes(vpc.vpc) : [];
    for (const r of rt.routes) {
      if (r.target === "local") continue; // implicit (RT-02)
      let target = targets.get(r.target);
      if (!target) targets.set(r.target, (target = Object.freeze(routeTargetOf(r.target))));
      if (r.destination !== undefined) {
        const cidr = tryCidr(r.destination);
        if (cidr) routes.push({ cidr, origin: r.origin, target, description: `${cidr.text} -> ${r.target}${r.origin === "propagated" ? " (propagated)" : ""}` });
      } else if (r.destinationPrefixListId !== undefined) {
        for (const cidr of prefixLists.get(r.destinationPrefixListId) ?? []) {
          routes.push({ cidr, origin: "prefix-list", target, description: `${r.destinationPrefixListId} (${cidr.text}) -> ${r.target}` });
        }
      }
    }
    for (const gwId of rt.propagatingGatewayIds) {
      for (const cidr of propagatedVgwPrefixes(topology, gwId)) {
        routes.push({ cidr, origin: "propagated", target: { kind: "vgw", id: gwId }, description: `${cidr.text} -> ${gwId} (propagated)` });
      }
    }
    routes.push(...(extraRoutes.get(rt.id) ?? []));
    const info: RouteTableInfo = {
      id: rt.id, ...(rt.name !== undefined ? { name: rt.name } : {}), vpcId: rt.vpcId, lookup: compileRoutes(routes),
      componentRef: componentRef(rt.id, "route-table", rt.name),
    };
    if (stamp) routeTableCache.set(rt, stamp, info);
    routeTables.set(rt.id, info);
    addName(rt.name, rt.id);
    if (rt.main && !mainTables.has(rt.vpcId)) mainTables.set(rt.vpcId, info);
  }
  const mainTableFor = (vpcId: string): RouteTableInfo => {
    let main = mainTables.get(vpcId);
    if (!main) {
      // RT-01: every VPC has a main route table; synthesise one with only the local routes.
      const vpc = vpcs.get(vpcId);
      const id = `rtb-main-${vpcId}`;
      main = { id, vpcId, lookup: compileRoutes(vpc ? localRoutes(vpc.vpc) : []), componentRef: componentRef(id, "route-table") };
      mainTables.set(vpcId, main);
    }
    return main;
  };

  const nacls = new Map<string, CompiledNetworkAcl>();
  const sharedNaclRules = new Map<string, CompiledNaclRule>();
  const defaultNacls = new Map<string, CompiledNetworkAcl>();
  for (const acl of topology.networkAcls) {
    const stamp = networkAclStamp(acl);
    const compiled = networkAclCache.get(acl, stamp) ?? networkAclCache.set(acl, stamp, compileNetworkAcl(acl, toCidr, sharedNaclRules));
    nacls.set(acl.id, compiled);
    addName(acl.name, acl.id);
    if (acl.isDefault && !defaultNacls.has(acl.vpcId)) defaultNacls.set(acl.vpcId, compiled);
  }
  const defaultNaclFor = (vpcId: string): CompiledNetworkAcl => {
    let acl = defaultNacls.get(vpcId);
    if (!acl) {
      // ACL-05/ACL-06: a subnet without an explicit NACL uses the VPC's default NACL, which allows all.
      const withV6 = (vpcs.get(vpcId)?.cidrs6.length ?? 0) > 0;
      acl = compileDefaultNetworkAcl(`acl-default-${vpcId}`, vpcId, withV6, toCidr);
      defaultNacls.set(vpcId, acl);
    }
    return acl;
  };

  const subnets = new Map<string, SubnetInfo>();
  for (const s of topology.subnets) {
    const vpc = vpcs.get(s.vpcId);
    if (!vpc) continue;
    const info: SubnetInfo = {
      subnet: s, id: s.id, vpc, az: s.availabilityZone,
      ...(s.cidrBlock !== undefined ? { cidr: toCidr(s.cidrBlock) } : {}),
      ...(s.ipv6CidrBlock !== undefined ? { cidr6: toCidr(s.ipv6CidrBlock) } : {}),
      routeTable: (s.routeTableId !== undefined ? routeTables.get(s.routeTableId) : undefined) ?? mainTableFor(s.vpcId),
      nacl: (s.networkAclId !== undefined ? nacls.get(s.networkAclId) : undefined) ?? defaultNaclFor(s.vpcId),
      componentRef: componentRef(s.id, "subnet", s.name),
    };
    subnets.set(s.id, info);
    vpc.subnets.push(info);
    addName(s.name, s.id);
  }

  const securityGroups = new Map<string, CompiledSecurityGroup>();
  for (const sg of topology.securityGroups) {
    const stamp = securityGroupStamp(sg);
    securityGroups.set(sg.id, securityGroupCache.get(sg, stamp) ?? securityGroupCache.set(sg, stamp, compileSecurityGroup(sg, toCidr)));
    addName(sg.name, sg.id);
  }

  const enis = new Map<string, EniInfo>();
  const enisByPrivateIp = new Map<string | number, EniInfo[]>();
  const byPublicIp: Network["byPublicIp"] = new Map();
  const sgMemberIps = new Map<string, Set<string | number>>();
  const instanceEnis = new Map<string, EniInfo[]>();
  const instances = new Map(topology.instances.map((i) => [i.id, i]));

  // SG-04 / IFE-02: an interface with no group listed gets its VPC's default group (a group named
  // "default" in the topology, else AWS's default: all inbound from itself, all outbound).
  const defaultSgFor = (vpcId: string): string => {
    const named = topology.securityGroups.find((g) => g.vpcId === vpcId && g.name === "default");
    if (named) return named.id;
    const id = `sg-default-${vpcId}`;
    if (!securityGroups.has(id)) {
      securityGroups.set(id, compileSecurityGroup({ id, name: "default", vpcId, inbound: [{ protocol: "all", securityGroupId: id }] }, toCidr));
    }
    return id;
  };

  const addEni = (spec: {
    id: string; name?: string | undefined; kind: EniKind; ownerId: string; subnetId: string; privateIp: string;
    secondary?: string[]; publicIp?: string | undefined; ipv6?: string[]; sgIds: string[]; sourceDestCheck: boolean; running: boolean;
  }): EniInfo | undefined => {
    const subnet = subnets.get(spec.subnetId);
    if (!subnet || enis.has(spec.id)) return undefined;
    if (spec.sgIds.length === 0 && spec.kind !== "nat_gateway") spec = { ...spec, sgIds: [defaultSgFor(subnet.vpc.id)] };
    const privateIp = toIp(spec.privateIp);
    const addresses = [privateIp, ...(spec.secondary ?? []).map(toIp), ...(spec.ipv6 ?? []).map(toIp)];
    const groups = spec.sgIds.flatMap((id) => securityGroups.get(id) ?? []);
    const groupNames = groups.map((g) => g.name ?? g.id).join(", ");
    const eni: EniInfo = {
      id: spec.id, ...(spec.name !== undefined ? { name: spec.name } : {}), kind: spec.kind, ownerId: spec.ownerId,
      subnet, vpc: subnet.vpc, privateIp, addresses,
      ...(spec.publicIp !== undefined ? { publicIp: toIp(spec.publicIp) } : {}),
      groups,
      groupsRef: componentRef(groups.map((g) => g.id).join(",") || "(none)", "security-group", groupNames || undefined),
      componentRef: componentRef(spec.id, "network-interface", spec.name),
      sourceDestCheck: spec.sourceDestCheck, running: spec.running,
    };
    enis.set(eni.id, eni);
    addName(spec.name, eni.id);
    for (const ip of addresses) {
      const key = ipKey(ip);
      const list = enisByPrivateIp.get(key);
      if (list) list.push(eni);
      else enisByPrivateIp.set(key, [eni]);
      subnet.vpc.enisByIp.set(key, eni);
      for (const sgId of spec.sgIds) {
        let members = sgMemberIps.get(sgId);
        if (!members) sgMemberIps.set(sgId, (members = new Set()));
        members.add(key);
      }
    }
    if (eni.publicIp && spec.kind === "interface") byPublicIp.set(ipKey(eni.publicIp), { kind: "eni", eni });
    return eni;
  };

  for (const inst of topology.instances) {
    addName(inst.name, inst.id);
    const running = inst.state === "running";
    if (inst.subnetId !== undefined && inst.privateIp !== undefined) {
      const eni = addEni({
        id: primaryEniIdFor(inst.id), name: inst.name, kind: "interface", ownerId: inst.id, subnetId: inst.subnetId, privateIp: inst.privateIp,
        publicIp: inst.publicIp, ipv6: inst.ipv6Addresses, sgIds: inst.securityGroupIds, sourceDestCheck: inst.sourceDestCheck, running,
      });
      if (eni) instanceEnis.set(inst.id, [eni]);
    }
  }
  for (const e of topology.networkInterfaces) {
    const inst = e.instanceId !== undefined ? instances.get(e.instanceId) : undefined;
    const eni = addEni({
      id: e.id, name: e.name, kind: "interface", ownerId: e.instanceId ?? e.id, subnetId: e.subnetId, privateIp: e.privateIp,
      secondary: e.secondaryPrivateIps, publicIp: e.publicIp, ipv6: e.ipv6Addresses, sgIds: e.securityGroupIds,
      sourceDestCheck: e.sourceDestCheck, running: inst ? inst.state === "running" : true,
    });
    if (eni && e.instanceId !== undefined) instanceEnis.set(e.instanceId, [...(instanceEnis.get(e.instanceId) ?? []), eni]);
  }
  const natGateways = new Map(topology.natGateways.map((n) => [n.id, n]));
  for (const nat of topology.natGateways) {
    addName(nat.name, nat.id);
    // NAT-05: a NAT gateway has no security group.
    const eni = addEni({ id: `eni-${nat.id}`, name: nat.name, kind: "nat_gateway", ownerId: nat.id, subnetId: nat.subnetId, privateIp: nat.privateIp, sgIds: [], sourceDestCheck: false, running: nat.state === "available" });
    if (eni && nat.publicIp !== undefined && nat.connectivity === "public") byPublicIp.set(ipKey(toIp(nat.publicIp)), { kind: "nat", nat, eni });
  }
  const interfaceEndpoints = new Map(topology.interfaceEndpoints.map((e) => [e.id, e]));
  for (const ep of topology.interfaceEndpoints) {
    addName(ep.name, ep.id);
    for (const n of ep.networkInterfaces) {
      // IFE-01/IFE-02: one requester-managed ENI per subnet, protected by the endpoint's SGs.
      addEni({ id: n.id, name: ep.name, kind: "vpc_endpoint", ownerId: ep.id, subnetId: n.subnetId, privateIp: n.privateIp, sgIds: ep.securityGroupIds, sourceDestCheck: true, running: ep.state === "available" });
    }
  }

  const peerings = new Map(topology.peeringConnections.map((p) => [p.id, p]));
  const peeringsByPair = new Map<string, T.PeeringConnection>();
  for (const p of topology.peeringConnections) {
    const key = peeringPairKey(p.requesterVpcId, p.accepterVpcId);
    // PCX-04: one peering per pair; prefer an active one if the topology lists several.
    if (!peeringsByPair.has(key) || p.status === "active") peeringsByPair.set(key, p);
  }
  for (const p of topology.peeringConnections) addName(p.name, p.id);
  const gatewayEndpoints = new Map(topology.gatewayEndpoints.map((e) => [e.id, e]));
  for (const e of topology.gatewayEndpoints) addName(e.name, e.id);
  for (const n of topology.onPremisesNetworks) addName(n.name, n.id);
  for (const x of [...topology.transitGateways, ...topology.transitGatewayAttachments, ...topology.transitGatewayRouteTables, ...topology.customerGateways, ...topology.vpnConnections, ...topology.directConnectGateways]) {
    addName(x.name, x.id);
  }

  const used = new Set<string | number>([...enisByPrivateIp.keys(), ...byPublicIp.keys()]);
  for (const nat of topology.natGateways) if (nat.publicIp !== undefined) used.add(ipKey(toIp(nat.publicIp)));
  for (const cgw of topology.customerGateways) used.add(ipKey(toIp(cgw.ipAddress)));
  const ranges = [...[...vpcs.values()].flatMap((v) => [...v.cidrs, ...v.cidrs6]), ...topology.onPremisesNetworks.flatMap((n) => n.cidrBlocks.map(toCidr)), ...services.flatMap((s) => s.cidrs)];
  const internet = pickInternetAddresses({ used, ranges });

  return {
    kind: "network", topology, internetClientIp: internet.client, internetServerIp: internet.server, vpcs, subnets, routeTables, securityGroups, enis, enisByPrivateIp, byPublicIp, sgMemberIps,
    instances, instanceEnis, natGateways, peerings, peeringsByPair, igws, eigws, vgws, gatewayEndpoints, interfaceEndpoints, prefixLists, services,
    onPrem: topology.onPremisesNetworks.map((net) => ({ net, cidrs: net.cidrBlocks.map(toCidr) })),
    tgw: buildTransitGateways(topology, vpcs, subnets),
    names,
  };
}
