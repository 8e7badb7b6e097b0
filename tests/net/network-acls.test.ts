import { describe, expect, it } from "vitest";
import { toCidr, toIp } from "@/lib/net/cidr";
import { compileNetworkAcl, evaluateNetworkAcl } from "@/lib/net/network-acls";
import type { NaclRule } from "@/lib/net/topology";
import { codes, example, oneVpc, run, topo } from "./helpers";

const acl = (inbound: NaclRule[]) =>
  compileNetworkAcl({ id: "acl-1", vpcId: "vpc-1", isDefault: false, inbound, outbound: [] }, toCidr);
const pkt = (ip: string, port = 22) => ({ remote: toIp(ip), protocol: "tcp" as const, port });

describe("network ACLs", () => {
  it("ACL-03: the lowest-numbered matching rule wins, whatever the array order", () => {
    const deny: NaclRule = {
      ruleNumber: 90,
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrBlock: "10.0.0.0/16",
      action: "deny",
    };
    const allow: NaclRule = { ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" };
    expect(evaluateNetworkAcl(acl([allow, deny]), "inbound", pkt("10.0.5.5"))).toMatchObject({
      allowed: false,
      ruleNumber: 90,
    });
    expect(evaluateNetworkAcl(acl([deny, allow]), "inbound", pkt("10.0.5.5"))).toMatchObject({
      allowed: false,
      ruleNumber: 90,
    });
    expect(evaluateNetworkAcl(acl([allow, deny]), "inbound", pkt("10.1.5.5"))).toMatchObject({
      allowed: true,
      ruleNumber: 100,
    });
  });

  it("ACL-04: unmatched traffic hits the final * deny rule", () => {
    expect(
      evaluateNetworkAcl(
        acl([
          {
            ruleNumber: 100,
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlock: "0.0.0.0/0",
            action: "allow",
          },
        ]),
        "inbound",
        pkt("1.2.3.4", 22),
      ),
    ).toMatchObject({ allowed: false, ruleNumber: "*" });
  });

  it("ACL-07: IPv4 rules never match IPv6 traffic", () => {
    expect(
      evaluateNetworkAcl(
        acl([{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }]),
        "inbound",
        pkt("2001:db8::1"),
      ).allowed,
    ).toBe(false);
  });

  it("ACL-05: a custom NACL denies everything until rules are added; the default NACL allows all", () => {
    const custom = topo(
      oneVpc({
        networkAcls: [{ id: "acl-custom", vpcId: "vpc-1" }],
        subnets: [
          { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
          {
            id: "subnet-b",
            vpcId: "vpc-1",
            availabilityZone: "us-east-1b",
            cidrBlock: "10.0.2.0/24",
            networkAclId: "acl-custom",
          },
        ],
      }),
    );
    const a = run(custom, "h-a", "h-b");
    expect(codes(a)).toContain("SUBNET_ACL_RESTRICTION");
    expect(run(topo(oneVpc()), "h-a", "h-b").reachable).toBe(true);
  });

  it("ACL-01: NACLs are evaluated at both subnet boundaries (source outbound, destination inbound)", () => {
    const a = run(topo(oneVpc()), "h-a", "h-b");
    const nacls = a.forward
      .filter((h) => h.component.type === "network-acl")
      .map((h) => h.matched?.description.split(" ")[0]);
    expect(nacls).toEqual(["outbound", "inbound"]);
  });

  it("ACL-02: NACLs are stateless – a missing ephemeral-port rule drops only the reply (golden: nacl-blocks-responses)", () => {
    const a = run(example("nacl-blocks-responses"), "internet", "web", 443);
    expect(a.reachable).toBe(false);
    expect(a.blockers).toHaveLength(1);
    expect(a.blockers[0]).toMatchObject({
      code: "SUBNET_ACL_RESTRICTION",
      component: "acl-web",
      direction: "return",
    });
    expect(a.blockers[0]?.rules).toEqual(expect.arrayContaining(["ACL-02", "ACL-08"]));
    expect(a.forward.at(-1)?.action).toBe("deliver");
  });

  it("ORD-03: a reply is never blocked by a security group, only by a NACL or routing", () => {
    const a = run(example("nacl-blocks-responses"), "internet", "web", 443);
    expect(
      a.return.filter((h) => h.component.type === "security-group").every((h) => h.action === "allow"),
    ).toBe(true);
  });
});
