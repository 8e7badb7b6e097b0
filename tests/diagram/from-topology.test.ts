import { describe, expect, it } from "vitest";
import { highlightFromAnalysis, topologyToDiagram } from "../../lib/diagram/from-topology";
import { layoutDiagram } from "../../lib/diagram/layout";
import { parseTopology, type Analysis, type Topology } from "../../lib/net";

function topology(): Topology {
  const parsed = parseTopology({
    vpcs: [
      { id: "vpc-a", name: "A", cidrBlocks: ["10.0.0.0/16"] },
      { id: "vpc-b", name: "B", cidrBlocks: ["10.1.0.0/16"] },
      { id: "vpc-c", name: "C", cidrBlocks: ["10.2.0.0/16"], region: "eu-west-1" },
    ],
    subnets: [
      {
        id: "subnet-a",
        vpcId: "vpc-a",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        networkAclId: "acl-a",
      },
      { id: "subnet-b", vpcId: "vpc-b", availabilityZone: "us-east-1b", cidrBlock: "10.1.1.0/24" },
    ],
    networkAcls: [{ id: "acl-a", vpcId: "vpc-a" }],
    instances: [
      { id: "i-a", name: "web", subnetId: "subnet-a", privateIp: "10.0.1.10" },
      { id: "i-b", name: "db", subnetId: "subnet-b", privateIp: "10.1.1.10" },
    ],
    internetGateways: [{ id: "igw-a", vpcId: "vpc-a" }],
    peeringConnections: [
      { id: "pcx-ab", requesterVpcId: "vpc-a", accepterVpcId: "vpc-b" },
      { id: "pcx-bc", requesterVpcId: "vpc-b", accepterVpcId: "vpc-c", status: "pending-acceptance" },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.topology;
}

describe("topologyToDiagram", () => {
  it("nests instances in subnets, subnets in VPCs and VPCs in their region", () => {
    const diagram = topologyToDiagram(topology());
    const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
    expect(byId.get("i-a")?.parent).toBe("subnet-a");
    expect(byId.get("subnet-a")?.parent).toBe("vpc-a");
    expect(byId.get("vpc-a")?.parent).toBe("region:us-east-1");
    expect(byId.get("vpc-c")?.parent).toBe("region:eu-west-1");
    expect(byId.get("vpc-a")?.label).toEqual(["A", "10.0.0.0/16"]);
  });

  it("draws peerings as links, a pending one as inactive, and an IGW with the internet", () => {
    const diagram = topologyToDiagram(topology());
    const ab = diagram.edges.find((edge) => edge.id === "pcx-ab");
    const bc = diagram.edges.find((edge) => edge.id === "pcx-bc");
    expect(ab).toMatchObject({ source: "vpc-a", target: "vpc-b", kind: "peering" });
    expect(ab?.inactive).toBe(false);
    expect(bc?.inactive).toBe(true);
    expect(bc?.label).toContain("pending-acceptance");
    expect(diagram.nodes.some((node) => node.id === "internet")).toBe(true);
  });

  it("lays out without unknown edge ends", async () => {
    const placed = await layoutDiagram(topologyToDiagram(topology()));
    expect(placed.edges.map((edge) => edge.id).sort()).toEqual(["igw-a->internet", "pcx-ab", "pcx-bc"]);
  });
});

describe("highlightFromAnalysis", () => {
  it("marks hops on the path and shows an undrawn blocker (a NACL) on the subnet it guards", () => {
    const t = topology();
    const diagram = topologyToDiagram(t);
    const analysis: Analysis = {
      reachable: false,
      query: { from: "i-b", to: "i-a", protocol: "tcp", port: 22 },
      forward: [
        {
          component: { id: "i-b", type: "instance" },
          action: "send",
          direction: "forward",
          detail: { kind: "send", at: "interface" },
        },
        {
          component: { id: "pcx-ab", type: "vpc-peering-connection" },
          action: "forward",
          direction: "forward",
          detail: { kind: "gateway", gateway: "pcx-ab" },
        },
        {
          component: { id: "acl-a", type: "network-acl" },
          action: "deny",
          direction: "forward",
          detail: { kind: "network-acl", acl: "acl-a", side: "inbound", ruleNumber: "*", allowed: false },
        },
      ],
      return: [],
      blockers: [
        {
          code: "SUBNET_ACL_RESTRICTION",
          component: "acl-a",
          message: "denied",
          rules: ["ACL-01"],
          detail: {
            kind: "network-acl",
            direction: "forward",
            side: "inbound",
            acl: { id: "acl-a" },
            subnet: { id: "subnet-a" },
            traffic: { protocol: "tcp", port: 22 },
            remote: "10.1.0.10",
            ruleNumber: "*",
            rule: "rule * (deny all unmatched traffic)",
          },
        },
      ],
      flowLogs: [],
    };
    const highlight = highlightFromAnalysis(t, diagram, analysis);
    expect(highlight.nodes.get("i-b")).toBe("on-path");
    expect(highlight.edges.get("pcx-ab")).toBe("on-path");
    expect(highlight.nodes.get("subnet-a")).toBe("blocked");
    expect(highlight.nodes.has("i-a")).toBe(false);
  });
});
