import { describe, expect, it } from "vitest";
import { must } from "../support/must";
import { codes, edited, oneVpc, run, topo } from "./helpers";

/**
 * h-a (subnet-a) -> firewall (subnet-fw) -> h-b (subnet-b): subnet-a's route for subnet-b's CIDR targets the
 * firewall instance (middlebox routing, RT-03), and h-b's group admits h-a's group by reference.
 */
const throughFirewall = topo(
  oneVpc({
    subnets: [
      {
        id: "subnet-a",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        routeTableId: "rtb-a",
      },
      { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.2.0/24" },
      { id: "subnet-fw", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.9.0/24" },
    ],
    routeTables: [{ id: "rtb-a", vpcId: "vpc-1", routes: [{ destination: "10.0.2.0/24", target: "i-fw" }] }],
    securityGroups: [
      { id: "sg-open", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] },
      { id: "sg-app", vpcId: "vpc-1", inbound: [] },
      {
        id: "sg-db",
        vpcId: "vpc-1",
        inbound: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-app" }],
      },
    ],
    instances: [
      { id: "i-a", name: "h-a", subnetId: "subnet-a", privateIp: "10.0.1.10", securityGroupIds: ["sg-app"] },
      { id: "i-b", name: "h-b", subnetId: "subnet-b", privateIp: "10.0.2.10", securityGroupIds: ["sg-db"] },
      {
        id: "i-fw",
        name: "fw",
        subnetId: "subnet-fw",
        privateIp: "10.0.9.5",
        securityGroupIds: ["sg-open"],
        sourceDestCheck: false,
      },
    ],
  }),
);

describe("a group reference after a middlebox (SG-07)", () => {
  it("matches when the packet comes straight from the sender", () => {
    const direct = edited(throughFirewall, (d) => {
      must(d.routeTables.find((r) => r.id === "rtb-a")).routes = [];
    });
    const a = run(direct, "h-a", "h-b", 5432);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
  });

  it("matches nothing once the packet was routed through an appliance, and says so", () => {
    const a = run(throughFirewall, "h-a", "h-b", 5432);
    expect(a.reachable).toBe(false);
    expect(a.forward.some((h) => h.detail.kind === "forwarder")).toBe(true);
    const sg = must(a.blockers.find((b) => b.code === "ENI_SG_RULES_MISMATCH"));
    expect(sg.rules).toContain("SG-07");
    expect(sg.message).toMatch(/routed through .*fw/);
    expect(sg.message).toMatch(/address or subnet CIDR/);
  });

  it("is reachable through the appliance when the rule names the sender's CIDR instead", () => {
    const byCidr = edited(throughFirewall, (d) => {
      must(d.securityGroups.find((g) => g.id === "sg-db")).inbound = [
        { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlock: "10.0.1.0/24" },
      ];
    });
    const a = run(byCidr, "h-a", "h-b", 5432);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
  });
});
