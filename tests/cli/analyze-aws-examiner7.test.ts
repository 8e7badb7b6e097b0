// `reachable analyze` on the seventh outside examination's AWS CLI folders (tests/cli/fixtures/examiner7, copied
// from the examiner's scenarios): each case is a query the examiner found answered wrongly, explained wrongly or
// refused, and asserts the answer AWS gives, with the first blocker and the exit code.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/examiner7");

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, "--protocol", "tcp", ...more);

const first = (j: AnalysisJson) => {
  const b = j.blockers[0];
  return b === undefined ? undefined : [b.code, b.component, b.direction];
};

const SQS = "com.amazonaws.us-east-1.sqs";
const SQS_ENDPOINT = "vpce-0sqs00000000000001";

describe("F1: an interface endpoint's ENI that prints InterfaceType interface is the endpoint's", () => {
  // The ENI is listed in the endpoint's NetworkInterfaceIds; older endpoints print "interface", not "vpc_endpoint".
  it("by service name: reachable (was RCH_WRONG_DESTINATION at the ENI)", async () => {
    const r = await analyze("d01-ife-sqs", "app1", SQS, "--port", "443");
    expect([r.code, r.json.reachable, first(r.json)]).toEqual([0, true, undefined]);
  });

  it("by endpoint id from another VPC over a transit gateway: reachable", async () => {
    const r = await analyze("d02-ife-over-tgw", "b1", SQS_ENDPOINT, "--port", "443");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
  });

  it("a pendingAcceptance endpoint: BAD_STATE at the endpoint", async () => {
    const r = await analyze("d01c-ife-pending", "app1", SQS, "--port", "443");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["BAD_STATE", SQS_ENDPOINT, "forward"]);
  });

  it("the endpoint subnet's NACL drops the reply: SUBNET_ACL_RESTRICTION on the return path", async () => {
    const r = await analyze("d01d-ife-nacl-out", "app1", SQS, "--port", "443");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["SUBNET_ACL_RESTRICTION", "acl-01e5e7d1eb0c18195", "return"]);
  });
});

describe("F4: a rule naming a peer VPC's group matches only traffic over the peering (SG-06, TGW-13)", () => {
  // A and B are peered (active) and both attached to a TGW with referencing off; the routes send the traffic to the TGW.
  it("inbound rule: ENI_SG_RULES_MISMATCH at b1's group (was reachable)", async () => {
    const r = await analyze("g01b-sgref-peer-but-routed-tgw", "a1", "b1", "--port", "443");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["ENI_SG_RULES_MISMATCH", "sg-040bd254f7ad59a40", "forward"]);
    expect(r.json.blockers[0]?.rules).toEqual(expect.arrayContaining(["TGW-13", "SG-06"]));
  });

  it("outbound rule: ENI_SG_RULES_MISMATCH at a1's group", async () => {
    const r = await analyze("g02-sgref-egress-peer-but-routed-tgw", "a1", "b1", "--port", "443");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["ENI_SG_RULES_MISMATCH", "sg-033915281ec798cd6", "forward"]);
    expect(r.json.blockers[0]?.detail).toMatchObject({ side: "outbound" });
  });

  it("control: with TGW referencing on the inbound reference matches", async () => {
    const r = await analyze("g01d-sgref-tgw-on-with-peering", "a1", "b1", "--port", "443");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
  });
});

describe("F5: a dual-stack interface endpoint and an IPv6-only client (IFE-11)", () => {
  for (const to of ["com.amazonaws.us-east-1.kms", "2600:1f18:4400:aa02::50", "vpce-0kms00000000000004"])
    it(`--to ${to}: reachable (was RCH_NO_IPV4_ADDRESS or NO_POSSIBLE_DESTINATION)`, async () => {
      const r = await analyze("d04-ife-dualstack-v6client", "c6", to, "--port", "443");
      expect([r.code, r.json.reachable, first(r.json)]).toEqual([0, true, undefined]);
    });
});

describe("F2: the endpoint-specific DNS name from DnsEntries (IFE-03)", () => {
  it("resolves to the endpoint with private DNS off: reachable (was exit 2, unknown destination)", async () => {
    const r = await analyze(
      "d01b-ife-no-private-dns-vt",
      "app1",
      "vpce-0sqs00000000000001-abcd1234.sqs.us-east-1.vpce.amazonaws.com",
      "--port",
      "443",
    );
    expect([r.code, r.json.reachable]).toEqual([0, true]);
    expect(JSON.stringify(r.json.details)).toContain("endpoint-specific DNS name");
  });
});

describe("F3: an on-premises source behind a BGP VGW with no route back", () => {
  it("is on premises: NO_ROUTE_TO_DESTINATION at the route table on the return path (was RCH_NO_INTERNET_GATEWAY)", async () => {
    const r = await analyze("f01b-vgw-bgp-noprop", "172.16.5.5", "h", "--port", "22");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["NO_ROUTE_TO_DESTINATION", "rtb-0461e0fe08b05d480", "return"]);
  });
});

describe("F7: a security group without IpPermissionsEgress", () => {
  it("is read as no outbound rules, with a warning that says so", async () => {
    const r = await analyze("j06-sg-no-egress-key", "a1", "b1", "--port", "443");
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["SG_HAS_NO_RULES", "sg-0da76f3a69c725fc9", "forward"]);
    expect(r.json.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/has no IpPermissionsEgress key.*read as no outbound rules/),
      ]),
    );
  });
});

describe("F8: an interface endpoint's deny-all policy", () => {
  it("is stated as not evaluated; the network path is reachable", async () => {
    const r = await analyze("d05-ife-deny-policy", "c1", "com.amazonaws.us-east-1.sts", "--port", "443");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
    expect(r.json.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/vpce-.*allows no request; interface endpoint policies are not evaluated/),
      ]),
    );
  });
});

describe("F6: a DNS query to VPC+2", () => {
  it("keeps the model's verdict but notes the Amazon DNS server, which SGs and NACLs cannot block (SG-08)", async () => {
    const r = await analyzeFolder(
      FIXTURES,
      "k01-vpc-plus-2-dns",
      "h",
      "10.66.0.2",
      "--protocol",
      "udp",
      "--port",
      "53",
    );
    expect(r.code).toBe(1);
    expect(first(r.json)).toEqual(["SG_HAS_NO_RULES", "sg-01542f2d258d6d6c2", "forward"]);
    expect(r.json.details.map((d) => d.code)).toContain("RCH_AMAZON_DNS_SERVER");
  });
});
