// Deterministic benchmark topologies: N VPCs in peering meshes of GROUP_SIZE, every VPC also attached
// to a transit gateway hub (one hub per HUB_SIZE VPCs, VPC CIDRs propagated into the hub's table).
// Each VPC: a public and two private subnets, IGW, NAT gateway, two route tables, two SGs, a custom
// NACL, and one instance per subnet. All choices come from `seed`.
import type { Query, TopologyInput } from "../lib/net";

export const GROUP_SIZE = 5;
export const HUB_SIZE = 1000;

type In<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];

/** mulberry32: small, fast, deterministic. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(17, "0")}`;

/** VPC i owns 10.a.b.0/22 (16,384 such blocks fit in 10.0.0.0/8). */
export function vpcBase(i: number): [number, number] {
  return [i >> 6, (i & 63) << 2];
}

export type BenchTopology = {
  topology: TopologyInput;
  instanceIds: string[];
  groupOf: (instanceIndex: number) => number;
};

export function generateTopology(vpcCount: number, seed: number): BenchTopology {
  if (vpcCount > 16_384) throw new Error("at most 16,384 VPCs fit in 10.0.0.0/8 as /22 blocks");
  const rng = createRng(seed);
  const t = {
    vpcs: [] as In<"vpcs">[],
    subnets: [] as In<"subnets">[],
    routeTables: [] as In<"routeTables">[],
    networkAcls: [] as In<"networkAcls">[],
    securityGroups: [] as In<"securityGroups">[],
    instances: [] as In<"instances">[],
    internetGateways: [] as In<"internetGateways">[],
    natGateways: [] as In<"natGateways">[],
    peeringConnections: [] as In<"peeringConnections">[],
    transitGateways: [] as In<"transitGateways">[],
    transitGatewayAttachments: [] as In<"transitGatewayAttachments">[],
    transitGatewayRouteTables: [] as In<"transitGatewayRouteTables">[],
  };
  const instanceIds: string[] = [];
  const hubs = Math.ceil(vpcCount / HUB_SIZE);
  for (let h = 0; h < hubs; h++) {
    t.transitGateways.push({ id: hex("tgw", h + 1), name: `hub-${h}`, asn: 64512 + h });
    t.transitGatewayRouteTables.push({
      id: hex("tgw-rtb", h + 1),
      transitGatewayId: hex("tgw", h + 1),
      associations: [],
      propagations: [],
      routes: [],
    });
  }
  const pcxOf = new Map<string, string>();
  for (let i = 0; i < vpcCount; i++) {
    const group = Math.floor(i / GROUP_SIZE);
    for (let j = group * GROUP_SIZE; j < i; j++) {
      const id = hex("pcx", t.peeringConnections.length + 1);
      t.peeringConnections.push({
        id,
        requesterVpcId: hex("vpc", j + 1),
        accepterVpcId: hex("vpc", i + 1),
        status: "active",
      });
      pcxOf.set(`${j}-${i}`, id);
      pcxOf.set(`${i}-${j}`, id);
    }
  }
  for (let i = 0; i < vpcCount; i++) {
    const [a, b] = vpcBase(i);
    const vpcId = hex("vpc", i + 1);
    const hub = Math.floor(i / HUB_SIZE);
    const group = Math.floor(i / GROUP_SIZE);
    t.vpcs.push({ id: vpcId, name: `vpc-${i}`, cidrBlocks: [`10.${a}.${b}.0/22`] });
    const subnetIds = [0, 1, 2].map((s) => hex("subnet", i * 4 + s + 1));
    const publicRtb = hex("rtb", i * 2 + 1);
    const privateRtb = hex("rtb", i * 2 + 2);
    const acl = hex("acl", i * 2 + 1);
    const web = hex("sg", i * 2 + 1);
    const app = hex("sg", i * 2 + 2);
    const igw = hex("igw", i + 1);
    const nat = hex("nat", i + 1);
    const attach = hex("tgw-attach", i + 1);
    subnetIds.forEach((id, s) => {
      t.subnets.push({
        id,
        vpcId,
        availabilityZone: `us-east-1${"abc"[s]}`,
        cidrBlock: `10.${a}.${b + s}.0/24`,
        routeTableId: s === 0 ? publicRtb : privateRtb,
        ...(s === 0 ? {} : { networkAclId: acl }),
      });
      const instanceId = hex("i", i * 4 + s + 1);
      instanceIds.push(instanceId);
      t.instances.push({
        id: instanceId,
        subnetId: id,
        privateIp: `10.${a}.${b + s}.${10 + Math.floor(rng() * 200)}`,
        ...(s === 0 ? { publicIp: `100.${64 + (i >> 14)}.${(i >> 6) & 255}.${(i & 63) + 1}` } : {}),
        securityGroupIds: [s === 0 ? web : app],
      });
    });
    t.internetGateways.push({ id: igw, vpcId });
    t.natGateways.push({
      id: nat,
      subnetId: subnetIds[0] as string,
      privateIp: `10.${a}.${b}.5`,
      publicIp: `100.${96 + (i >> 14)}.${(i >> 6) & 255}.${(i & 63) + 1}`,
    });
    const peerRoutes: In<"routeTables">["routes"] = [];
    for (let j = group * GROUP_SIZE; j < Math.min(vpcCount, (group + 1) * GROUP_SIZE); j++) {
      if (j === i) continue;
      const [pa, pb] = vpcBase(j);
      peerRoutes.push({ destination: `10.${pa}.${pb}.0/22`, target: pcxOf.get(`${i}-${j}`) as string });
    }
    const extra = Array.from({ length: 4 }, (_, k) => ({
      destination: `192.168.${(i + k) & 255}.0/24`,
      target: "blackhole",
    }));
    const tgw = hex("tgw", hub + 1);
    t.routeTables.push({
      id: publicRtb,
      vpcId,
      routes: [
        { destination: "0.0.0.0/0", target: igw },
        { destination: "10.0.0.0/8", target: tgw },
        ...peerRoutes,
        ...extra,
      ],
    });
    t.routeTables.push({
      id: privateRtb,
      vpcId,
      main: true,
      routes: [
        { destination: "0.0.0.0/0", target: nat },
        { destination: "10.0.0.0/8", target: tgw },
        ...peerRoutes,
        ...extra,
      ],
    });
    t.networkAcls.push({
      id: hex("acl", i * 2 + 2),
      vpcId,
      isDefault: true,
      inbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
      outbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
    });
    const deniedPort = 1000 + Math.floor(rng() * 1000);
    t.networkAcls.push({
      id: acl,
      vpcId,
      inbound: [
        {
          ruleNumber: 90,
          protocol: "tcp",
          fromPort: deniedPort,
          toPort: deniedPort,
          cidrBlock: "0.0.0.0/0",
          action: "deny",
        },
        {
          ruleNumber: 100,
          protocol: "tcp",
          fromPort: 1024,
          toPort: 65535,
          cidrBlock: "0.0.0.0/0",
          action: "allow",
        },
        {
          ruleNumber: 110,
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "10.0.0.0/8",
          action: "allow",
        },
        { ruleNumber: 120, protocol: "icmp", cidrBlock: "10.0.0.0/8", action: "allow" },
      ],
      outbound: [
        { ruleNumber: 100, protocol: "all", cidrBlock: "10.0.0.0/8", action: "allow" },
        {
          ruleNumber: 110,
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "0.0.0.0/0",
          action: "allow",
        },
        {
          ruleNumber: 120,
          protocol: "tcp",
          fromPort: 1024,
          toPort: 65535,
          cidrBlock: "0.0.0.0/0",
          action: "allow",
        },
      ],
    });
    t.securityGroups.push({
      id: web,
      vpcId,
      name: `web-${i}`,
      inbound: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/8" },
      ],
    });
    t.securityGroups.push({
      id: app,
      vpcId,
      name: `app-${i}`,
      inbound: [
        { protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroupId: web },
        { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlock: "10.0.0.0/8" },
        { protocol: "icmp", cidrBlock: "10.0.0.0/8" },
      ],
    });
    t.transitGatewayAttachments.push({ id: attach, transitGatewayId: tgw, type: "vpc", vpcId, subnetIds });
    const table = t.transitGatewayRouteTables[hub];
    table?.associations?.push(attach);
    table?.propagations?.push(attach);
  }
  return {
    topology: { ...t, region: "us-east-1" },
    instanceIds,
    groupOf: (k) => Math.floor(Math.floor(k / 3) / GROUP_SIZE),
  };
}

const PORTS = [443, 8080, 5432, 22, 3306] as const;

/** Half the pairs inside one peering group (mostly reachable), half anywhere (hub or no path). */
export function generateQueries(
  bench: BenchTopology,
  count: number,
  seed: number,
  onlyFirstVpcs?: number,
): Query[] {
  const rng = createRng(seed ^ 0x9e3779b9);
  // `onlyFirstVpcs`: draw instances from the first k VPCs only (3 instances each) – a working set that
  // stays in cache whatever the network's size, to separate algorithmic growth from memory effects.
  const n =
    onlyFirstVpcs === undefined
      ? bench.instanceIds.length
      : Math.min(bench.instanceIds.length, onlyFirstVpcs * 3);
  const pick = (k: number) => bench.instanceIds[k] as string;
  const queries: Query[] = [];
  for (let q = 0; q < count; q++) {
    const from = Math.floor(rng() * n);
    let to: number;
    if (q % 2 === 0) {
      const groupStart = bench.groupOf(from) * GROUP_SIZE * 3;
      to = Math.min(n - 1, groupStart + Math.floor(rng() * GROUP_SIZE * 3));
    } else {
      to = Math.floor(rng() * n);
    }
    if (to === from) to = (from + 1) % n;
    const port = PORTS[Math.floor(rng() * PORTS.length)] as number;
    queries.push(
      q % 10 === 9
        ? { from: pick(from), to: pick(to), protocol: "icmp" }
        : { from: pick(from), to: pick(to), protocol: "tcp", port },
    );
  }
  return queries;
}

/** Route entries the model holds: VPC tables (plus one implicit local route each) and TGW tables. */
export function countRoutes(topology: TopologyInput): number {
  let routes = 0;
  for (const table of topology.routeTables ?? []) routes += (table.routes?.length ?? 0) + 1;
  for (const table of topology.transitGatewayRouteTables ?? [])
    routes += (table.routes?.length ?? 0) + (table.propagations?.length ?? 0);
  return routes;
}
