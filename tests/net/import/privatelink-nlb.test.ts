import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDescribeDir } from "@/lib/cli/read-describe-dir";
import { runCli } from "@/lib/cli/run-cli";
import { importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import { validate } from "@/lib/net/validate";
import type { Topology } from "@/lib/net/topology";
import { keyedConvention, NLB_ARN, privateLinkEstate } from "./fixtures/privatelink-nlb";
import { edited } from "../helpers";

// A PrivateLink endpoint service behind a Network Load Balancer (fixtures/privatelink-nlb.ts), in both file
// conventions: each row is a question a consumer would ask, the verdict AWS gives and the rule that decides it.

type Row = {
  from: string;
  to: string;
  port: number;
  reachable: boolean;
  /** Blocked: the blocker codes. Reachable: components the forward path must cross. */
  expect: string[];
  rule: string;
};

const ENDPOINT = "vpce-0c0000000000c0001";
const SERVICE = "vpce-svc-0c0000000000c0001";
const TABLE: Row[] = [
  {
    from: "client-1",
    to: ENDPOINT,
    port: 443,
    reachable: true,
    expect: [SERVICE, NLB_ARN, "eni-0c00000000000c201"],
    rule: "EPS-07",
  },
  {
    from: "client-1",
    to: "eni-0c00000000000e001",
    port: 443,
    reachable: true,
    expect: [NLB_ARN],
    rule: "EPS-07",
  },
  {
    from: "client-1",
    to: ENDPOINT,
    port: 80,
    reachable: false,
    expect: ["RCH_NLB_NO_LISTENER"],
    rule: "EPS-07",
  },
  {
    from: "client-1",
    to: ENDPOINT,
    port: 9443,
    reachable: false,
    expect: ["RCH_NLB_TARGET_UNHEALTHY"],
    rule: "EPS-08",
  },
  {
    from: "client-1",
    to: ENDPOINT,
    port: 6443,
    reachable: false,
    expect: ["RCH_NLB_NO_TARGET"],
    rule: "EPS-08",
  },
  {
    from: "client-1",
    to: ENDPOINT,
    port: 5432,
    reachable: false,
    expect: ["ENI_SG_RULES_MISMATCH"],
    rule: "EPS-09",
  },
  {
    from: "client-2",
    to: ENDPOINT,
    port: 443,
    reachable: false,
    expect: ["ENI_SG_RULES_MISMATCH"],
    rule: "EPS-09",
  },
  {
    from: "client-1",
    to: ENDPOINT,
    port: 7443,
    reachable: false,
    expect: ["SUBNET_ACL_RESTRICTION"],
    rule: "ACL-01",
  },
];

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  expect(imported.unread).toEqual([]);
  return imported.topology;
}

const run = (t: Topology, from: string, to: string, port: number) =>
  analyze(t, { from, to, protocol: "tcp", port });

const conventions = {
  "one file per argument": privateLinkEstate(),
  "keyed by argument": keyedConvention(privateLinkEstate()),
};

describe.each(Object.entries(conventions))("PrivateLink behind an NLB, %s", (_name, files) => {
  const topology = importOrThrow(files);

  it.each(TABLE.map((r) => [`${r.from} -> ${r.to}:${r.port} (${r.rule})`, r] as const))("%s", (_q, row) => {
    const a = run(topology, row.from, row.to, row.port);
    expect(a.reachable).toBe(row.reachable);
    if (row.reachable) {
      const crossed = [...a.forward, ...a.return].map((h) => h.component.id);
      for (const id of row.expect) expect(crossed).toContain(id);
    } else {
      expect([...new Set(a.blockers.map((b) => b.code))]).toEqual(row.expect);
      expect(a.blockers.flatMap((b) => b.rules)).toContain(row.rule);
    }
  });

  it("reads the load balancer's nodes from its interfaces, its groups, listeners and target health", () => {
    const [lb] = topology.loadBalancers ?? [];
    expect(lb).toMatchObject({
      id: NLB_ARN,
      name: "orders-nlb",
      securityGroupIds: ["sg-0c0000000000c0003"],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
      nodes: [
        {
          subnetId: "subnet-0c0000000000c0201",
          privateIp: "10.80.0.100",
          networkInterfaceId: "eni-0c00000000000e101",
        },
        {
          subnetId: "subnet-0c0000000000c0203",
          privateIp: "10.80.2.100",
          networkInterfaceId: "eni-0c00000000000e102",
        },
      ],
    });
    expect(lb?.listeners?.map((l) => l.port)).toEqual([443, 9443, 5432, 6443, 7443]);
    const app = topology.targetGroups?.find((g) => g.name === "tg-app");
    expect(app?.targets.map((t) => [t.id, t.health, t.reason])).toEqual([
      ["i-0c00000000000c201", "healthy", undefined],
      ["i-0c00000000000c202", "unhealthy", "Target.FailedHealthChecks"],
    ]);
    expect(topology.targetGroups?.find((g) => g.name === "tg-db")?.targets[0]?.healthCheckPort).toBe(5433);
    expect(topology.endpointServices[0]?.connections).toEqual([
      { vpcEndpointId: ENDPOINT, state: "available" },
    ]);
    expect(topology.assumptions).toContainEqual(
      expect.stringMatching(/^orders-nlb: cross-zone load balancing assumed off/),
    );
    // The NLB's interfaces are the load balancer's nodes, not instances' interfaces.
    expect(topology.networkInterfaces.map((e) => e.id)).not.toContain("eni-0c00000000000e101");
  });

  it("shows the listener, the target group port and the target's health, and the target sees the NLB's address (EPS-03)", () => {
    const a = run(topology, "client-1", ENDPOINT, 443);
    const lbHop = a.forward.find((h) => h.detail.kind === "load-balancer");
    expect(lbHop?.detail).toEqual({
      kind: "load-balancer",
      loadBalancer: NLB_ARN,
      listenerPort: 443,
      targetGroup: expect.stringContaining("tg-app") as unknown,
      target: "i-0c00000000000c201",
      targetPort: 8443,
      health: "healthy",
    });
    expect(lbHop?.outbound).toMatchObject({ srcIp: "10.80.0.100", dstIp: "10.80.1.10", dstPort: 8443 });
  });

  it("writes flow-log records for the endpoint, the NLB node and the target, both ways", () => {
    const a = run(topology, "client-1", ENDPOINT, 443);
    const byInterface = (id: string) =>
      a.flowLogs
        .filter((r) => r.interfaceId === id)
        .map((r) => `${r.srcAddr}>${r.dstAddr}:${r.dstPort} ${r.action}`);
    expect(byInterface("eni-0c00000000000e001")).toContain("10.70.1.10>10.70.1.50:443 ACCEPT");
    expect(byInterface("eni-0c00000000000e101")).toContain(`10.80.0.100>10.80.1.10:8443 ACCEPT`);
    expect(byInterface("eni-0c00000000000c201")).toEqual(
      expect.arrayContaining([
        `10.80.0.100>10.80.1.10:8443 ACCEPT`,
        expect.stringMatching(/^10\.80\.1\.10>10\.80\.0\.100:\d+ ACCEPT$/),
      ]) as unknown,
    );
  });
});

describe("PrivateLink variants", () => {
  const lbFiles = () => privateLinkEstate() as Record<string, Record<string, unknown>>;
  const region = (files: Record<string, Record<string, unknown>>) =>
    files["us-east-1"] as Record<string, unknown>;

  it("reads cross-zone load balancing from describe-load-balancer-attributes: a node then reaches another zone's target (EPS-08)", () => {
    const files = lbFiles();
    region(files)["describe-load-balancer-attributes.orders-nlb"] = {
      Attributes: [
        { Key: "deletion_protection.enabled", Value: "false" },
        { Key: "load_balancing.cross_zone.enabled", Value: "true" },
        { Key: "dns_record.client_routing_policy", Value: "any_availability_zone" },
      ],
    };
    const t = importOrThrow(files);
    expect(t.loadBalancers?.[0]?.crossZone).toBe(true);
    expect(t.assumptions?.some((a) => a.includes("cross-zone load balancing assumed off"))).toBe(false);
    const a = run(t, "client-1", ENDPOINT, 6443);
    expect(a.blockers.map((b) => b.code)).toEqual([]);
    expect(a.reachable).toBe(true);
    // The same output in the keyed convention (one file keyed by the load balancer's name): the same reading.
    const keyed = keyedConvention(files);
    expect(importOrThrow(keyed).loadBalancers?.[0]?.crossZone).toBe(true);
  });

  it("an NLB that is still provisioning (or failed) routes nothing; active_impaired still does (EPS-07)", () => {
    const setState = (code: string) => {
      const files = lbFiles();
      const lbs = region(files)["describe-load-balancers"] as {
        LoadBalancers: { State: { Code: string } }[];
      };
      (lbs.LoadBalancers[0] as { State: { Code: string } }).State = { Code: code };
      return importOrThrow(files);
    };
    const provisioning = run(setState("provisioning"), "client-1", ENDPOINT, 443);
    expect(provisioning.reachable).toBe(false);
    expect(provisioning.blockers.map((b) => [b.code, b.rules])).toEqual([["RCH_NLB_NOT_ACTIVE", ["EPS-07"]]]);
    expect(run(setState("failed"), "client-1", ENDPOINT, 443).blockers.map((b) => b.code)).toEqual([
      "RCH_NLB_NOT_ACTIVE",
    ]);
    expect(run(setState("active_impaired"), "client-1", ENDPOINT, 443).reachable).toBe(true);
  });

  it("blocks while the provider has not accepted the connection (EPS-02), seen in the provider's snapshot", () => {
    const files = lbFiles();
    const connections = region(files)["describe-vpc-endpoint-connections"] as {
      VpcEndpointConnections: { VpcEndpointState: string }[];
    };
    (connections.VpcEndpointConnections[0] as { VpcEndpointState: string }).VpcEndpointState =
      "pendingAcceptance";
    const a = run(importOrThrow(files), "client-1", ENDPOINT, 443);
    expect(a.reachable).toBe(false);
    expect(a.blockers.map((b) => [b.code, b.rules])).toEqual([
      ["RCH_ENDPOINT_CONNECTION_NOT_ACCEPTED", ["EPS-02"]],
    ]);
  });

  it("lets client-2 through once the NLB stops judging PrivateLink traffic by its inbound rules (EPS-09)", () => {
    const files = lbFiles();
    const lbs = region(files)["describe-load-balancers"] as { LoadBalancers: Record<string, unknown>[] };
    (lbs.LoadBalancers[0] as Record<string, unknown>).EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic =
      "off";
    expect(run(importOrThrow(files), "client-2", ENDPOINT, 443).reachable).toBe(true);
  });

  it("needs the target to allow the NLB's addresses when the NLB has no security group (EPS-09)", () => {
    const files = lbFiles();
    const lbs = region(files)["describe-load-balancers"] as { LoadBalancers: Record<string, unknown>[] };
    delete (lbs.LoadBalancers[0] as Record<string, unknown>).SecurityGroups;
    const t = importOrThrow(files);
    // client-2 is no longer filtered at the NLB, but app-1 only allows the NLB's group, which nothing has now.
    const a = run(t, "client-2", ENDPOINT, 443);
    expect(a.blockers.map((b) => [b.code, b.component])).toEqual([
      ["ENI_SG_RULES_MISMATCH", "sg-0c0000000000c0004"],
    ]);
    expect(run(t, "client-2", ENDPOINT, 9443).blockers.map((b) => b.code)).toEqual([
      "RCH_NLB_TARGET_UNHEALTHY",
    ]);
  });

  it("stops at the endpoint service and says so when the listeners were not saved", () => {
    const files = lbFiles();
    delete region(files)["describe-listeners.orders-nlb"];
    const t = importOrThrow(files);
    expect(t.assumptions).toContainEqual(expect.stringMatching(/^orders-nlb: no describe-listeners output/));
    const a = run(t, "client-1", ENDPOINT, 80);
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.id)).not.toContain(NLB_ARN);
  });
});

describe("reachable analyze on the saved estate", () => {
  it("prints first what it assumed, then the trace through the load balancer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "privatelink-"));
    for (const [region, files] of Object.entries(privateLinkEstate())) {
      mkdirSync(path.join(dir, region));
      for (const [name, output] of Object.entries(files)) {
        if (name === "describe-target-health.tg-batch") continue; // one target group's health not saved
        writeFileSync(path.join(dir, region, `${name}.json`), JSON.stringify(output, null, 2));
      }
    }
    let stdout = "";
    const code = await runCli(
      ["analyze", "--topology", ".", "--from", "client-1", "--to", ENDPOINT, "--port", "443"],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => undefined },
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Assumed (AWS output does not show these):");
    const assumed = lines.slice(1, lines.indexOf(""));
    expect(assumed).toContainEqual(
      expect.stringMatching(/^ {2}- orders-nlb: no describe-target-health output for .*tg-batch/),
    );
    // Without every target group's health the trace stops at the endpoint service (no NLB hop).
    expect(stdout).not.toContain("listener TCP 443");
  });
});

describe("examples/aws-privatelink", () => {
  it("is the fixture, saved one file per command and argument", () => {
    const read = readDescribeDir(path.resolve(import.meta.dirname, "../../../examples/aws-privatelink"));
    if (!read.ok) throw new Error(read.message);
    const imported = importAwsDescribe(read.regions);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.unread).toEqual([]);
    expect(imported.topology).toEqual(importOrThrow(privateLinkEstate()));
  });
});

describe("validating load balancers", () => {
  it("accepts the imported estate and names the field of a broken reference", () => {
    const imported = importOrThrow(privateLinkEstate());
    expect(validate(imported)).toEqual([]);
    const t = edited(imported, (d) => {
      const lb = d.loadBalancers?.[0];
      if (!lb?.listeners?.[0] || !lb.nodes[0])
        throw new Error("the estate has a load balancer with a listener");
      lb.listeners[0].targetGroupId = "tg-missing";
      lb.nodes[0].subnetId = "subnet-0c0000000000c0101"; // a consumer subnet
    });
    expect(validate(t).map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ["RCH_UNKNOWN_REFERENCE", "loadBalancers[0].listeners[0].targetGroupId"],
        ["RCH_LB_NODE_OUTSIDE_VPC", "loadBalancers[0].nodes[0].subnetId"],
      ]) as unknown,
    );
  });
});
