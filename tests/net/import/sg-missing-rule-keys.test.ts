import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

// describe-security-groups always prints IpPermissions and IpPermissionsEgress ([] when empty). A group without one
// was filtered or edited: the import reads it as no rules on that side and says so (exam7 F7).
function importGroup(group: Record<string, unknown>) {
  const r = importAwsDescribe({
    "describe-vpcs": { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] },
    "describe-security-groups": { SecurityGroups: [{ GroupId: "sg-1", VpcId: "vpc-1", ...group }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

describe("a security group without a rule list key", () => {
  it("no IpPermissionsEgress: no outbound rules, with a warning naming the group and the assumption", () => {
    const r = importGroup({ IpPermissions: [] });
    expect(r.topology.securityGroups[0]?.outbound).toEqual([]);
    const messages = r.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /SecurityGroups\[0\] \(sg-1\): has no IpPermissionsEgress key.*read as no outbound rules/,
      ),
    ]);
  });

  it("both keys present (even empty): no warning", () => {
    const r = importGroup({ IpPermissions: [], IpPermissionsEgress: [] });
    expect(r.warnings).toEqual([]);
  });
});
