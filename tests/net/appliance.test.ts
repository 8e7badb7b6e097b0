import { describe, expect, it } from "vitest";
import { must } from "../support/must";
import { codes, edited, oneVpc, run, topo } from "./helpers";

/** A private subnet (h-a, no public IP) routing 0.0.0.0/0 to instance i-nat in a public subnet. */
const natInstance = topo(
  oneVpc({
    subnets: [
      {
        id: "subnet-a",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        routeTableId: "rtb-private",
      },
      {
        id: "subnet-pub",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.0.0/24",
        routeTableId: "rtb-public",
      },
    ],
    routeTables: [
      { id: "rtb-private", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "i-nat" }] },
      { id: "rtb-public", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
    ],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    instances: [
      { id: "i-a", name: "h-a", subnetId: "subnet-a", privateIp: "10.0.1.10", securityGroupIds: ["sg-open"] },
      {
        id: "i-nat",
        name: "nat",
        subnetId: "subnet-pub",
        privateIp: "10.0.0.20",
        publicIp: "54.90.7.7",
        securityGroupIds: ["sg-open"],
        sourceDestCheck: false,
      },
    ],
  }),
);

describe("an instance forwarding to an internet gateway (NATI-01)", () => {
  it("is assumed to translate the source to its own address, and the reply is translated back", () => {
    const a = run(natInstance, "h-a", "8.8.8.8", 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(
      a.details?.some((d) => d.code === "RCH_ASSUMED_NAT_INSTANCE" && d.message.includes("NATI-01")),
    ).toBe(true);
    const back = a.return.find((h) => h.action === "translate" && h.component.type === "network-interface");
    expect(back?.detail).toEqual({
      kind: "translation",
      field: "destination",
      from: "10.0.0.20",
      to: "10.0.1.10",
    });
  });

  it("without a public IP, blames the NAT instance's address and does not suggest a NAT gateway", () => {
    const t = edited(natInstance, (d) => {
      delete must(d.instances.find((i) => i.id === "i-nat")).publicIp;
    });
    const a = run(t, "h-a", "8.8.8.8", 443);
    const igw = a.blockers.find((b) => b.code === "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
    expect(igw?.message).toMatch(
      /^NAT instance address 10\.0\.0\.20 .*give the NAT instance a public or Elastic IP/,
    );
    expect(igw?.message).not.toMatch(/NAT gateway/);
    expect(igw?.rules).toContain("NATI-01");
  });

  it("does not translate a source that has its own public address (an inspection appliance)", () => {
    const t = edited(natInstance, (d) => {
      must(d.instances.find((i) => i.id === "i-a")).publicIp = "3.3.3.3";
    });
    const a = run(t, "h-a", "8.8.8.8", 443);
    expect(a.reachable).toBe(true);
    expect(a.details?.some((d) => d.code === "RCH_ASSUMED_NAT_INSTANCE") ?? false).toBe(false);
    expect(a.forward.some((h) => h.outbound?.srcIp === "3.3.3.3")).toBe(true);
  });
});
