// `reachable analyze` on the third outside examination's AWS CLI folders (tests/cli/fixtures/aws-examiner3):
// ordinary but untidy account output (inactive cross-account peerings, stale or deleted objects, a missing
// file) that once made the whole snapshot invalid or gave a wrong verdict. Each case asserts the examiner's
// expected verdict and, where traffic stops, the blocker.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-examiner3");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, ...more);

const blockers = (j: AnalysisJson) => j.blockers.map((b) => [b.code, b.component]);

describe("inactive cross-account peerings whose accepter AWS describes without CIDRs (PCX-05)", () => {
  it("a pending-acceptance request does not invalidate the snapshot: unrelated traffic is answered", async () => {
    const r = await analyze("s28-xacct-pending-peering", "app-ok", "8.8.8.8", "--port", "443");
    expect(r.code).toBe(0);
    expect(r.json.reachable).toBe(true);
  });

  it("a deleted peering (and the stale SG rule across it) is accepted; its route is a blackhole and says why", async () => {
    const ok = await analyze("s27-real-world-noise", "app-ok", "8.8.8.8", "--port", "443");
    expect(ok.code).toBe(0);
    const r = await analyze("s27-real-world-noise", "app-ok", "172.20.1.5", "--port", "8080");
    expect(r.code).toBe(1);
    expect(blockers(r.json)).toEqual([["BAD_STATE_ROUTE", "pcx-0ffee000000000001"]]);
    expect(r.json.blockers[0]?.message).toContain("is deleted");
    expect(r.json.blockers[0]?.message).not.toContain("must accept");
  });

  it("validate reports no error for either folder", async () => {
    for (const folder of ["s28-xacct-pending-peering", "s27-real-world-noise"]) {
      const r = await run("validate", "--topology", path.join(FIXTURES, folder));
      expect(r.stdout).not.toMatch(/^error/m);
      expect(r.code).toBe(0);
    }
  });
});

describe("a failed peering between overlapping VPCs (PCX-03) is AWS output, not an invalid snapshot", () => {
  it("answers the unrelated peerings, and stops at the failed one", async () => {
    const ab = await analyze("s09-s10-s11-peering", "app-a", "app-b", "--port", "443");
    expect(ab.code).toBe(0);
    const bc = await analyze("s09-s10-s11-peering", "app-b", "app-c", "--port", "443");
    expect(bc.code).toBe(0);
    const ac = await analyze("s09-s10-s11-peering", "app-a", "app-c", "--port", "443");
    expect(ac.code).toBe(1);
    expect(ac.json.blockers[0]?.code).toBe("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR");
  });

  it("validate keeps the overlap as a warning naming the failed peering", async () => {
    const r = await run("validate", "--topology", path.join(FIXTURES, "s09-s10-s11-peering"));
    expect(r.stdout).toMatch(/^warning\s+RCH_PEERING_CIDR_OVERLAP.*is failed/m);
    expect(r.code).toBe(0);
  });
});

describe("routes AWS shows as blackhole while the output still names the target (RT-08)", () => {
  it("a route to a deleted NAT gateway is a blackhole naming the gateway, not an unknown reference", async () => {
    const r = await analyze("s27c-real-world-noise-clean", "app-ok", "8.8.8.8", "--port", "443");
    expect(r.code).toBe(0); // app-ok's own table still has its live NAT gateway
    const v = await run("validate", "--topology", path.join(FIXTURES, "s27c-real-world-noise-clean"));
    expect(v.stdout).not.toMatch(/^error/m);
    expect(v.code).toBe(0);
  });

  for (const folder of ["s27e-route-to-detached-eni-blackhole", "s27d-noise-without-deleted-nat"]) {
    it(`${folder}: a route to a detached interface is one blackhole blocker that names it`, async () => {
      const r = await analyze(folder, "app-ok", "172.21.1.1", "--port", "443");
      expect(r.code).toBe(1);
      expect(blockers(r.json)).toEqual([["BAD_STATE_ROUTE", "rtb-0d00000000000c003"]]);
      expect(r.json.blockers[0]?.message).toContain("eni-0aa11bb22cc33dd66 is not attached");
      expect(r.json.forward.length).toBeLessThan(10);
    });
  }
});

describe("query ends the examiner could not ask", () => {
  it("s3 and dynamodb by their short names, without their prefix lists in the snapshot", async () => {
    for (const to of ["s3", "dynamodb"]) {
      const r = await analyze("s04-s05-nat-public-ip", "app-ok", to, "--port", "443");
      expect(r.code).toBe(0);
    }
    const viaNat = await analyze("s01-s3-gateway-endpoint", "app-a", "dynamodb", "--port", "443");
    expect(viaNat.code).toBe(0);
    const noRoute = await analyze("s01-s3-gateway-endpoint", "app-b", "dynamodb", "--port", "443");
    expect(noRoute.code).toBe(1);
  });

  it("the internet to a NAT gateway, by Elastic IP or id: not reachable, a NAT gateway accepts no inbound connection (NAT-01)", async () => {
    for (const to of ["54.81.1.1", "nat-0d00000000000e001"]) {
      const r = await analyze("s04-s05-nat-public-ip", "internet", to, "--port", "443");
      expect(r.code).toBe(1);
      expect(blockers(r.json)).toEqual([["NO_POSSIBLE_DESTINATION", "nat-0d00000000000e001"]]);
      expect(r.json.blockers[0]?.rules).toContain("NAT-01");
    }
  });
});

describe("DNS hostnames inferred from the public DNS names AWS printed (VPC-05)", () => {
  it("a public DNS name asked from inside the VPC resolves to the private address, so the SG reference matches", async () => {
    const r = await analyze(
      "s24-sg-ref-public-ip-hairpin",
      "client-pub",
      "ec2-18-210-1-20.compute-1.amazonaws.com",
      "--port",
      "443",
    );
    expect(r.code).toBe(0);
    expect(r.json.assumptions.join("\n")).toMatch(/inferred on, because instance .* has the public DNS name/);
  });
});

describe("a missing describe-route-tables.json (RT-01)", () => {
  it("is bad input naming the file and the misnamed one, not a verdict through an invented main table", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "m10-misnamed-file"),
      "--from",
      "app-ok",
      "--to",
      "8.8.8.8",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("describe-route-tables.json: missing");
    expect(r.stderr).toContain("describe-route-table.json is not read");
    expect(r.stdout).not.toContain("rtb-main-");
  });
});

describe("an address in another account's peer VPC, known only by its CIDRs (PCX-02, PCX-11)", () => {
  const folder = "s28b-xacct-active-peering";

  it("as a source arrives over the peering, not from the internet; the far side is stated as not evaluated", async () => {
    const r = await analyze(folder, "172.20.1.5", "app-ok", "--port", "8443");
    expect(r.code).toBe(0); // the app's group allows 8443 from the peer account's group
    expect(r.json.forward[0]?.component.id).toBe("vpc-0ffee000000000001");
    expect(r.json.forward.some((h) => h.component.id === "pcx-0ffee000000000002")).toBe(true);
    expect(r.json.assumptions.join("\n")).toMatch(/172\.20\.1\.5 is in peer VPC .* cannot be evaluated/);
    const ssh = await analyze(folder, "172.20.1.5", "app-ok", "--port", "22");
    expect(ssh.code).toBe(1);
    expect(blockers(ssh.json)).toEqual([["ENI_SG_RULES_MISMATCH", "sg-0d00000000000f002"]]);
    expect(ssh.json.blockers[0]?.code).not.toBe("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
  });

  it("as a destination is an assumed host past the peering, not NO_POSSIBLE_DESTINATION", async () => {
    const r = await analyze(folder, "app-ok", "172.20.1.5", "--port", "443");
    expect(r.code).toBe(0);
    expect(r.json.blockers).toEqual([]);
    expect(r.json.assumptions.join("\n")).toContain("cannot be evaluated");
  });

  it("an address of a described VPC that no interface has is not 'the internet': bad input naming the VPC", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "s08-sg-ref-peering"),
      "--from",
      "10.51.1.99",
      "--to",
      "client-a",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/10\.51\.1\.99 is inside VPC vpc-\w+, but no network interface/);
  });
});

describe("polish the examiner asked for (D12, D14)", () => {
  it("an invalid folder's error names the unread file that is likely the cause", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "s22-sg-rules-only"),
      "--from",
      "tcp-only",
      "--to",
      "pingable",
      "--protocol",
      "icmp",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'describe-security-group-rules.json was not read: not a command this importer reads; ignored (did you mean "describe-security-groups"?',
    );
  });

  it("analyze does not warn about describe-flow-logs.json on every answer, and shows the default port", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "s27-real-world-noise"),
      "--from",
      "app-ok",
      "--to",
      "8.8.8.8",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("describe-flow-logs");
    expect(r.stdout).toContain("Query:   app-ok -> 8.8.8.8 (tcp port 443, the default)");
    const v = await run("validate", "--topology", path.join(FIXTURES, "s27-real-world-noise"));
    expect(v.stdout).toContain("describe-flow-logs.json");
  });
});

describe("secondary blockers that said nothing useful (D13)", () => {
  it("from the internet into a VPC with no internet gateway: the missing gateway, not the missing public IP", async () => {
    const r = await analyze("s15-vpn-static", "10.50.0.5", "app-routed", "--port", "443");
    expect(r.code).toBe(1);
    expect(blockers(r.json)).toEqual([["RCH_NO_INTERNET_GATEWAY", "vpc-0400000000000a001"]]);
  });

  it("an interface endpoint as the source: only VPCE_INTRA_VPC_TRAFFIC, no 'reply delivered to the service' blocker", async () => {
    const r = await analyze(
      "s02c-interface-endpoint-no-privatedns",
      "vpce-0b00000000000d001",
      "worker",
      "--port",
      "22",
    );
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => b.code)).toEqual(["VPCE_INTRA_VPC_TRAFFIC"]);
  });
});

describe("a NAT gateway's flow-log records (examiner round 3, D11)", () => {
  it("name the interface AWS printed in NatGatewayAddresses, not a made-up one", async () => {
    const r = await analyze(
      "s01-s3-gateway-endpoint",
      "app-a",
      "com.amazonaws.eu-west-1.s3",
      "--port",
      "443",
    );
    expect(r.code).toBe(0);
    const ids = r.json.flowLogs.map((f) => f.interfaceId);
    expect(ids).toContain("eni-0ee5a0bc0a813dcca");
    expect(ids.filter((id) => id.startsWith("eni-nat-"))).toEqual([]);
  });
});
