import { describe, expect, it } from "vitest";
import { formatIssue, parseTopology, parseTopologyText } from "@/lib/net/parse";

describe("parseTopology", () => {
  it("reports a misaligned CIDR with its path and a did-you-mean", () => {
    const result = parseTopology({
      vpcs: [
        { id: "vpc-a", cidrBlocks: ["10.0.0.0/16"] },
        { id: "vpc-b", cidrBlocks: ["10.1.0.0/16"] },
        { id: "vpc-c", cidrBlocks: ["10.0.0.5/16"] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toContain(
      'vpcs[2].cidrBlocks[0]: "10.0.0.5/16" is not a network address (did you mean 10.0.0.0/16?)',
    );
  });

  it("fills defaults (main DNS flags, empty lists)", () => {
    const result = parseTopology({ vpcs: [{ id: "vpc-a", cidrBlocks: ["10.0.0.0/16"] }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.vpcs[0]?.enableDnsSupport).toBe(true);
    expect(result.topology.subnets).toEqual([]);
  });

  it("parses YAML and reports YAML syntax errors as an issue", () => {
    const ok = parseTopologyText("vpcs:\n  - id: vpc-a\n    cidrBlocks: [10.0.0.0/16]\n", "yaml");
    expect(ok.ok).toBe(true);
    const bad = parseTopologyText("vpcs: [", "yaml");
    expect(bad.ok).toBe(false);
    const badJson = parseTopologyText("{", "json");
    expect(badJson.ok).toBe(false);
  });

  it("rejects an IPv6 block in cidrBlocks", () => {
    const result = parseTopology({ vpcs: [{ id: "vpc-a", cidrBlocks: ["2001:db8::/56"] }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("vpcs[0].cidrBlocks[0]");
  });

  it("reports unknown fields with their path and the closest accepted field, at every level", () => {
    const result = parseTopology({
      subnet: [],
      vpcs: [{ id: "vpc-a", cidrBlocks: ["10.0.0.0/16"], enableDnsSuport: true }],
      routeTables: [{ id: "rtb-1", vpcId: "vpc-a", routes: [{ destinaton: "0.0.0.0/0", target: "igw-1" }] }],
      colour: "blue",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue).sort()).toEqual([
      "colour: unknown field",
      'routeTables[0].routes[0].destinaton: unknown field (did you mean "destination"?)',
      'subnet: unknown field (did you mean "subnets"?)',
      'vpcs[0].enableDnsSuport: unknown field (did you mean "enableDnsSupport"?)',
    ]);
  });

  it("still accepts every documented optional field", () => {
    const result = parseTopology({
      description: "d",
      region: "eu-west-1",
      regions: ["eu-west-1"],
      accounts: [{ id: "111122223333", name: "a" }],
      vpcs: [
        {
          id: "vpc-a",
          name: "a",
          region: "eu-west-1",
          accountId: "111122223333",
          cidrBlocks: ["10.0.0.0/16"],
          ipv6CidrBlocks: ["2600:1f18::/56"],
          enableDnsSupport: true,
          enableDnsHostnames: true,
        },
      ],
      securityGroups: [
        {
          id: "sg-1",
          name: "s",
          vpcId: "vpc-a",
          inbound: [{ protocol: "tcp", fromPort: 1, toPort: 2, cidrBlock: "0.0.0.0/0", description: "x" }],
          outbound: [],
        },
      ],
      directConnectGateways: [
        { id: "dxgw-1", associations: [{ gatewayId: "vgw-1", allowedPrefixes: ["10.0.0.0/16"] }] },
      ],
      interfaceEndpoints: [
        {
          id: "vpce-1",
          vpcId: "vpc-a",
          serviceName: "com.amazonaws.eu-west-1.sqs",
          networkInterfaces: [{ id: "eni-e", subnetId: "s", privateIp: "10.0.0.5" }],
        },
      ],
    });
    expect(result.ok).toBe(true);
  });
});
