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
});
