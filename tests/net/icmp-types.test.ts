// SG-05, ACL-02: `--protocol icmp` is a ping: an echo request (type 8; ICMPv6 128) whose reply is an echo reply
// (type 0; ICMPv6 129). An ICMP rule's fromPort is the type and toPort the code (absent = all), and a stateless
// network ACL judges the reply by its own type.
import { describe, expect, it } from "vitest";
import type { NaclRule, SgRule } from "@/lib/net/topology";
import { codes, oneVpc, run, topo } from "./helpers";

const acl = (inbound: NaclRule[], outbound: NaclRule[]) =>
  topo(
    oneVpc({
      subnets: [
        { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
        {
          id: "subnet-b",
          vpcId: "vpc-1",
          availabilityZone: "us-east-1b",
          cidrBlock: "10.0.2.0/24",
          networkAclId: "acl-b",
        },
      ],
      networkAcls: [{ id: "acl-b", vpcId: "vpc-1", inbound, outbound }],
    }),
  );

const icmp = (ruleNumber: number, type?: number, code?: number): NaclRule => ({
  ruleNumber,
  protocol: "icmp",
  ...(type === undefined ? {} : { fromPort: type }),
  ...(code === undefined ? {} : { toPort: code }),
  cidrBlock: "0.0.0.0/0",
  action: "allow",
});

const sg = (inbound: SgRule[]) =>
  topo(oneVpc({ securityGroups: [{ id: "sg-open", vpcId: "vpc-1", inbound }] }));

describe("ICMP types in network ACLs (ACL-02)", () => {
  it("an ACL allowing only echo requests both ways drops the echo reply leaving the destination's subnet", () => {
    const a = run(acl([icmp(100, 8)], [icmp(100, 8)]), "h-a", "h-b", undefined, "icmp");
    expect(a.reachable).toBe(false);
    expect(a.blockers.map((b) => [b.code, b.direction])).toEqual([["SUBNET_ACL_RESTRICTION", "return"]]);
  });

  it("echo request in and echo reply out is a ping that works", () => {
    const a = run(acl([icmp(100, 8)], [icmp(100, 0)]), "h-a", "h-b", undefined, "icmp");
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
  });

  it("only echo replies in: the request is refused at the destination's inbound side", () => {
    const a = run(acl([icmp(100, 0)], [icmp(100)]), "h-a", "h-b", undefined, "icmp");
    expect(a.blockers.map((b) => [b.code, b.direction])).toEqual([["SUBNET_ACL_RESTRICTION", "forward"]]);
  });

  it("a type with a code other than 0 matches no echo; all ICMP (no type) matches both", () => {
    expect(run(acl([icmp(100, 8, 1)], [icmp(100)]), "h-a", "h-b", undefined, "icmp").reachable).toBe(false);
    expect(run(acl([icmp(100, 8, 0)], [icmp(100)]), "h-a", "h-b", undefined, "icmp").reachable).toBe(true);
    expect(run(acl([icmp(100)], [icmp(100)]), "h-a", "h-b", undefined, "icmp").reachable).toBe(true);
  });

  it("an ICMP type rule does not change TCP", () => {
    const t = acl(
      [
        icmp(100, 8),
        {
          ruleNumber: 200,
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrBlock: "0.0.0.0/0",
          action: "allow",
        },
      ],
      [
        {
          ruleNumber: 100,
          protocol: "tcp",
          fromPort: 1024,
          toPort: 65535,
          cidrBlock: "0.0.0.0/0",
          action: "allow",
        },
      ],
    );
    expect(run(t, "h-a", "h-b", 22).reachable).toBe(true);
  });
});

describe("ICMP types in security groups (SG-05)", () => {
  it("inbound echo request is ping; the reply is tracked whatever the rules say", () => {
    const a = run(
      sg([{ protocol: "icmp", fromPort: 8, cidrBlock: "10.0.0.0/16" }]),
      "h-a",
      "h-b",
      undefined,
      "icmp",
    );
    expect(codes(a)).toEqual([]);
  });

  it("inbound echo reply only does not let a ping in", () => {
    const a = run(
      sg([{ protocol: "icmp", fromPort: 0, cidrBlock: "10.0.0.0/16" }]),
      "h-a",
      "h-b",
      undefined,
      "icmp",
    );
    expect(codes(a)).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });
});
