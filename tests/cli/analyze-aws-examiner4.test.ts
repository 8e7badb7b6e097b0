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
