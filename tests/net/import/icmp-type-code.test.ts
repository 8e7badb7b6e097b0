// ICMP rules restricted to a type/code (FromPort/ToPort of an SG permission, IcmpTypeCode of a NACL entry;
// EC2 API Reference, IpPermission): the model does not match on type/code, and the import warning names the
// restriction the way the EC2 console shows it instead of a bare "icmp".
import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";
import { icmpTypeCodeText } from "@/lib/net/import/icmp-text";

const vpc = {
  VpcId: "vpc-1",
  CidrBlock: "10.0.0.0/16",
  CidrBlockAssociationSet: [{ CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } }],
};

function warningsFor(files: Record<string, unknown>): string[] {
  const result = importAwsDescribe({ "describe-vpcs": { Vpcs: [vpc] }, ...files });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.warnings.map((w) => w.message);
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
  it("says which type an SG permission allowed (echo request only), not just icmp", () => {
    const warnings = warningsFor({
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
    const icmp = warnings.filter((w) => w.includes("ICMP"));
    expect(icmp).toEqual([
      "ICMP - Echo Request (type 8, all codes): ICMP type/code restrictions are not modelled, so the rule is read as allowing all ICMP",
    ]);
  });

  it("says which type and code a network ACL entry named", () => {
    const warnings = warningsFor({
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
    expect(warnings.filter((w) => w.includes("ICMP"))).toEqual([
      "ICMP - Destination Unreachable (type 3, code 4): ICMP type/code restrictions are not modelled, so the entry is read as applying to all ICMP",
    ]);
  });
});
