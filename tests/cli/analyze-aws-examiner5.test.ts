// `reachable analyze` on the fifth outside examination's AWS CLI folders (tests/cli/fixtures/aws-examiner5):
// each case is a query the examiner found answered wrongly, or explained wrongly, and asserts the answer AWS
// gives (with the blocker or refusal where traffic stops or the question cannot be answered).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-examiner5");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, ...more);

const codes = (j: AnalysisJson) => j.blockers.map((b) => b.code);

describe("a VGW-propagated route more specific than the local route (RT-05)", () => {
  // VPC 10.45.0.0/16; a1's route table propagates from the VGW, and BGP installed 10.45.2.0/24 -> vgw (b1's subnet).
  it("is legitimate AWS output: validate warns that the local route wins instead of calling the folder invalid", async () => {
    const r = await run("validate", "--topology", path.join(FIXTURES, "f32-local-vs-propagated"));
    expect(r.stdout).toMatch(
      /^warning\s+RCH_ROUTE_MORE_SPECIFIC_THAN_LOCAL .*10\.45\.2\.0\/24 .*propagated from vgw-\w+, so the local route wins .*\[RT-05\]/m,
    );
    expect(r.stdout).toMatch(/^0 error\(s\)/m);
    expect(r.code).toBe(0);
  });

  it("analyze answers without --allow-invalid, staying on the local route", async () => {
    const r = await analyze("f32-local-vs-propagated", "a1", "b1", "--port", "443");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("a NAT gateway's own Elastic IP as --to from an instance behind that NAT (a hairpin, NAT-01)", () => {
  // p1 (10.140.1.10) routes 0.0.0.0/0 to natpub (10.140.0.50, EIP 3.80.1.1); every security group allows all inbound.
  const hops = (j: AnalysisJson) => JSON.stringify(j.forward);

  it("is a new connection to the NAT, not a reply: NO_POSSIBLE_DESTINATION at the NAT gateway", async () => {
    const r = await analyze("f16b-nat-eip-hairpin", "p1", "3.80.1.1", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => [b.code, b.component])).toEqual([
      ["NO_POSSIBLE_DESTINATION", "nat-03f1cf69a34d3082b"],
    ]);
    expect(hops(r.json)).not.toContain("(reply)");
  });

  it("the NAT's private address is refused the same way", async () => {
    const r = await analyze("f16b-nat-eip-hairpin", "p1", "10.140.0.50", "--port", "443");
    expect(codes(r.json)).toEqual(["NO_POSSIBLE_DESTINATION"]);
    expect(hops(r.json)).not.toContain("(reply)");
  });

  it("the reply of p1's own connection to the internet is still translated back by the NAT", async () => {
    const r = await analyze("f16b-nat-eip-hairpin", "p1", "internet", "--port", "443");
    expect(codes(r.json)).toEqual([]);
    expect(r.code).toBe(0);
    expect(JSON.stringify(r.json.return)).toContain("-> 10.140.1.10 (reply)");
  });
});

describe("a transit gateway VPN attachment (BGP) with both tunnels DOWN (VPN-02)", () => {
  // The TGW route table propagates from the VPN attachment; h's route sends 192.168.0.0/16 (a prefix list) to the TGW.
  it("blames the down tunnels, not a missing static route, although BGP withdrew the propagated route", async () => {
    const r = await analyze("f42b-tgw-vpn-down", "h", "192.168.1.10", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => [b.code, b.component])).toEqual([
      ["TGW_BAD_STATE_VPN", "vpn-0tgwvpn000000001"],
    ]);
  });

  it("the static-routing variant gives the same blocker", async () => {
    const r = await analyze("f42c-tgw-vpn-static-down", "h", "192.168.1.10", "--port", "443");
    expect(codes(r.json)[0]).toBe("TGW_BAD_STATE_VPN");
  });
});

describe("argument probes", () => {
  const refuse = async (...argv: string[]) => {
    const r = await run("analyze", "--topology", path.join(FIXTURES, "u01-baseline"), ...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    return r.stderr;
  };

  it("one instance as --from and --to is refused: a path needs two different ends", async () => {
    expect(await refuse("--from", "w1", "--to", "w1")).toMatch(
      /--to w1 is the same network interface \(eni-\w+\) as --from w1/,
    );
  });

  it("a flag given twice is refused, naming it, instead of the last value silently winning", async () => {
    expect(await refuse("--from", "w1", "--to", "internet", "--port", "443", "--port", "80")).toContain(
      "--port is given more than once",
    );
  });

  it("an address in a VPC that no interface holds: bad input as --from, not reachable as --to (docs/cli.md)", async () => {
    expect(await refuse("--from", "10.81.1.200", "--to", "w1")).toContain(
      "no network interface in the topology has that address",
    );
    const r = await analyze("u01-baseline", "w1", "10.81.1.200", "--port", "443");
    expect(r.code).toBe(1);
    expect(codes(r.json)).toEqual(["NO_POSSIBLE_DESTINATION"]);
  });

  it("a describe file that is not valid JSON does not parse: validate exits 1 naming it, analyze 2", async () => {
    const folder = path.join(FIXTURES, "u09-bad-json");
    const v = await run("validate", "--topology", folder);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/^error\s+RCH_SCHEMA .*describe-subnets\.json: not valid JSON/m);
    const a = await run("analyze", "--topology", folder, "--from", "a", "--to", "b");
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/describe-subnets\.json: not valid JSON/);
  });
});

describe("a network ACL allowing only ICMP echo requests (IcmpTypeCode Type 8) both ways (ACL-02, SG-05)", () => {
  it("drops the echo reply leaving b's subnet: not reachable, with no 'not modelled' warning", async () => {
    const r = await analyze("f41-icmp-types", "a1", "b1", "--protocol", "icmp");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => [b.code, b.direction])).toEqual([["SUBNET_ACL_RESTRICTION", "return"]]);
    expect(JSON.stringify(r.json.warnings)).not.toContain("not modelled");
  });
});
