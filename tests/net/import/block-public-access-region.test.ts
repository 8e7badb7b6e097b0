import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { validate } from "@/lib/net/validate";
import { edited, topo } from "../helpers";

// aws-rules IGW-07: VPC Block Public Access is one setting per account and Region
// (describe-vpc-block-public-access-options), with per-VPC and per-subnet exclusions. The topology repeats the
// setting on each VPC the account owns in the Region; export writes it once per Region, import gives it to
// every VPC of that account there (not to another account's VPC in the same folder).

const ACCOUNT = "111100004444";
const OTHER = "999900004444";

const vpc = (id: string, region: string, cidr: string, accountId = ACCOUNT) => ({
  id,
  region,
  accountId,
  cidrBlocks: [cidr],
});

const t = topo({
  region: "us-east-1",
  regions: ["eu-west-1", "us-east-1"],
  accounts: [{ id: ACCOUNT }, { id: OTHER }],
  vpcs: [
    { ...vpc("vpc-0a1", "us-east-1", "10.1.0.0/16"), blockPublicAccess: "block-ingress" },
    {
      ...vpc("vpc-0a2", "us-east-1", "10.2.0.0/16"),
      blockPublicAccess: "block-ingress",
      blockPublicAccessExclusion: "allow-bidirectional",
    },
    { ...vpc("vpc-0b1", "eu-west-1", "10.3.0.0/16"), blockPublicAccess: "block-bidirectional" },
    vpc("vpc-0c1", "us-east-1", "10.4.0.0/16", OTHER),
  ],
  subnets: [
    { id: "subnet-0a1", vpcId: "vpc-0a1", availabilityZone: "us-east-1a", cidrBlock: "10.1.1.0/24" },
    {
      id: "subnet-0a2",
      vpcId: "vpc-0a2",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.2.1.0/24",
    },
    {
      id: "subnet-0b1",
      vpcId: "vpc-0b1",
      availabilityZone: "eu-west-1a",
      cidrBlock: "10.3.1.0/24",
      blockPublicAccessExclusion: "allow-egress",
    },
    { id: "subnet-0c1", vpcId: "vpc-0c1", availabilityZone: "us-east-1b", cidrBlock: "10.4.1.0/24" },
  ],
  routeTables: ["0a1", "0a2", "0b1", "0c1"].map((n) => ({
    id: `rtb-${n}`,
    vpcId: `vpc-${n}`,
    main: true,
    routes: [{ destination: "0.0.0.0/0", target: `igw-${n}` }],
  })),
  internetGateways: ["0a1", "0a2", "0b1", "0c1"].map((n) => ({ id: `igw-${n}`, vpcId: `vpc-${n}` })),
  securityGroups: ["0a1", "0a2", "0b1", "0c1"].map((n) => ({
    id: `sg-${n}`,
    vpcId: `vpc-${n}`,
    inbound: [{ protocol: "tcp" as const, fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }],
  })),
  instances: ["0a1", "0a2", "0b1", "0c1"].map((n, i) => ({
    id: `i-${n}`,
    name: `h-${n}`,
    subnetId: `subnet-${n}`,
    privateIp: `10.${i + 1}.1.10`,
    publicIp: `54.0.0.${i + 1}`,
    securityGroupIds: [`sg-${n}`],
  })),
});

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  return imported.topology;
}

const bpa = (x: Topology) =>
  [...x.vpcs]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((v) => [v.id, v.blockPublicAccess, v.blockPublicAccessExclusion]);

const QUERIES = [
  ["internet", "h-0a1"],
  ["h-0a1", "internet"],
  ["internet", "h-0a2"],
  ["internet", "h-0b1"],
  ["h-0b1", "internet"],
  ["internet", "h-0c1"],
] as const;

describe("VPC Block Public Access is per account and Region (IGW-07)", () => {
  const files = JSON.parse(JSON.stringify(exportAwsDescribe(t))) as Record<
    string,
    Record<string, { VpcBlockPublicAccessOptions?: Record<string, string> }>
  >;

  it("export writes one options file per Region, for the account that owns the VPCs", () => {
    expect(validate(t).filter((i) => i.code === "RCH_BLOCK_PUBLIC_ACCESS_NOT_REGIONAL")).toEqual([]);
    const options = (region: string) =>
      files[region]?.["describe-vpc-block-public-access-options"]?.VpcBlockPublicAccessOptions;
    expect([options("us-east-1")?.InternetGatewayBlockMode, options("us-east-1")?.AwsAccountId]).toEqual([
      "block-ingress",
      ACCOUNT,
    ]);
    expect(options("eu-west-1")?.InternetGatewayBlockMode).toBe("block-bidirectional");
  });

  it("import gives the Region's mode to each VPC of that account, not to another account's VPC", () => {
    const back = importOrThrow(files);
    expect(bpa(back)).toEqual(bpa(t));
    expect(back.subnets.find((s) => s.id === "subnet-0b1")?.blockPublicAccessExclusion).toBe("allow-egress");
  });

  it.each(QUERIES)("%s -> %s answers the same after export -> import", (from, to) => {
    const back = importOrThrow(files);
    const q = { from, to, protocol: "tcp" as const, port: 443 };
    const before = analyze(t, q);
    const after = analyze(back, q);
    expect(after.reachable).toBe(before.reachable);
    expect(after.blockers.map((b) => b.code)).toEqual(before.blockers.map((b) => b.code));
  });

  it("decides as AWS would: blocked in the blocking Regions, excluded VPC and the other account open", () => {
    const reach = (from: string, to: string) =>
      analyze(t, { from, to, protocol: "tcp", port: 443 }).reachable;
    expect(reach("internet", "h-0a1")).toBe(false);
    expect(reach("internet", "h-0a2")).toBe(true);
    expect(reach("h-0b1", "internet")).toBe(true); // allow-egress subnet under block-bidirectional
    expect(reach("internet", "h-0b1")).toBe(false);
    expect(reach("internet", "h-0c1")).toBe(true);
  });

  it("exclusions do not apply when the Region's options say they are not allowed (Organization-managed)", () => {
    const notAllowed = structuredClone(files);
    const options = notAllowed["us-east-1"]?.["describe-vpc-block-public-access-options"];
    if (options?.VpcBlockPublicAccessOptions)
      options.VpcBlockPublicAccessOptions.ExclusionsAllowed = "not-allowed";
    const back = importOrThrow(notAllowed);
    expect(back.vpcs.find((v) => v.id === "vpc-0a2")?.blockPublicAccessExclusion).toBeUndefined();
    expect(analyze(back, { from: "internet", to: "h-0a2", protocol: "tcp", port: 443 }).reachable).toBe(
      false,
    );
  });

  it("validate reports two VPCs of one account and Region with different settings", () => {
    const mixed = edited(t, (d) => {
      const v = d.vpcs.find((x) => x.id === "vpc-0a2");
      if (v) v.blockPublicAccess = "block-bidirectional";
    });
    expect(
      validate(mixed)
        .filter((i) => i.code === "RCH_BLOCK_PUBLIC_ACCESS_NOT_REGIONAL")
        .map((i) => [i.path, i.rules]),
    ).toEqual([["vpcs[1].blockPublicAccess", ["IGW-07"]]]);
  });
});
