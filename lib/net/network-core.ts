// The core of a compiled network: VPCs, subnets and network interfaces with their address indexes. It is
// the costly part of buildNetwork and it depends only on the topology's VPCs, subnets, instances, interfaces,
// NAT gateways and interface endpoints. A question's nearby variants (one route, rule, peering or TGW table
// changed) share all of those objects with their base topology, so with a NetworkCache the core is reused
// instead of rebuilt (network-cache.ts): everything that a variant typically changes (route tables, NACLs,
// security group rules, gateways, peerings, transit gateways) is looked up per network (network.ts: by id, or
// by a subnet or interface's position), never stored in the core.
import { ipKey, toCidr, toIp } from "./cidr";
import type { EniInfo, EniKind, Network, SubnetInfo, VpcInfo } from "./network-model";
import type * as T from "./topology";
import { componentRef } from "./trace";

export type NetworkCore = Pick<
  Network,
  | "vpcs"
  | "subnets"
  | "enis"
  | "enisByPrivateIp"
  | "byPublicIp"
  | "instances"
  | "instanceEnis"
  | "natGateways"
  | "interfaceEndpoints"
  | "coreNames"
> & {
  /** VPCs with an interface that lists no security group, so the VPC's default group applies (SG-04). */
  readonly vpcsUsingDefaultGroup: ReadonlySet<string>;
};

/** i-0abc -> eni-0abc: the id of an instance's inline primary interface. */
export function primaryEniIdFor(instanceId: string): string {
  return instanceId.startsWith("i-") ? `eni-${instanceId.slice(2)}` : `eni-${instanceId}`;
}

type EniSpec = {
  id: string;
  name?: string | undefined;
  kind: EniKind;
  ownerId: string;
  subnetId: string;
  privateIp: string;
  secondary?: readonly string[];
  publicIp?: string | undefined;
  awsId?: string | undefined;
  ipv6?: readonly string[];
  sgIds: readonly string[];
  sourceDestCheck: boolean;
  running: boolean;
};

export function compileCore(topology: T.Topology): NetworkCore {
  const defaultAccount = topology.accounts[0]?.id ?? "123456789012";
  const vpcs = new Map<string, VpcInfo>();
  for (const vpc of topology.vpcs) {
    vpcs.set(vpc.id, {
      vpc,
      id: vpc.id,
      region: vpc.region ?? topology.region,
      accountId: vpc.accountId ?? defaultAccount,
      cidrs: vpc.cidrBlocks.map(toCidr),
      cidrs6: vpc.ipv6CidrBlocks.map(toCidr),
      subnets: [],
      enisByIp: new Map(),
    });
  }
  const subnets = new Map<string, SubnetInfo>();
  for (const s of topology.subnets) {
    const vpc = vpcs.get(s.vpcId);
    if (!vpc) continue;
    const info: { -readonly [K in keyof SubnetInfo]: SubnetInfo[K] } = {
      subnet: s,
      id: s.id,
      vpc,
      az: s.availabilityZone,
      // In the literal, not added afterwards: a field added to a built object sits in a separate property store,
      // one more cold read for every `subnet.cidr` on the query path.
      cidr: s.cidrBlock !== undefined ? toCidr(s.cidrBlock) : undefined,
      cidr6: s.ipv6CidrBlock !== undefined ? toCidr(s.ipv6CidrBlock) : undefined,
      index: subnets.size,
      componentRef: componentRef(s.id, "subnet", s.name),
    };
    subnets.set(s.id, info);
    vpc.subnets.push(info);
  }

  const enis = new Map<string, EniInfo>();
  const enisByPrivateIp = new Map<string | number, EniInfo[]>();
  const byPublicIp: Network["byPublicIp"] = new Map();
  const instanceEnis = new Map<string, EniInfo[]>();
  const vpcsUsingDefaultGroup = new Set<string>();
  const names: [string, string][] = [];
  const addName = (name: string | undefined, id: string): void => {
    if (name !== undefined) names.push([name, id]);
  };

  const addEni = (spec: EniSpec): EniInfo | undefined => {
    const subnet = subnets.get(spec.subnetId);
    if (!subnet || enis.has(spec.id)) return undefined;
    if (spec.sgIds.length === 0 && spec.kind !== "nat_gateway") vpcsUsingDefaultGroup.add(subnet.vpc.id);
    const privateIp = toIp(spec.privateIp);
    const addresses = [privateIp];
    for (const ip of spec.secondary ?? []) addresses.push(toIp(ip));
    for (const ip of spec.ipv6 ?? []) addresses.push(toIp(ip));
    const eni: { -readonly [K in keyof EniInfo]: EniInfo[K] } = {
      id: spec.id,
      kind: spec.kind,
      ownerId: spec.ownerId,
      subnet,
      vpc: subnet.vpc,
      privateIp,
      addresses,
      sgIds: spec.sgIds,
      index: enis.size,
      componentRef: componentRef(spec.id, "network-interface", spec.name),
      sourceDestCheck: spec.sourceDestCheck,
      running: spec.running,
    };
    if (spec.name !== undefined) eni.name = spec.name;
    if (spec.awsId !== undefined) eni.awsId = spec.awsId;
    addName(spec.name, eni.id);
    if (spec.publicIp !== undefined) eni.publicIp = toIp(spec.publicIp);
    enis.set(eni.id, eni);
    for (const ip of addresses) {
      const key = ipKey(ip);
      const list = enisByPrivateIp.get(key);
      if (list) list.push(eni);
      else enisByPrivateIp.set(key, [eni]);
      subnet.vpc.enisByIp.set(key, eni);
    }
    if (eni.publicIp && spec.kind === "interface") byPublicIp.set(ipKey(eni.publicIp), { kind: "eni", eni });
    return eni;
  };

  const instances = new Map<string, T.Instance>();
  for (const inst of topology.instances) {
    instances.set(inst.id, inst);
    addName(inst.name, inst.id);
    if (inst.subnetId === undefined || inst.privateIp === undefined) continue;
    const eni = addEni({
      id: primaryEniIdFor(inst.id),
      name: inst.name,
      kind: "interface",
      ownerId: inst.id,
      subnetId: inst.subnetId,
      privateIp: inst.privateIp,
      publicIp: inst.publicIp,
      ipv6: inst.ipv6Addresses,
      sgIds: inst.securityGroupIds,
      sourceDestCheck: inst.sourceDestCheck,
      running: inst.state === "running",
    });
    if (eni) instanceEnis.set(inst.id, [eni]);
  }
  for (const e of topology.networkInterfaces) {
    const inst = e.instanceId !== undefined ? instances.get(e.instanceId) : undefined;
    const eni = addEni({
      id: e.id,
      name: e.name,
      kind: "interface",
      ownerId: e.instanceId ?? e.id,
      subnetId: e.subnetId,
      privateIp: e.privateIp,
      secondary: e.secondaryPrivateIps,
      publicIp: e.publicIp,
      ipv6: e.ipv6Addresses,
      sgIds: e.securityGroupIds,
      sourceDestCheck: e.sourceDestCheck,
      running: inst ? inst.state === "running" : true,
    });
    if (eni && e.instanceId !== undefined) {
      const list = instanceEnis.get(e.instanceId);
      if (list) list.push(eni);
      else instanceEnis.set(e.instanceId, [eni]);
    }
  }
  const natGateways = new Map<string, T.NatGateway>();
  for (const nat of topology.natGateways) {
    natGateways.set(nat.id, nat);
    addName(nat.name, nat.id);
    // NAT-05: a NAT gateway has no security group.
    const eni = addEni({
      id: `eni-${nat.id}`,
      awsId: nat.networkInterfaceId,
      name: nat.name,
      kind: "nat_gateway",
      ownerId: nat.id,
      subnetId: nat.subnetId,
      privateIp: nat.privateIp,
      sgIds: [],
      sourceDestCheck: false,
      running: nat.state === "available",
    });
    if (eni && nat.publicIp !== undefined && nat.connectivity === "public")
      byPublicIp.set(ipKey(toIp(nat.publicIp)), { kind: "nat", nat, eni });
  }
  const interfaceEndpoints = new Map<string, T.InterfaceEndpoint>();
  for (const ep of topology.interfaceEndpoints) {
    interfaceEndpoints.set(ep.id, ep);
    addName(ep.name, ep.id);
    for (const n of ep.networkInterfaces) {
      // IFE-01/IFE-02: one requester-managed ENI per subnet, protected by the endpoint's SGs.
      addEni({
        id: n.id,
        name: ep.name,
        kind: "vpc_endpoint",
        ownerId: ep.id,
        subnetId: n.subnetId,
        privateIp: n.privateIp,
        ipv6: n.ipv6Addresses ?? [], // IFE-11: a dual-stack endpoint
        sgIds: ep.securityGroupIds,
        sourceDestCheck: true,
        running: ep.state === "available",
      });
    }
  }
  return {
    vpcs,
    subnets,
    enis,
    enisByPrivateIp,
    byPublicIp,
    instances,
    instanceEnis,
    natGateways,
    interfaceEndpoints,
    vpcsUsingDefaultGroup,
    coreNames: { list: names },
  };
}
