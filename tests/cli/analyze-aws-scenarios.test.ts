// `reachable analyze` on AWS CLI describe-* folders an outside examiner built (tests/cli/fixtures/aws-scenarios):
// the verdict, the deciding blocker and what the trace says about it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-scenarios");

const run = (...argv: string[]) => captureCli(argv, FIXTURES);

const args = (scenario: string, from: string, to: string, port?: number): string[] => [
  "analyze",
  "--topology",
  path.join(FIXTURES, scenario),
  "--from",
  from,
  "--to",
  to,
  ...(port === undefined ? [] : ["--port", String(port)]),
];

async function text(scenario: string, from: string, to: string, port?: number): Promise<string> {
  return (await run(...args(scenario, from, to, port))).stdout;
}

async function json(scenario: string, from: string, to: string, port?: number): Promise<AnalysisJson> {
  const r = await run(...args(scenario, from, to, port), "--format", "json");
  return JSON.parse(r.stdout) as AnalysisJson;
}

describe("NAT instance (NATI-01)", () => {
  it("reaches the internet through a correctly built NAT instance, stating the assumed translation", async () => {
    const r = await json("s15b-nat-instance-srcdst-off", "app-1", "internet", 443);
    expect(r.reachable).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(
      r.assumptions.some((a) => a.includes("assumed to be a NAT instance") && a.includes("NATI-01")),
    ).toBe(true);
    const translate = r.forward.find(
      (h) => h.action === "translate" && h.component.type === "network-interface",
    );
    expect(translate?.detail).toEqual({
      kind: "translation",
      field: "source",
      from: "10.0.1.10",
      to: "10.0.0.20",
    });
    // The internet gateway then maps the NAT instance's address to its public IP, and the reply comes back.
    expect(r.forward.some((h) => h.outbound?.srcIp === "54.90.7.7")).toBe(true);
    expect(r.return.at(-1)?.component.id).toBe(r.forward[0]?.component.id);
  });

  it("blames only the source/destination check when it is left on, not the internet gateway", async () => {
    const r = await json("s15-nat-instance-srcdst", "app-1", "internet", 443);
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => b.code)).toEqual(["ENI_SOURCE_DEST_CHECK_RESTRICTION"]);
  });
});

describe("private DNS of an interface endpoint without describe-vpc-attribute", () => {
  it("infers DNS support and hostnames on, so the name resolves to the endpoint and its SG decides", async () => {
    const r = await json("s07-interface-endpoint-sg", "app-1", "com.amazonaws.us-east-1.sqs", 443);
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => [b.code, b.component])).toEqual([
      ["ENI_SG_RULES_MISMATCH", "sg-000000000000000b3"],
    ]);
    expect(r.assumptions.find((a) => a.includes("describe-vpc-attribute"))).toMatch(
      /inferred on, because interface endpoint vpce-0a1b2c3d4e5f6b002 has private DNS enabled/,
    );
  });
});

describe("hops and blockers past the first drop", () => {
  it("marks hops after the dropping hop, and a reply to a request that never arrived, as not reached", async () => {
    const r = await json("s07b-interface-endpoint-sg-dns-attrs", "app-1", "com.amazonaws.us-east-1.sqs", 443);
    const deny = r.forward.findIndex((h) => h.action === "deny");
    expect(deny).toBeGreaterThan(0);
    expect(r.forward.slice(0, deny + 1).every((h) => h.reached === undefined)).toBe(true);
    expect(r.forward.slice(deny + 1).every((h) => h.reached === false)).toBe(true);
    expect(r.return.length).toBeGreaterThan(0);
    expect(r.return.every((h) => h.reached === false)).toBe(true);
    const t = await text("s07b-interface-endpoint-sg-dns-attrs", "app-1", "com.amazonaws.us-east-1.sqs", 443);
    expect(t).toMatch(/deliver +network-interface .*\(not reached\)/);
    expect(t).toContain("Return path (not reached: the request was dropped; shown as if it had arrived):");
  });

  it("lists blockers the packet never reached apart from the one that dropped it", async () => {
    const r = await json("s12-no-public-ip", "web-nopip", "internet", 443);
    expect(r.blockers.map((b) => [b.code, b.reached])).toEqual([
      ["IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", undefined],
      ["IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", false],
    ]);
    const t = await text("s12-no-public-ip", "web-nopip", "internet", 443);
    const [root, further] = t.split("Further along, past the first drop");
    expect(root).toContain("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
    expect(further).toContain("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
    // C9: the stand-in internet address is labelled.
    expect(t).toContain("Address: 203.0.113.10 stands in for the internet host (a documentation address)");
  });

  it("shows the transit gateway attachment that has no subnet in the source's zone as the dropping hop", async () => {
    const r = await json("s14-tgw-az-coverage", "spoke1-b-app", "spoke2-a-app", 443);
    const drop = r.forward.findIndex((h) => h.action === "drop");
    expect(r.forward[drop]?.component.type).toBe("transit-gateway-attachment");
    expect(r.blockers[0]?.component).toBe(r.forward[drop]?.component.id);
    expect(r.forward.slice(drop + 1).every((h) => h.reached === false)).toBe(true);
  });

  it("puts the transit gateway before the route table that drops the packet", async () => {
    const r = await json("s09-tgw-segmentation", "dev-1", "prod-1", 443);
    const types = r.forward.map((h) => h.component.type);
    expect(types.indexOf("transit-gateway")).toBeLessThan(types.indexOf("transit-gateway-route-table"));
    expect(r.forward.at(-1)).toMatchObject({
      action: "drop",
      component: { type: "transit-gateway-route-table" },
    });
  });

  it("shows an egress-only internet gateway refusing an inbound connection as a hop", async () => {
    const r = await json("s08-ipv6-eigw", "2606:4700:4700::1111", "app6-1", 22);
    expect(r.forward.map((h) => [h.action, h.component.type])).toEqual([
      ["send", "internet"],
      ["drop", "egress-only-internet-gateway"],
    ]);
  });
});

describe("blocker wording", () => {
  it("explains a longest-prefix win and names where the address really is (RT-04)", async () => {
    const r = await json("s11-longest-prefix", "app-a", "c-srv0", 443);
    const route = r.forward.find((h) => h.component.type === "route-table");
    expect(route?.matched?.description).toMatch(
      /^10\.0\.0\.0\/24 -> pcx-\w+ \(longest prefix wins over 10\.0\.0\.0\/16 -> pcx-\w+, RT-04\)$/,
    );
    expect(r.blockers[0]?.rules).toEqual(["RT-04"]);
    expect(r.blockers[0]?.message).toMatch(/it belongs to c-srv0 \(eni-\w+\) in VPC vpc-c/);
  });

  it("says a security group rule naming the peer's group is inert while the peering is not active (PCX-11)", async () => {
    const r = await json("s20-peering-pending", "app-a", "db-b", 5432);
    const sg = r.blockers.find((b) => b.code === "ENI_SG_RULES_MISMATCH");
    expect(sg?.message).toMatch(
      /references app-sg \(sg-\w+\) in VPC vpc-\w+ across peering a-b \(pcx-\w+\), which is pending-acceptance, not active/,
    );
    expect(sg?.rules).toContain("PCX-11");
    expect(sg?.reached).toBe(false);
  });

  it("says a stopped instance is stopped, citing the instance-state rule (ORD-08)", async () => {
    const r = await json("s21-instance-stopped", "web-1", "db-1", 3306);
    expect(r.blockers[0]).toMatchObject({ code: "BAD_STATE", rules: ["ORD-08"] });
    expect(r.blockers[0]?.message).toMatch(
      /^Instance db-1 \(i-\w+\) is stopped \(not running\), so nothing answers/,
    );
    expect(r.forward.at(-1)?.action).toBe("drop");
  });

  it("puts the tunnel status in the VPN blocker, not in the assumptions", async () => {
    const r = await json("s18-vpn-tunnels-down", "app-1", "192.168.10.5", 22);
    expect(r.assumptions.some((a) => a.includes("tunnel"))).toBe(false);
    expect(r.blockers[0]?.message).toContain("0 tunnels UP");
    // Nothing propagates while it is down (VPN-05), yet this snapshot's table still lists the propagated route:
    // the blocker names it as stale rather than claiming the table shows none (exam 8 D6).
    expect(r.blockers[0]?.detail).toMatchObject({
      staleRoutes: [{ table: { id: "rtb-00000000000001404" }, destination: "192.168.0.0/16" }],
    });
  });

  it("states the default DNS attributes of several VPCs in one line", async () => {
    const r = await json("s11-longest-prefix", "app-a", "b-srv", 443);
    expect(r.assumptions.filter((a) => a.includes("describe-vpc-attribute"))).toHaveLength(1);
  });
});

describe("reachable validate on an imported folder", () => {
  it("names the AWS file, field and resource id of a finding", async () => {
    const r = await run("validate", "--topology", path.join(FIXTURES, "s03-transitive-peering"));
    expect(r.stdout).toMatch(
      /warning RCH_ROUTE_OUTSIDE_PEER describe-route-tables\.json: RouteTables\[0\]\.Routes\[2\]\.DestinationCidrBlock \(rtb-\w+\): 10\.2\.0\.0\/16 is not inside/,
    );
    const j = await run(
      "validate",
      "--topology",
      path.join(FIXTURES, "s03-transitive-peering"),
      "--format",
      "json",
    );
    const issue = (JSON.parse(j.stdout) as { issues: { path: string; location?: string }[] }).issues[0];
    expect(issue?.path).toBe("routeTables[0].routes[1].destination");
    expect(issue?.location).toMatch(/^describe-route-tables\.json: RouteTables\[0\]\.Routes\[2\]/);
  });
});
