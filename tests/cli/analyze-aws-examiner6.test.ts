// `reachable analyze` on the sixth outside examination's AWS CLI folders (tests/cli/fixtures/aws-examiner6):
// each case is a query the examiner found answered wrongly, explained wrongly, or input the command accepted
// silently, and asserts the answer AWS gives (with the blocker or refusal where traffic stops).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-examiner6");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, ...more);

const where = (j: AnalysisJson) => j.blockers.map((b) => [b.code, b.component]);

describe("a VGW VPN with static routing sends only its static routes' prefixes to the customer gateway (VPN-07)", () => {
  // h's route table sends 192.168.0.0/16 to the VGW; the VPN is StaticRoutesOnly.
  it("with no static routes at all, nothing is delivered on premises", async () => {
    const r = await analyze("a08d-vpn-no-static-routes", "h", "192.168.10.5", "--port", "443");
    expect(r.code).toBe(1);
    expect(where(r.json)).toEqual([["NO_POSSIBLE_DESTINATION", "vgw-0a8000000000000001"]]);
    expect(r.json.blockers[0]?.message).toMatch(/static routing.*it has none/);
  });

  it("a prefix outside the narrower static route is not routed; one inside it is", async () => {
    const out = await analyze("a08e-vpn-static-narrower", "h", "192.168.20.5", "--port", "443");
    expect(out.code).toBe(1);
    expect(where(out.json)).toEqual([["NO_POSSIBLE_DESTINATION", "vgw-0a8000000000000001"]]);
    expect(out.json.blockers[0]?.rules).toContain("VPN-07");
    const inside = await analyze("a08e-vpn-static-narrower", "h", "192.168.10.5", "--port", "443");
    expect(inside.code).toBe(0);
  });
});

describe("a transit gateway VPC attachment with Ipv6Support disable (TGW-05)", () => {
  // Both attachments propagate into the one TGW route table; both VPC route tables send the peer's /56 to the TGW.
  it("does not propagate the VPC's IPv6 CIDR: TGW_RTB_CANNOT_ROUTE, naming the attachment's IPv6 support", async () => {
    const r = await analyze("a28-tgw-ipv6-disabled", "a1", "2600:1f18:2510:bb01::10", "--port", "443");
    expect(r.code).toBe(1);
    expect(where(r.json)).toEqual([["TGW_RTB_CANNOT_ROUTE", "tgw-rtb-00b819b2fde46452b"]]);
    expect(r.json.blockers[0]?.message).toMatch(/IPv6 support is disabled/);
  });

  it("with enable the IPv6 route propagates and the same query is reachable", async () => {
    const r = await analyze("a28b-tgw-ipv6-enabled", "a1", "2600:1f18:2510:bb01::10", "--port", "443");
    expect(r.code).toBe(0);
  });
});

describe("an on-premises source behind a static TGW VPN whose prefix has no TGW route (TGW-05)", () => {
  // h's route table sends 192.168.0.0/16 to the TGW; the VPN attachment is StaticRoutesOnly with no static route.
  it("is on premises, not the internet: the reply stops at the TGW route table", async () => {
    const r = await analyze("a34-tgw-vpn-static-noroute", "192.168.30.5", "h", "--port", "22");
    expect(r.code).toBe(1);
    expect(where(r.json)).toEqual([["TGW_RTB_CANNOT_ROUTE", "tgw-rtb-0efbecf122cfb7992"]]);
    expect(r.json.blockers[0]?.direction).toBe("return");
  });

  it("with the TGW static route the same source reaches h", async () => {
    const r = await analyze("a34b-tgw-vpn-static-route", "192.168.30.5", "h", "--port", "22");
    expect(r.code).toBe(0);
  });
});

describe("an S3 interface endpoint with private DNS only for the inbound Resolver endpoint (IFE-08)", () => {
  // The VPC has an S3 gateway endpoint on app's route table and an S3 interface endpoint (private DNS on) whose
  // security group allows 443 only from 10.99.0.0/16.
  for (const to of ["s3", "com.amazonaws.us-east-1.s3"])
    it(`inside the VPC ${to} keeps its public address and goes through the gateway endpoint`, async () => {
      const r = await analyze("a06-s3-gw-and-if-inboundonly", "app", to, "--port", "443");
      expect(r.code).toBe(0);
      expect(JSON.stringify(r.json.forward)).not.toContain("vpce-0s3if");
      expect(JSON.stringify(r.json.details)).toMatch(/PrivateDnsOnlyForInboundResolverEndpoint/);
    });

  it("without the option the same name resolves to the interface endpoint, whose group refuses", async () => {
    const r = await analyze("a06b-s3-gw-and-if-allresolvers", "app", "s3", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => b.code)).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });

  it("from on premises (M8) the name resolves to the interface endpoint, stating the DNS forwarding assumed", async () => {
    const r = await analyze(
      "a36b-onprem-s3-interface",
      "192.168.10.5",
      "com.amazonaws.us-east-1.s3",
      "--port",
      "443",
    );
    expect(r.code).toBe(0);
    expect(JSON.stringify(r.json.forward)).toContain("vpce-0s3if0000000000085");
    expect(JSON.stringify(r.json.details)).toMatch(/assumed: the on-premises DNS forwards/);
  });
});

describe("peering DNS resolution with the requester's DNS hostnames assumed off (PCX-13)", () => {
  it("names the VPC attribute, not the peering option, as the reason", async () => {
    const r = await analyze(
      "a11b-peer-dns-on",
      "a1",
      "ec2-54-91-0-1.compute-1.amazonaws.com",
      "--port",
      "443",
    );
    const note = JSON.stringify(r.json.details);
    expect(note).not.toMatch(/does not allow DNS resolution/);
    expect(note).toMatch(
      /allows DNS resolution from the remote VPC, but enableDnsHostnames is off in vpc-0083cb5c128921f6a \(the requester; assumed, no describe-vpc-attribute output\)/,
    );
  });
});

describe("an expired peering (PCX-06)", () => {
  it("is BAD_STATE_ROUTE like every inactive peering, as docs/cli.md says and Reachability Analyzer reports", async () => {
    const r = await analyze("a25-peer-expired", "a1", "b1", "--port", "443");
    expect(r.code).toBe(1);
    // Both directions' routes point at it (the rejected sibling reads the same way).
    expect(r.json.blockers.map((b) => b.code)).toEqual(["BAD_STATE_ROUTE", "BAD_STATE_ROUTE"]);
    expect(r.json.blockers[0]?.message).toMatch(/expired.*within 7 days/);
  });
});

describe("a failed NAT gateway (no address) as --to", () => {
  it("is in the snapshot: not reachable, BAD_STATE at the gateway, exit 1 (not 'Unknown destination')", async () => {
    const r = await analyze("a15-nat-failed", "app1", "nat-029fae5a0c64336eb", "--port", "443");
    expect(r.code).toBe(1);
    expect(where(r.json)).toEqual([["BAD_STATE", "nat-029fae5a0c64336eb"]]);
    expect(r.json.blockers[0]?.message).toMatch(/is failed, not available/);
  });

  it("a route to it is still BAD_STATE_ROUTE", async () => {
    const r = await analyze("a15-nat-failed", "app1", "internet", "--port", "443");
    expect(r.json.blockers[0]?.code).toBe("BAD_STATE_ROUTE");
  });
});

describe("untidy input", () => {
  const query = (scenario: string, ...more: string[]) =>
    run(
      "analyze",
      "--topology",
      path.join(FIXTURES, scenario),
      "--from",
      "b",
      "--to",
      "a",
      "--port",
      "443",
      ...more,
    );

  it("an empty RouteTables is bad input like a missing describe-route-tables.json (every VPC has a main table)", async () => {
    const r = await query("u4-empty-rtb");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /describe-route-tables\.json: incomplete: it lists no route table for vpc-03b8e44c6ff38c222/,
    );
  });

  it("a route-table listing that leaves out another VPC is stated as an assumption, not a refusal of the folder", async () => {
    // A describe-route-tables filtered to the VPCs of interest, beside an unfiltered describe-vpcs: a query
    // that never enters the extra VPC keeps its answer, and the gap is said.
    const dir = mkdtempSync(path.join(tmpdir(), "reachable-partial-rtb-"));
    cpSync(path.join(FIXTURES, "u5-nacl-file-partial"), dir, { recursive: true });
    const vpcsFile = path.join(dir, "describe-vpcs.json");
    const vpcs = JSON.parse(readFileSync(vpcsFile, "utf8")) as { Vpcs: Record<string, unknown>[] };
    const first = vpcs.Vpcs[0] as Record<string, unknown>;
    vpcs.Vpcs.push({
      ...first,
      VpcId: "vpc-0aaaabbbbccccdddd",
      CidrBlock: "172.31.0.0/16",
      CidrBlockAssociationSet: [],
    });
    writeFileSync(vpcsFile, JSON.stringify(vpcs));
    const args = ["analyze", "--topology", dir, "--from", "b", "--to", "a", "--port", "443"];
    const [before, after] = [await query("u5-nacl-file-partial"), await run(...args)];
    rmSync(dir, { recursive: true, force: true });
    expect(after.code).toBe(before.code);
    expect(after.code).not.toBe(2);
    expect(after.stdout).toMatch(
      /lists no route table for vpc-0aaaabbbbccccdddd[^\n]*assumed to have a main route table/,
    );
  });

  it("an empty NetworkAcls is stated as an assumption (the default ACL, allowing all), not filled in silently", async () => {
    const r = await query("u5-nacl-file-partial");
    expect(r.stdout).toMatch(
      /Assumed[^\n]*\n(?: {2}- [^\n]*\n)* {2}- vpc-03b8e44c6ff38c222: describe-network-acls\.json lists no network ACL for it, and every VPC has a default network ACL: assumed only the default one/,
    );
  });

  it("a subnet associated with two route tables is refused in one line naming the subnet and both tables", async () => {
    const r = await query("u9-subnet-two-rtbs");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /subnet subnet-0670016a2302434d8 is associated with 2 route tables \(rtb-\w+, rtb-\w+\)/,
    );
  });

  it("a NextToken in a file is warned about: the output was cut short", async () => {
    const r = await query("u3-nexttoken");
    expect(r.stdout).toMatch(/warning: describe-instances\.json: has NextToken: the output was cut short/);
  });

  it("loose files plus the same Region's folder state each assumption once", async () => {
    const r = await query("u6-mixed-layout");
    const lines = r.stdout.split("\n").filter((l) => l.includes("no describe-vpc-attribute output"));
    expect(lines).toHaveLength(1);
  });
});
