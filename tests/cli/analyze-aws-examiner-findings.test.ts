// `reachable analyze` on AWS CLI describe-* folders from a second outside examination
// (tests/cli/fixtures/aws-scenarios): each case is a finding that once gave a wrong verdict or explanation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-scenarios");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

async function json(scenario: string, from: string, to: string, ...more: string[]): Promise<AnalysisJson> {
  return (await analyzeFolder(FIXTURES, scenario, from, to, ...more)).json;
}

describe("inter-Region transit gateway peering from both Regions' output (TGW-12)", () => {
  for (const folder of ["tgw-peering-shared-id", "tgw-peering-distinct-ids"]) {
    it(`${folder}: crosses the accepted peering both ways, each side routed by its own TGW's table`, async () => {
      for (const [from, to] of [
        ["a1", "b1"],
        ["b1", "a1"],
      ] as const) {
        const r = await json(folder, from, to, "--port", "443");
        expect(r.reachable).toBe(true);
        expect(r.forward.filter((h) => h.component.type === "transit-gateway-route-table")).toHaveLength(2);
      }
    });

    it(`${folder}: blames the missing return route in C's table, not the peering`, async () => {
      const r = await json(folder, "a1", "c1", "--port", "443");
      expect(r.reachable).toBe(false);
      expect(r.blockers.map((b) => [b.code, b.component])).toEqual([
        ["TGW_RTB_CANNOT_ROUTE", "tgw-rtb-00000000000000005"],
      ]);
      // A private address behind the peer transit gateway: the fix is a static route, not an internet egress.
      expect(r.blockers[0]?.message).toContain("peering attachment takes static routes only");
      expect(r.blockers[0]?.rules).toContain("TGW-12");
    });

    it(`${folder}: stops at the peering that is still pendingAcceptance`, async () => {
      const r = await json(folder, "a1", "d1", "--port", "443");
      expect(r.reachable).toBe(false);
      expect(r.blockers[0]?.code).toBe("BAD_STATE_ATTACHMENT");
      expect(r.blockers[0]?.message).toContain("pendingAcceptance");
    });
  }

  it("validates the shared-id snapshot: one attachment id seen from both Regions is two sides, not two associations", async () => {
    const r = await run("validate", "--topology", path.join(FIXTURES, "tgw-peering-shared-id"));
    expect(r.stdout).not.toContain("RCH_ATTACHMENT_MULTIPLE_ASSOCIATIONS");
    expect(r.code).toBe(0);
  });
});

describe("the accepter's side of a TGW peering that both Regions print under one id", () => {
  const folder = "tgw-peering-shared-id";
  const args = (from: string, to: string) =>
    [
      "analyze",
      "--topology",
      path.join(FIXTURES, folder),
      "--from",
      from,
      "--to",
      to,
      "--port",
      "443",
    ] as const;

  it("is shown as the AWS attachment id and its transit gateway in words, never as the internal key", async () => {
    const t = (await run(...args("b1", "a1"))).stdout;
    expect(t).toContain("transit-gateway-attachment tgw-attach-0f00000000000a012 on tgw-00000000000000003");
    expect(t).toContain("-> tgw-attach-0f00000000000a012 (on tgw-00000000000000003) (static)");
    const blocked = (await run(...args("a1", "d1"))).stdout;
    expect(blocked).toContain(
      "Transit gateway attachment tgw-attach-0f00000000000a013 (on tgw-00000000000000006) is not associated",
    );
    for (const text of [t, blocked]) expect(text).not.toMatch(/tgw-attach-[0-9a-z]+@/);
  });

  it("keeps the key as the JSON component id (it ties a blocker to its hop) but not in any message", async () => {
    const r = await json(folder, "a1", "d1", "--port", "443");
    const side = "tgw-attach-0f00000000000a013@tgw-00000000000000006";
    expect(r.blockers.map((b) => b.component)).toContain(side);
    const prose = [
      ...r.blockers.map((b) => b.message),
      ...[...r.forward, ...r.return].map((h) => h.matched?.description ?? ""),
      ...r.details.map((d) => d.message),
    ];
    expect(prose.filter((m) => m.includes("@tgw-"))).toEqual([]);
  });
});

describe("short service names (sqs, dynamodb)", () => {
  it("resolve the same way from every VPC: the public service where no endpoint with private DNS answers", async () => {
    const folder = "interface-endpoint-private-dns-per-vpc";
    const viaEndpoint = await json(folder, "pdns-on1", "sqs", "--port", "443");
    expect(viaEndpoint.reachable).toBe(true);
    for (const from of ["pdns-off1", "dns-off1"]) {
      const short = await json(folder, from, "sqs", "--port", "443");
      const full = await json(folder, from, "com.amazonaws.us-east-1.sqs", "--port", "443");
      expect(short.reachable).toBe(false);
      expect(short.blockers.map((b) => b.code)).toEqual(full.blockers.map((b) => b.code));
    }
  });

  it("analyze says why the endpoint's private DNS does not answer where a DNS attribute is off (IFE-03)", async () => {
    const folder = "interface-endpoint-private-dns-per-vpc";
    const off = await json(folder, "dns-off1", "sqs", "--port", "443");
    const note = off.details.map((d) => d.message).join("\n");
    expect(note).toContain("interface endpoint vpce-0e210000000000002 has private DNS enabled");
    expect(note).toContain("enableDnsSupport is off in vpc-0000000000000001f");
    const none = await json(folder, "pdns-off1", "sqs", "--port", "443");
    expect(none.details.map((d) => d.message).join("\n")).not.toContain("has private DNS enabled");
  });

  it("validate warns that the endpoint's private DNS is inert in the VPC whose DNS support is off (IFE-03)", async () => {
    const r = await run(
      "validate",
      "--topology",
      path.join(FIXTURES, "interface-endpoint-private-dns-per-vpc"),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l.includes("RCH_ENDPOINT_PRIVATE_DNS_INERT"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning /);
    expect(lines[0]).toContain("vpce-0e210000000000002");
    expect(lines[0]).toContain("VPC vpc-0000000000000001f has enableDnsSupport off");
  });

  it("keep describe-prefix-lists' CIDRs when describe-managed-prefix-lists has no entries file (GWE-01)", async () => {
    const r = await json("endpoints-managed-lists-no-entries", "i1", "dynamodb", "--port", "443");
    expect(r.reachable).toBe(true);
    expect(r.forward.some((h) => h.component.type === "vpc-gateway-endpoint")).toBe(true);
  });
});

describe("a route left behind by detach-internet-gateway (State blackhole, RT-08)", () => {
  it("is analysed: the route drops the traffic, and validate only warns", async () => {
    const r = await json("igw-detached-blackhole-route", "orphan", "internet", "--port", "443");
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => b.code)).toEqual(["BAD_STATE_ROUTE"]);
    expect(r.blockers[0]?.message).toContain("is a blackhole");
    const v = await run("validate", "--topology", path.join(FIXTURES, "igw-detached-blackhole-route"));
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/warning RCH_GATEWAY_NOT_ATTACHED .*is a blackhole/);
  });
});

describe("NAT64 without the 64:ff9b::/96 route (NAT-04)", () => {
  it("drops the untranslated packet at the egress-only internet gateway and names the route to add", async () => {
    const r = await json("ipv6only-nat64-route", "v6b", "64:ff9b::cb00:710a", "--port", "443");
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => b.code)).toEqual(["RCH_NAT64_PREFIX_NOT_TRANSLATED"]);
    expect(r.blockers[0]?.message).toContain("64:ff9b::/96 -> a NAT gateway");
    const withRoute = await json("ipv6only-nat64-route", "v6a", "64:ff9b::cb00:710a", "--port", "443");
    expect(withRoute.reachable).toBe(true);
  });
});

describe("ECMP over several VPN attachments of a transit gateway (TGW-15)", () => {
  it("keeps the on-premises prefix reachable through the member whose tunnel is up, both ways", async () => {
    for (const [from, to] of [
      ["a1", "192.168.10.10"],
      ["192.168.10.10", "a1"],
    ] as const) {
      const r = await json("tgw-vpn-ecmp-member-down", from, to, "--port", "22");
      expect(r.reachable).toBe(true);
      const hops = [...r.forward, ...r.return].map((h) => h.component.id);
      expect(hops).toContain("vpn-00000000000000010");
      expect(hops).toContain("tgw-attach-00000000000000011");
      // dc-1's connection (both tunnels down) and its attachment are not used.
      expect(hops).not.toContain("vpn-0000000000000000d");
      expect(hops).not.toContain("tgw-attach-0000000000000000e");
    }
  });

  it("names both connections as carrying the ECMP prefix in the assumptions", async () => {
    const r = await json("tgw-vpn-ecmp-member-down", "a1", "192.168.10.10", "--port", "22");
    expect(r.assumptions.filter((a) => /^vpn-0+(d|10) \(BGP\).*192\.168\.0\.0\/16/.test(a))).toHaveLength(2);
  });
});

describe("network ACL of a transit gateway attachment subnet that also holds the instance (TGW-14)", () => {
  it("judges instance-to-TGW traffic by the inbound rules on its source address", async () => {
    const r = await json("tgw-attachment-subnet-nacl", "z1", "y1", "--port", "443");
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => [b.code, b.direction])).toEqual([["SUBNET_ACL_RESTRICTION", "forward"]]);
    expect(r.blockers[0]?.message).toMatch(/inbound TCP port 443 from 10\.30\.1\.10 \(rule 50\)/);
    expect((await json("tgw-attachment-subnet-nacl", "z2", "y1", "--port", "443")).reachable).toBe(true);
  });

  it("does not apply that subnet's ACL to traffic from the transit gateway to the instance", async () => {
    expect((await json("tgw-attachment-subnet-nacl", "y1", "z1", "--port", "443")).reachable).toBe(true);
  });
});

describe("security group references across a transit gateway (TGW-13)", () => {
  it("blame the attachment or transit gateway with referencing support disabled, not a missing peering", async () => {
    const attachment = await json("tgw-sg-referencing", "c1", "b1", "--port", "8443");
    expect(attachment.blockers[0]?.message).toMatch(
      /across transit gateway core .*whose VPC attachment tgw-attach-0000000000000001f has security group referencing support disabled/,
    );
    const gateway = await json("tgw-sg-referencing", "d1", "e1", "--port", "443");
    expect(gateway.blockers[0]?.message).toMatch(
      /across transit gateway legacy .*which has security group referencing support disabled/,
    );
    for (const r of [attachment, gateway]) expect(r.blockers[0]?.rules).not.toContain("PCX-11");
  });
});

describe("bad input", () => {
  it("refuses --from internet --to internet (both ends outside the topology) instead of giving a verdict", async () => {
    const r = await run(
      "analyze",
      "--topology",
      path.join(FIXTURES, "igw-detached-blackhole-route"),
      "--from",
      "internet",
      "--to",
      "internet",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least one end must be inside the topology/);
    expect(r.stdout).toBe("");
  });
});

describe("a route inside the VPC's own range to an internet gateway (RT-03)", () => {
  it("is a validation error: AWS only lets a middlebox take traffic more specific than the local route", async () => {
    const r = await run(
      "validate",
      "--topology",
      path.join(FIXTURES, "route-more-specific-than-local-to-igw"),
    );
    expect(r.stdout).toMatch(
      /error\s+RCH_ROUTE_MORE_SPECIFIC_THAN_LOCAL describe-route-tables\.json: RouteTables\[0\]\.Routes\[1\]\.DestinationCidrBlock .*10\.183\.2\.0\/24 .*\[RT-03\]/,
    );
  });
});
