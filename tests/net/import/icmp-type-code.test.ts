// ICMP rules restricted to a type/code (FromPort/ToPort of an SG permission, IcmpTypeCode of a NACL entry, -1 = all;
// EC2 API Reference, IpPermission): the import keeps them as the rule's fromPort (type) and toPort (code), which
// the model matches (SG-05), and names them the way the EC2 console shows them.
import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";
import { icmpTypeCodeText } from "@/lib/net/import/icmp-text";

const vpc = {
  VpcId: "vpc-1",
  CidrBlock: "10.0.0.0/16",
  CidrBlockAssociationSet: [{ CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } }],
};

function imported(files: Record<string, unknown>) {
  const result = importAwsDescribe({ "describe-vpcs": { Vpcs: [vpc] }, ...files });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe("icmpTypeCodeText", () => {
  it("names known types as the console does, with the code or all codes", () => {
    expect(icmpTypeCodeText("icmp", 8, -1)).toBe("ICMP - Echo Request (type 8, all codes)");
    expect(icmpTypeCodeText(1, 3, 4)).toBe("ICMP - Destination Unreachable (type 3, code 4)");
    expect(icmpTypeCodeText("icmpv6", 128, -1)).toBe("ICMPv6 - Echo Request (type 128, all codes)");
  });

  it("gives the numbers for an unnamed type, and All for type -1", () => {
    expect(icmpTypeCodeText("icmp", 42, -1)).toBe("ICMP type 42, code -1/all");
    expect(icmpTypeCodeText("icmp", 42, 1)).toBe("ICMP type 42, code 1");
    expect(icmpTypeCodeText("icmp", -1, -1)).toBe("ICMP - All");
  });
});

describe("importing ICMP rules restricted to a type", () => {
  it("keeps the type an SG permission allowed (echo request only), -1 meaning all, without a warning", () => {
    const result = imported({
      "describe-security-groups": {
        SecurityGroups: [
          {
            GroupId: "sg-1",
            VpcId: "vpc-1",
            IpPermissions: [
              { IpProtocol: "icmp", FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
              { IpProtocol: "icmp", FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: "10.1.0.0/16" }] },
            ],
          },
        ],
      },
    });
    expect(result.warnings.filter((w) => w.message.includes("ICMP"))).toEqual([]);
    expect(result.topology.securityGroups[0]?.inbound).toEqual([
      { protocol: "icmp", fromPort: 8, cidrBlock: "10.0.0.0/8" },
      { protocol: "icmp", cidrBlock: "10.1.0.0/16" },
    ]);
  });

  it("keeps the type and code a network ACL entry named", () => {
    const result = imported({
      "describe-network-acls": {
        NetworkAcls: [
          {
            NetworkAclId: "acl-1",
            VpcId: "vpc-1",
            IsDefault: true,
            Entries: [
              {
                RuleNumber: 100,
                Protocol: "1",
                RuleAction: "deny",
                Egress: false,
                CidrBlock: "0.0.0.0/0",
                IcmpTypeCode: { Type: 3, Code: 4 },
              },
            ],
          },
        ],
      },
    });
    expect(result.warnings.filter((w) => w.message.includes("ICMP"))).toEqual([]);
    expect(result.topology.networkAcls[0]?.inbound[0]).toMatchObject({
      protocol: "icmp",
      fromPort: 3,
      toPort: 4,
    });
  });
});
