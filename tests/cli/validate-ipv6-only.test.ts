// VPC-04 from AWS output: an examiner's describe-network-interfaces that gives an interface in an IPv6-only
// subnet an IPv4 address. validate reports it as an error naming the interface and the AWS field; analyze
// refuses a verdict on it (unless --allow-invalid).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { captureCli } from "./capture";

const SOURCE = path.resolve(import.meta.dirname, "fixtures/aws-scenarios/ipv6only-nat64-route");
const dir = mkdtempSync(path.join(tmpdir(), "reachable-ipv6only-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The instance's interface in subnet-…06 (IPv6-only) is given an IPv4 address AWS could never have assigned.
cpSync(SOURCE, dir, { recursive: true });
const file = path.join(dir, "describe-network-interfaces.json");
const enis = JSON.parse(readFileSync(file, "utf8")) as {
  NetworkInterfaces: { NetworkInterfaceId: string; SubnetId: string; PrivateIpAddress?: string }[];
};
const eni = enis.NetworkInterfaces.find((e) => e.SubnetId === "subnet-00000000000000006");
if (eni === undefined) throw new Error("fixture changed: no interface in subnet-00000000000000006");
eni.PrivateIpAddress = "10.90.1.10";
writeFileSync(file, JSON.stringify(enis));

describe("an IPv4 address on an interface in an IPv6-only subnet, from describe-* output (VPC-04)", () => {
  it("validate: an error naming the interface, the field and the subnet", async () => {
    const r = await captureCli(["validate", "--topology", dir], dir);
    expect(r.code).toBe(1);
    const line = r.stdout.split("\n").find((l) => l.includes("RCH_IPV4_IN_IPV6_ONLY_SUBNET"));
    expect(line).toMatch(/^error /);
    expect(line).toContain(`Network interface ${eni.NetworkInterfaceId} has the IPv4 address 10.90.1.10`);
    expect(line).toContain("subnet subnet-00000000000000006 is IPv6-only");
    expect(line).toContain("[VPC-04]");
  });

  it("analyze: no verdict on it, the first error named", async () => {
    const r = await captureCli(
      ["analyze", "--topology", dir, "--from", eni.NetworkInterfaceId, "--to", "internet"],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("RCH_IPV4_IN_IPV6_ONLY_SUBNET");
  });
});
