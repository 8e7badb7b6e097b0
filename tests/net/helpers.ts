import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { analyze } from "@/lib/net/reachability";
import { formatIssue, parseTopology, parseTopologyText } from "@/lib/net/parse";
import type { Query } from "@/lib/net/query";
import type { Topology, TopologyInput, Writable } from "@/lib/net/topology";

export const TOPOLOGY_DIR = path.resolve(import.meta.dirname, "../../content/topologies");

export function topo(input: TopologyInput): Topology {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.topology;
}

export function example(name: string): Topology {
  const r = parseTopologyText(readFileSync(path.join(TOPOLOGY_DIR, `${name}.yaml`), "utf8"), "yaml");
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.topology;
}

/**
 * A changed copy of a topology: `change` edits a private deep copy (a writable draft) that is then handed
 * over as a new, readonly Topology. The original is untouched, so an analysis of it stays valid.
 */
export function edited(t: Topology, change: (draft: Writable<Topology>) => void): Topology {
  const draft = structuredClone(t) as Writable<Topology>;
  change(draft);
  return draft;
}

export function exampleFiles(): string[] {
  return readdirSync(TOPOLOGY_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
}

export function run(t: Topology, from: string, to: string, port = 22, protocol: Query["protocol"] = "tcp") {
  return analyze(t, { from, to, protocol, ...(protocol === "icmp" ? {} : { port }) });
}

export const codes = (a: { blockers: { code: string }[] }): string[] => a.blockers.map((b) => b.code);

/** One VPC, two subnets (a, b) in us-east-1a/b, hosts h-a (10.0.1.10) and h-b (10.0.2.10), open SG. */
export function oneVpc(extra: Partial<TopologyInput> = {}): TopologyInput {
  return {
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [
      { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
      { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.2.0/24" },
    ],
    securityGroups: [
      { id: "sg-open", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] },
    ],
    instances: [
      { id: "i-a", name: "h-a", subnetId: "subnet-a", privateIp: "10.0.1.10", securityGroupIds: ["sg-open"] },
      { id: "i-b", name: "h-b", subnetId: "subnet-b", privateIp: "10.0.2.10", securityGroupIds: ["sg-open"] },
    ],
    ...extra,
  };
}

/** Two peered VPCs: vpc-1 (10.0.0.0/16, host h-1) and vpc-2 (10.1.0.0/16, host h-2). */
export function twoPeered(
  opts: { status?: "active" | "pending-acceptance"; routeBack?: boolean; createdAt?: number } = {},
): TopologyInput {
  return {
    vpcs: [
      { id: "vpc-1", cidrBlocks: ["10.0.0.0/16"], enableDnsHostnames: true },
      { id: "vpc-2", cidrBlocks: ["10.1.0.0/16"], enableDnsHostnames: true },
    ],
    subnets: [
      {
        id: "subnet-1",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        routeTableId: "rtb-1",
      },
      {
        id: "subnet-2",
        vpcId: "vpc-2",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.1.1.0/24",
        routeTableId: "rtb-2",
      },
    ],
    routeTables: [
      { id: "rtb-1", vpcId: "vpc-1", routes: [{ destination: "10.1.0.0/16", target: "pcx-12" }] },
      {
        id: "rtb-2",
        vpcId: "vpc-2",
        routes: opts.routeBack === false ? [] : [{ destination: "10.0.0.0/16", target: "pcx-12" }],
      },
    ],
    peeringConnections: [
      {
        id: "pcx-12",
        requesterVpcId: "vpc-1",
        accepterVpcId: "vpc-2",
        status: opts.status ?? "active",
        ...(opts.createdAt !== undefined ? { createdAt: opts.createdAt } : {}),
      },
    ],
    securityGroups: [
      { id: "sg-1", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }] },
      { id: "sg-2", vpcId: "vpc-2", inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }] },
    ],
    instances: [
      { id: "i-1", name: "h-1", subnetId: "subnet-1", privateIp: "10.0.1.10", securityGroupIds: ["sg-1"] },
      { id: "i-2", name: "h-2", subnetId: "subnet-2", privateIp: "10.1.1.10", securityGroupIds: ["sg-2"] },
    ],
  };
}
