import { describe, expect, it } from "vitest";
import { CODE_RULES, EXPLANATIONS, renderBlocker } from "@/lib/net/explanations";
import { proposeFixes } from "@/lib/net/fixes";
import type { BlockerDetail } from "@/lib/net/trace";
import { example, oneVpc, run, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

describe("blocker detail", () => {
  it("names the security group, the interface, the side and every rule it checked", () => {
    const t = topo(twoPeered());
    const sg = must(t.securityGroups[1]);
    const a = run(
      {
        ...t,
        securityGroups: [
          must(t.securityGroups[0]),
          { ...sg, inbound: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlock: "10.0.0.0/8" }] },
        ],
      },
      "h-1",
      "h-2",
      22,
    );
    const b = must(a.blockers[0]);
    expect(b.code).toBe("ENI_SG_RULES_MISMATCH");
    expect(b.detail).toMatchObject({
      kind: "security-group",
      direction: "forward",
      side: "inbound",
      groups: [{ id: "sg-2" }],
      eni: { id: "eni-2", name: "h-2" },
      traffic: { protocol: "tcp", port: 22 },
      remote: "10.0.1.10",
    });
    if (b.detail.kind !== "security-group") throw new Error("kind");
    expect(b.detail.rulesChecked).toEqual(["sg-2: inbound tcp/80 10.0.0.0/8"]);
    expect(b.message).toBe(
      "Security group sg-2 on h-2 (eni-2) has no inbound rule allowing TCP port 22 from 10.0.1.10.",
    );
  });

  it("gives the network ACL rule number that denied, on the reply path", () => {
    const a = run(example("nacl-blocks-responses"), "internet", "web", 443);
    const b = must(a.blockers.find((x) => x.code === "SUBNET_ACL_RESTRICTION"));
    expect(b.direction).toBe("return");
    expect(b.detail).toMatchObject({ kind: "network-acl", direction: "return", side: "outbound" });
    expect(b.rules).toEqual(["ACL-01", "ACL-03", "ACL-04", "ACL-02", "ACL-08"]);
  });

  it("names the route table, the subnet and the destination when no route matches", () => {
    const a = run(topo(twoPeered({ routeBack: false })), "h-1", "h-2");
    const b = must(a.blockers[0]);
    expect(b.detail).toEqual({
      kind: "route-table",
      direction: "return",
      table: { id: "rtb-2" },
      subnet: { id: "subnet-2" },
      vpc: { id: "vpc-2" },
      destination: "10.0.1.10",
      problem: "no-route",
    });
  });

  it("gives a hop the route it matched, or none", () => {
    const a = run(topo(twoPeered()), "h-1", "h-2");
    const route = a.forward.find((h) => h.detail.kind === "route");
    expect(route?.detail).toEqual({
      kind: "route",
      table: "rtb-1",
      destination: "10.1.1.10",
      route: {
        description: "10.1.0.0/16 -> pcx-12",
        destination: "10.1.0.0/16",
        target: "pcx-12",
        origin: "static",
      },
    });
    expect(a.forward.every((h) => typeof h.detail.kind === "string")).toBe(true);
  });

  it("is plain data: survives JSON unchanged", () => {
    const a = run(
      topo(oneVpc({ securityGroups: [{ id: "sg-open", vpcId: "vpc-1", inbound: [] }] })),
      "h-a",
      "h-b",
    );
    expect(JSON.parse(JSON.stringify(a.blockers))).toEqual(a.blockers);
    expect(JSON.parse(JSON.stringify(a.forward))).toEqual(a.forward);
  });
});

describe("the explanation table", () => {
  it("has rule IDs for every code and renders every code's sentence from a detail", () => {
    // Keyed by every detail kind, so a new kind without a sample does not compile.
    const samples: Record<BlockerDetail["kind"], BlockerDetail> = {
      "security-group": {
        kind: "security-group",
        direction: "forward",
        side: "inbound",
        groups: [],
        eni: { id: "eni-1" },
        traffic: { protocol: "icmp" },
        remote: "10.0.0.1",
        rulesChecked: [],
      },
      "network-acl": {
        kind: "network-acl",
        direction: "forward",
        side: "inbound",
        acl: { id: "acl-1" },
        subnet: { id: "subnet-1" },
        traffic: { protocol: "tcp", port: 1 },
        remote: "10.0.0.1",
        ruleNumber: "*",
        rule: "rule *",
      },
      "route-table": {
        kind: "route-table",
        direction: "forward",
        table: { id: "rtb-1" },
        vpc: { id: "vpc-1" },
        destination: "10.0.0.1",
        problem: "blackhole",
        targetType: "unknown",
        target: "x-1",
      },
      "transit-gateway-route-table": {
        kind: "transit-gateway-route-table",
        direction: "forward",
        table: { id: "tgw-rtb-1" },
        destination: "10.0.0.1",
        problem: "no-route",
      },
      gateway: { kind: "gateway", direction: "forward", gateway: { id: "igw-1", type: "internet-gateway" } },
      interface: {
        kind: "interface",
        direction: "forward",
        eni: { id: "eni-1" },
        owner: "i-1",
        role: "source",
        problem: "not-running",
      },
      vpc: { kind: "vpc", direction: "forward", vpc: { id: "vpc-1" }, problem: "no-interface" },
      query: { kind: "query", direction: "forward", reference: "x", problem: "unknown-source" },
      "endpoint-service": {
        kind: "endpoint-service",
        direction: "forward",
        service: { id: "vpce-svc-1" },
        endpoint: { id: "vpce-1" },
        problem: "no-listener",
      },
      "virtual-interfaces": {
        kind: "virtual-interfaces",
        direction: "forward",
        dxGateway: { id: "dxgw-1" },
        vifType: "transit",
        interfaces: [{ id: "dxvif-1", state: "down" }],
      },
      "allowed-prefixes": {
        kind: "allowed-prefixes",
        direction: "return",
        dxGateway: { id: "dxgw-1" },
        gateway: "tgw-1",
        associated: "transit-gateway",
        allowedPrefixes: ["10.20.0.0/16"],
        advertised: ["10.20.0.0/16"],
        vpcCidrs: [],
        address: "10.30.0.5",
      },
      "block-public-access": {
        kind: "block-public-access",
        direction: "forward",
        mode: "block-ingress",
        initiated: "inbound",
        gateway: { id: "igw-1", type: "internet-gateway" },
        vpc: { id: "vpc-1" },
        subnet: { id: "subnet-1" },
      },
    };
    for (const [code, e] of Object.entries(EXPLANATIONS)) {
      expect(CODE_RULES[code as keyof typeof CODE_RULES]).toBe(e.rules);
      for (const kind of e.kinds) {
        const b = renderBlocker(code as keyof typeof EXPLANATIONS, "c", samples[kind] as never);
        expect(b.message.length, `${code}/${kind}`).toBeGreaterThan(10);
        expect(b.message).not.toMatch(/undefined|\[object/);
      }
    }
  });
});

describe("fixes read the detail", () => {
  it("puts a new NACL rule just before the deny rule that matched", () => {
    const input = oneVpc({
      subnets: [
        {
          id: "subnet-a",
          vpcId: "vpc-1",
          availabilityZone: "us-east-1a",
          cidrBlock: "10.0.1.0/24",
          networkAclId: "acl-b",
        },
        {
          id: "subnet-b",
          vpcId: "vpc-1",
          availabilityZone: "us-east-1b",
          cidrBlock: "10.0.2.0/24",
          networkAclId: "acl-b",
        },
      ],
      networkAcls: [
        {
          id: "acl-b",
          vpcId: "vpc-1",
          inbound: [
            {
              ruleNumber: 50,
              protocol: "tcp",
              fromPort: 22,
              toPort: 22,
              cidrBlock: "10.0.0.0/16",
              action: "deny",
            },
            { ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" },
          ],
          outbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
        },
      ],
    });
    const t = topo(input);
    const blocker = must(run(t, "h-a", "h-b").blockers[0]);
    expect(blocker.detail).toMatchObject({ kind: "network-acl", ruleNumber: 50 });
    const fix = proposeFixes(t, { from: "h-a", to: "h-b", protocol: "tcp", port: 22 }).find(
      (f) => f.kind === "add-nacl-rule",
    );
    expect(fix?.description).toMatch(/^Add inbound rule 49 allowing tcp ports 22-22/);
    expect(fix?.verified).toBe(true);
  });
});
