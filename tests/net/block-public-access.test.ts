import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/net/topology";
import { codes, edited, run, topo } from "./helpers";

// aws-rules IGW-07: VPC Block Public Access. web (public subnet, public IP) and app (private subnet, 0.0.0.0/0
// -> NAT gateway in the public subnet).
function base(): Topology {
  return topo({
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [
      {
        id: "subnet-pub",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.0.0/24",
        routeTableId: "rtb-pub",
      },
      {
        id: "subnet-priv",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        routeTableId: "rtb-priv",
      },
    ],
    routeTables: [
      { id: "rtb-pub", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
      { id: "rtb-priv", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "nat-1" }] },
    ],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    natGateways: [{ id: "nat-1", subnetId: "subnet-pub", privateIp: "10.0.0.5", publicIp: "54.0.0.5" }],
    securityGroups: [
      { id: "sg-open", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] },
    ],
    instances: [
      {
        id: "i-web",
        name: "web",
        subnetId: "subnet-pub",
        privateIp: "10.0.0.10",
        publicIp: "54.0.0.10",
        securityGroupIds: ["sg-open"],
      },
      {
        id: "i-app",
        name: "app",
        subnetId: "subnet-priv",
        privateIp: "10.0.1.10",
        securityGroupIds: ["sg-open"],
      },
    ],
  });
}

const withBpa = (
  mode: "block-bidirectional" | "block-ingress",
  exclusions: {
    vpc?: "allow-bidirectional" | "allow-egress";
    pub?: "allow-bidirectional" | "allow-egress";
  } = {},
): Topology =>
  edited(base(), (d) => {
    const vpc = d.vpcs[0];
    if (vpc) {
      vpc.blockPublicAccess = mode;
      if (exclusions.vpc) vpc.blockPublicAccessExclusion = exclusions.vpc;
    }
    const pub = d.subnets.find((s) => s.id === "subnet-pub");
    if (pub && exclusions.pub) pub.blockPublicAccessExclusion = exclusions.pub;
  });

describe("VPC Block Public Access (IGW-07)", () => {
  it("off (absent): the internet reaches web and app reaches the internet", () => {
    expect(run(base(), "internet", "web", 443).reachable).toBe(true);
    expect(run(base(), "app", "internet", 443).reachable).toBe(true);
  });

  it("bidirectional blocks both directions, NAT gateway traffic included", () => {
    const t = withBpa("block-bidirectional");
    const inbound = run(t, "internet", "web", 443);
    expect(codes(inbound)).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
    expect(inbound.blockers[0]?.detail).toMatchObject({
      kind: "block-public-access",
      initiated: "inbound",
      mode: "block-bidirectional",
    });
    expect(codes(run(t, "web", "internet", 443))).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
    expect(codes(run(t, "app", "internet", 443))).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
  });

  it("ingress-only blocks connections from the internet and direct egress, but lets the NAT gateway out", () => {
    const t = withBpa("block-ingress");
    expect(codes(run(t, "internet", "web", 443))).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
    expect(codes(run(t, "web", "internet", 443))).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
    const nat = run(t, "app", "internet", 443);
    expect(nat.reachable).toBe(true);
    expect(nat.forward.map((h) => h.component.id)).toContain("nat-1");
  });

  it("an allow-egress exclusion of the public subnet lets connections out but not in (bidirectional mode)", () => {
    const t = withBpa("block-bidirectional", { pub: "allow-egress" });
    expect(run(t, "web", "internet", 443).reachable).toBe(true);
    expect(run(t, "app", "internet", 443).reachable).toBe(true);
    const inbound = run(t, "internet", "web", 443);
    expect(codes(inbound)).toEqual(["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"]);
    expect(inbound.blockers[0]?.detail).toMatchObject({ exclusion: "allow-egress" });
  });

  it("an allow-bidirectional exclusion of the VPC lets everything through", () => {
    const t = withBpa("block-bidirectional", { vpc: "allow-bidirectional" });
    expect(run(t, "internet", "web", 443).reachable).toBe(true);
    expect(run(t, "app", "internet", 443).reachable).toBe(true);
  });
});
