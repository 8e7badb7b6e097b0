import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDescribeDir } from "@/lib/cli/read-describe-dir";
import { importAwsDescribe } from "@/lib/net/import";

const vpcs = (id: string, cidr: string) => JSON.stringify({ Vpcs: [{ VpcId: id, CidrBlock: cidr }] });
const subnets = (az: string) =>
  JSON.stringify({
    Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: az }],
  });

describe("readDescribeDir", () => {
  it("reads a flat folder as one region named by its availability zones", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "describe-flat-"));
    writeFileSync(path.join(dir, "describe-vpcs.json"), vpcs("vpc-1", "10.0.0.0/16"));
    writeFileSync(path.join(dir, "describe-subnets.json"), subnets("ap-southeast-2c"));
    writeFileSync(path.join(dir, "notes.txt"), "not json, not read");
    const read = readDescribeDir(dir);
    expect(read.ok && Object.keys(read.regions)).toEqual([""]);
    if (!read.ok) return;
    const imported = importAwsDescribe(read.regions);
    expect(imported.ok && imported.topology.vpcs[0]?.region).toBe("ap-southeast-2");
  });

  it("reads one sub-folder per region", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "describe-regions-"));
    mkdirSync(path.join(dir, "us-east-1"));
    mkdirSync(path.join(dir, "eu-west-1"));
    writeFileSync(path.join(dir, "us-east-1", "describe-vpcs.json"), vpcs("vpc-1", "10.0.0.0/16"));
    writeFileSync(path.join(dir, "eu-west-1", "describe-vpcs.json"), vpcs("vpc-2", "10.1.0.0/16"));
    const read = readDescribeDir(dir);
    if (!read.ok) throw new Error(read.message);
    const imported = importAwsDescribe(read.regions);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.topology.vpcs.map((v) => [v.id, v.region])).toEqual([
      ["vpc-2", "eu-west-1"],
      ["vpc-1", "us-east-1"],
    ]);
  });

  it("warns when loose files sit beside region folders, and reads both", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "describe-mixed-"));
    mkdirSync(path.join(dir, "eu-west-1"));
    writeFileSync(path.join(dir, "describe-vpcs.json"), vpcs("vpc-1", "10.0.0.0/16"));
    writeFileSync(path.join(dir, "eu-west-1", "describe-vpcs.json"), vpcs("vpc-2", "10.1.0.0/16"));
    const read = readDescribeDir(dir);
    if (!read.ok) throw new Error(read.message);
    expect(Object.keys(read.regions).sort()).toEqual(["", "eu-west-1"]);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/describe files \(1\) beside region folders \(eu-west-1\)/);
    mkdirSync(path.join(dir, "..", path.basename(dir) + "-only"));
    const regionsOnly = path.join(dir, "..", path.basename(dir) + "-only");
    mkdirSync(path.join(regionsOnly, "eu-west-1"));
    writeFileSync(path.join(regionsOnly, "eu-west-1", "describe-vpcs.json"), vpcs("vpc-2", "10.1.0.0/16"));
    const clean = readDescribeDir(regionsOnly);
    expect(clean.ok && clean.warnings).toEqual([]);
  });

  it("names the file that is not valid JSON, and an empty folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "describe-bad-"));
    expect(readDescribeDir(dir)).toEqual({
      ok: false,
      message: `${dir}: no describe-*.json files here or in a region sub-folder`,
    });
    writeFileSync(path.join(dir, "describe-vpcs.json"), "{ nope");
    const read = readDescribeDir(dir);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/describe-vpcs\.json: not valid JSON/);
  });
});
