// `reachable analyze` on the fourth outside examination's AWS CLI folders (tests/cli/fixtures/aws-examiner4):
// each case is a query the examiner found answered wrongly, or explained wrongly, and asserts the answer AWS
// gives (with the blocker or refusal where traffic stops or the question cannot be answered).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-examiner4");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, ...more);

const codes = (j: AnalysisJson) => j.blockers.map((b) => b.code);

describe("an IPv6-only source is sent to the destination's IPv6 address (IGW-01, EIGW-01)", () => {
  // v6host is in an IPv6-only subnet; dualhost has 10.0.2.10 and 2600:1f18:4a3:8002::10 and a public IPv4.
  it("an IPv6-only instance reaches a dual-stack instance named by its Name tag at its IPv6 address", async () => {
    const r = await analyze("s20-ipv6-only", "v6host", "dualhost", "--port", "22");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.forward[0]?.outbound?.dstIp).toBe("2600:1f18:4a3:8002::10");
  });

  it("an IPv6 internet client reaches a dual-stack instance at its IPv6 address through the internet gateway", async () => {
    const r = await analyze("s20-ipv6-only", "2606:4700:4700::1111", "dualhost", "--port", "443");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.forward[0]?.outbound?.dstIp).toBe("2600:1f18:4a3:8002::10");
  });

  it('"internet" from an IPv6-only instance is an IPv6 internet host, reached through ::/0 to the IGW', async () => {
    const r = await analyze("s20-ipv6-only", "v6host", "internet", "--port", "443");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.forward[0]?.outbound?.dstIp).toMatch(/^2001:db8:/);
  });

  it("a dual-stack source still uses IPv4 to a dual-stack destination", async () => {
    const r = await analyze("s20-ipv6-only", "internet", "dualhost", "--port", "443");
    expect(r.json.forward[0]?.outbound?.dstIp).not.toContain(":");
  });
});

describe("an address several overlapping VPCs hold (10.1.5.10 in B and in C; A peers only with C)", () => {
  it("as a destination it is the interface the routes deliver to: hC, reachable over the peering", async () => {
    const r = await analyze("s51-duplicate-ip", "hA", "10.1.5.10", "--port", "22");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
    const note = r.json.details.find((d) => d.code === "RCH_SHARED_ADDRESS");
    expect(note?.message).toContain("hB");
    expect(note?.message).toContain("hC");
  });

  it("as a source it is ambiguous (nothing routes a sender): exit 2, one line naming both interfaces", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "s51-duplicate-ip"),
      "--from",
      "10.1.5.10",
      "--to",
      "hA",
      "--port",
      "22",
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--from 10\.1\.5\.10 is the address of several interfaces .*hB.*hC/);
  });
});

const refuse = async (folder: string, ...argv: string[]) => {
  const r = await run("analyze", "--topology", path.join(FIXTURES, folder), ...argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  return r.stderr;
};

describe("a Name tag two instances share (tags need not be unique)", () => {
  it("is refused as --from or --to, naming both instance ids, instead of silently taking the first", async () => {
    const from = await refuse("u06-duplicate-names", "--from", "web", "--to", "internet", "--port", "443");
    expect(from).toMatch(/--from "web" is the name of several resources/);
    expect(from).toContain("i-1165d82fcf3204bda");
    expect(from).toContain("i-2a24092dd12c2464d");
    const to = await refuse("u06-duplicate-names", "--from", "internet", "--to", "web", "--port", "80");
    expect(to).toMatch(/--to "web" is the name of several resources/);
  });

  it("each instance is still answered by its id", async () => {
    expect(
      (await analyze("u06-duplicate-names", "i-1165d82fcf3204bda", "internet", "--port", "443")).code,
    ).toBe(0);
    expect(
      (await analyze("u06-duplicate-names", "i-2a24092dd12c2464d", "internet", "--port", "443")).code,
    ).toBe(1);
  });

  it("validate warns about the shared name", async () => {
    const r = await run("validate", "--topology", path.join(FIXTURES, "u06-duplicate-names"));
    expect(r.stdout).toMatch(/^warning\s+RCH_DUPLICATE_NAME .*i-2a24092dd12c2464d/m);
    expect(r.code).toBe(0);
  });
});

describe("the internet asked to reach an instance's private address (IGW-04)", () => {
  it("blames the private address and names the public IP, not a peering rule or the client", async () => {
    const r = await analyze("s13-main-rtb-implicit", "internet", "10.0.1.10", "--port", "80");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => [b.code, b.rules])).toEqual([
      ["IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", ["IGW-04"]],
    ]);
    const detail = r.json.blockers[0]?.detail;
    expect(detail).toMatchObject({
      kind: "interface",
      problem: "private-address",
      address: "10.0.1.10",
      publicAddress: "3.90.1.10",
    });
  });
});

describe("a terminated instance still listed in describe-instances", () => {
  it("is refused as terminated (no network interface), not as an unknown reference", async () => {
    const line = await refuse(
      "u07-terminated-no-tags",
      "--from",
      "webA",
      "--to",
      "i-0deadbeefdeadbeef",
      "--port",
      "22",
    );
    expect(line).toContain(
      "--to instance old-web (i-0deadbeefdeadbeef) is terminated and has no network interface",
    );
    const byName = await refuse(
      "u07-terminated-no-tags",
      "--from",
      "old-web",
      "--to",
      "webA",
      "--port",
      "22",
    );
    expect(byName).toContain("is terminated");
  });
});

describe("an ICMP reply a network ACL drops has no ports (ACL-02)", () => {
  it("is explained as an ICMP rule missing, without ephemeral ports", async () => {
    const r = await analyze("s43-defaultsg-v6nacl-icmp", "o1", "icmpsub", "--protocol", "icmp");
    expect(r.code).toBe(1);
    const nacl = r.json.blockers.find((b) => b.code === "SUBNET_ACL_RESTRICTION");
    expect(nacl?.direction).toBe("return");
    expect(nacl?.rules).not.toContain("ACL-08");
    expect(nacl?.rules).toContain("ACL-02");
  });
});

describe("--port 0 (reserved: no TCP or UDP connection is made to it)", () => {
  it("is refused with one line naming the field", async () => {
    const line = await refuse("s13-main-rtb-implicit", "--from", "webB", "--to", "webA", "--port", "0");
    expect(line).toContain("--port must be an integer from 1 to 65535");
  });
});
