// VPC-04: an IPv6-only subnet (IPv6 block, no IPv4 block) gives its interfaces IPv6 addresses only; an IPv4
// address on an instance, network interface or endpoint there is one AWS could never have assigned.
import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import type { TopologyInput } from "@/lib/net/topology";
import { topo } from "./helpers";

function ipv6Only(extra: Partial<TopologyInput>): TopologyInput {
  return {
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"], ipv6CidrBlocks: ["2600:1f18:1::/56"] }],
    subnets: [
      {
        id: "subnet-v6",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        ipv6CidrBlock: "2600:1f18:1:1::/64",
      },
      {
        id: "subnet-dual",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        ipv6CidrBlock: "2600:1f18:1:2::/64",
      },
    ],
    ...extra,
  };
}

const ipv4Findings = (t: TopologyInput) =>
  validate(topo(t)).filter((i) => i.code === "RCH_IPV4_IN_IPV6_ONLY_SUBNET");

describe("validate VPC-04: IPv4 addresses in an IPv6-only subnet", () => {
  it("is an error naming the instance, the field and the subnet", () => {
    const issues = ipv4Findings(
      ipv6Only({ instances: [{ id: "i-v6", subnetId: "subnet-v6", privateIp: "10.0.9.10" }] }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", path: "instances[0].privateIp", rules: ["VPC-04"] });
    expect(issues[0]?.message).toContain("Instance i-v6 has the IPv4 address 10.0.9.10 (privateIp)");
    expect(issues[0]?.message).toContain("subnet subnet-v6 is IPv6-only");
  });

  it("flags a network interface's private, secondary and public IPv4 addresses, each by field", () => {
    const issues = ipv4Findings(
      ipv6Only({
        networkInterfaces: [
          {
            id: "eni-v6",
            subnetId: "subnet-v6",
            privateIp: "2600:1f18:1:1::10",
            secondaryPrivateIps: ["10.0.9.11"],
            publicIp: "54.1.2.3",
          },
          { id: "eni-v4", subnetId: "subnet-v6", privateIp: "10.0.9.12" },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      "networkInterfaces[0].secondaryPrivateIps[0]",
      "networkInterfaces[0].publicIp",
      "networkInterfaces[1].privateIp",
    ]);
    expect(issues.every((i) => i.message.startsWith("Network interface eni-v"))).toBe(true);
  });

  it("accepts IPv6 addresses there, and IPv4 addresses in a dual-stack subnet", () => {
    expect(
      ipv4Findings(
        ipv6Only({
          instances: [
            { id: "i-v6", subnetId: "subnet-v6", privateIp: "2600:1f18:1:1::20" },
            { id: "i-dual", subnetId: "subnet-dual", privateIp: "10.0.1.20", publicIp: "54.1.2.4" },
          ],
        }),
      ),
    ).toEqual([]);
  });
});
