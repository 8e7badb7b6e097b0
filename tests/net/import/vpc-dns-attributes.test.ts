// describe-vpc-attribute is per-argument and easy to miss: what the import assumes about a VPC's DNS settings.
import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

const vpcs = {
  Vpcs: [
    { VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" },
    { VpcId: "vpc-2", CidrBlock: "10.1.0.0/16" },
  ],
};
const privateDnsEndpoint = {
  VpcEndpoints: [
    {
      VpcEndpointId: "vpce-1",
      VpcEndpointType: "Interface",
      VpcId: "vpc-1",
      ServiceName: "com.amazonaws.us-east-1.sqs",
      State: "available",
      PrivateDnsEnabled: true,
    },
  ],
};

function imported(files: Record<string, unknown>) {
  const r = importAwsDescribe({
    "describe-vpcs.json": vpcs,
    "describe-route-tables.json": { RouteTables: [] },
    ...files,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.topology;
}

/** The DNS-attribute lines (the bare folder also lacks route tables and network ACLs, stated in lines of their own). */
const dnsLines = (assumptions: readonly string[] | undefined) =>
  (assumptions ?? []).filter((a) => a.includes("describe-vpc-attribute"));

describe("VPC DNS attributes on import", () => {
  it("infers DNS support and hostnames on from an interface endpoint with private DNS (IFE-03)", () => {
    const t = imported({ "describe-vpc-endpoints.json": privateDnsEndpoint });
    const [one, two] = t.vpcs;
    expect([one?.enableDnsSupport, one?.enableDnsHostnames]).toEqual([true, true]);
    expect([two?.enableDnsSupport, two?.enableDnsHostnames]).toEqual([true, false]);
    expect(dnsLines(t.assumptions)).toEqual([
      "vpc-1: no describe-vpc-attribute output for enableDnsSupport and enableDnsHostnames; inferred on, because interface endpoint vpce-1 has private DNS enabled, which AWS allows only when enableDnsSupport and enableDnsHostnames are on",
      "vpc-2: no describe-vpc-attribute output for enableDnsSupport (assumed on) and enableDnsHostnames (assumed off)",
    ]);
  });

  it("keeps an attribute AWS printed, even when it contradicts the endpoint", () => {
    const t = imported({
      "describe-vpc-endpoints.json": privateDnsEndpoint,
      "describe-vpc-attribute.vpc-1.enableDnsHostnames.json": {
        VpcId: "vpc-1",
        EnableDnsHostnames: { Value: false },
      },
    });
    expect([t.vpcs[0]?.enableDnsSupport, t.vpcs[0]?.enableDnsHostnames]).toEqual([true, false]);
  });

  it("names VPCs with the same missing attributes in one line", () => {
    const t = imported({});
    expect(dnsLines(t.assumptions)).toEqual([
      "vpc-1, vpc-2: no describe-vpc-attribute output for enableDnsSupport (assumed on) and enableDnsHostnames (assumed off)",
    ]);
  });
});
