import { describe, expect, it } from "vitest";
import { codes, edited, oneVpc, run, topo, twoPeered } from "./helpers";

describe("security groups", () => {
  it("SG-01: rules of all attached groups are unioned", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          { id: "sg-open", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] },
          {
            id: "sg-ssh",
            vpcId: "vpc-1",
            inbound: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/16" }],
          },
          {
            id: "sg-web",
            vpcId: "vpc-1",
            inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/16" }],
          },
        ],
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-open"],
          },
          {
            id: "i-b",
            name: "h-b",
            subnetId: "subnet-b",
            privateIp: "10.0.2.10",
            securityGroupIds: ["sg-ssh", "sg-web"],
          },
        ],
      }),
    );
    expect(run(t, "h-a", "h-b", 22).reachable).toBe(true);
    expect(run(t, "h-a", "h-b", 443).reachable).toBe(true);
    const blocked = run(t, "h-a", "h-b", 3389);
    expect(codes(blocked)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    expect(blocked.blockers[0]?.message).toMatch(/inbound/);
  });

  it("SG-02: replies are allowed by connection tracking even with no outbound rule", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          { id: "sg-open", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] },
          {
            id: "sg-in-only",
            vpcId: "vpc-1",
            inbound: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/16" }],
            outbound: [],
          },
        ],
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-open"],
          },
          {
            id: "i-b",
            name: "h-b",
            subnetId: "subnet-b",
            privateIp: "10.0.2.10",
            securityGroupIds: ["sg-in-only"],
          },
        ],
      }),
    );
    const a = run(t, "h-a", "h-b", 22);
    expect(a.reachable).toBe(true);
    expect(a.return.find((h) => h.component.type === "security-group")?.matched?.description).toMatch(
      /connection tracking/,
    );
    // ...but the same host cannot start a connection outwards.
    expect(codes(run(t, "h-b", "h-a", 22))).toEqual(["SG_HAS_NO_RULES"]);
  });

  it("SG-03: a group without inbound rules blocks all inbound traffic; omitted outbound means allow all", () => {
    const t = topo(
      oneVpc({
        securityGroups: [{ id: "sg-new", vpcId: "vpc-1" }],
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-new"],
          },
          {
            id: "i-b",
            name: "h-b",
            subnetId: "subnet-b",
            privateIp: "10.0.2.10",
            securityGroupIds: ["sg-new"],
          },
        ],
      }),
    );
    const a = run(t, "h-a", "h-b", 22);
    expect(codes(a)).toEqual(["SG_HAS_NO_RULES"]);
    expect(a.forward.find((h) => h.component.type === "security-group")?.action).toBe("allow");
  });

  it("SG-05: port ranges and protocols are matched", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          {
            id: "sg-open",
            vpcId: "vpc-1",
            inbound: [{ protocol: "udp", fromPort: 1000, toPort: 2000, cidrBlock: "10.0.0.0/16" }],
          },
        ],
      }),
    );
    expect(run(t, "h-a", "h-b", 1500, "udp").reachable).toBe(true);
    expect(run(t, "h-a", "h-b", 2001, "udp").reachable).toBe(false);
    expect(run(t, "h-a", "h-b", 1500, "tcp").reachable).toBe(false);
  });

  it("SG-06: a rule may reference a security group; it matches the private IPs of its members", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          { id: "sg-client", vpcId: "vpc-1" },
          { id: "sg-other", vpcId: "vpc-1" },
          {
            id: "sg-server",
            vpcId: "vpc-1",
            inbound: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-client" }],
          },
        ],
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-client"],
          },
          {
            id: "i-c",
            name: "h-c",
            subnetId: "subnet-a",
            privateIp: "10.0.1.11",
            securityGroupIds: ["sg-other"],
          },
          {
            id: "i-b",
            name: "h-b",
            subnetId: "subnet-b",
            privateIp: "10.0.2.10",
            securityGroupIds: ["sg-server"],
          },
        ],
      }),
    );
    expect(run(t, "h-a", "h-b", 5432).reachable).toBe(true);
    expect(codes(run(t, "h-c", "h-b", 5432))).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });

  it("PCX-11: a peer VPC's security group can be referenced over an active same-Region peering", () => {
    const input = twoPeered();
    input.securityGroups = [
      { id: "sg-1", vpcId: "vpc-1" },
      {
        id: "sg-2",
        vpcId: "vpc-2",
        inbound: [{ protocol: "tcp", fromPort: 22, toPort: 22, securityGroupId: "sg-1" }],
      },
    ];
    expect(run(topo(input), "h-1", "h-2", 22).reachable).toBe(true);
    const pending = twoPeered({ status: "pending-acceptance" });
    pending.securityGroups = input.securityGroups;
    expect(codes(run(topo(pending), "h-1", "h-2", 22))).toContain("ENI_SG_RULES_MISMATCH");
  });
});

describe("default security group", () => {
  it("SG-04: an interface without groups gets the VPC default group – all from itself, all outbound", () => {
    let t = topo(
      oneVpc({
        securityGroups: [],
        instances: [
          { id: "i-a", name: "h-a", subnetId: "subnet-a", privateIp: "10.0.1.10" },
          { id: "i-b", name: "h-b", subnetId: "subnet-b", privateIp: "10.0.2.10" },
          {
            id: "i-c",
            name: "h-c",
            subnetId: "subnet-b",
            privateIp: "10.0.2.11",
            securityGroupIds: ["sg-x"],
          },
        ],
      }),
    );
    t = edited(t, (d) => {
      d.securityGroups.push({ id: "sg-x", vpcId: "vpc-1", inbound: [] });
    });
    expect(run(t, "h-a", "h-b", 22).reachable).toBe(true);
    expect(codes(run(t, "h-c", "h-b", 22))).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });
});
