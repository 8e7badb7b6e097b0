import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { validate } from "@/lib/net/validate";
import { keyedConvention } from "./fixtures/hybrid-estate";
import { IDS, inspectionEstate } from "./fixtures/inspection-estate";

// The inspection estate (fixtures/inspection-estate.ts) in both file conventions: each row is a question, the
// verdict AWS gives and the rule that decides it (RT-11 gateway route tables, GWLB-01 Gateway Load Balancer
// endpoints, TGW-11 appliance mode, IGW-07 VPC Block Public Access).

type Row = {
  from: string;
  to: string;
  port: number;
  reachable: boolean;
  /** Reachable: components the forward path crosses, in order; blocked: the blocker codes. */
  expect: string[];
  /** Reachable: components the return path crosses. */
  back?: string[];
  rule: string;
};

const TABLE: Row[] = [
  {
    from: "internet",
    to: "web-1",
    port: 443,
    reachable: true,
    expect: [IDS.igw, IDS.edge, IDS.gwlbeIngress, "eni-0d0000000000d0001"],
    back: ["rtb-0d0000000000d0002", IDS.gwlbeIngress, "rtb-0d0000000000d0001", IDS.igw],
    rule: "RT-11",
  },
  {
    from: "web-1",
    to: "internet",
    port: 443,
    reachable: true,
    expect: ["rtb-0d0000000000d0002", IDS.gwlbeIngress, IDS.igw],
    back: [IDS.igw, IDS.edge, IDS.gwlbeIngress],
    rule: "GWLB-01",
  },
  {
    // Appliance mode is off: the request crosses us-east-1a's appliance, the reply us-east-1b's.
    from: "a-1",
    to: "b-1",
    port: 443,
    reachable: false,
    expect: ["RCH_APPLIANCE_MODE_ASYMMETRIC_PATH"],
    rule: "TGW-11",
  },
  {
    from: "b-1",
    to: "a-1",
    port: 443,
    reachable: false,
    expect: ["RCH_APPLIANCE_MODE_ASYMMETRIC_PATH"],
    rule: "TGW-11",
  },
  {
    from: "internet",
    to: "a-1",
    port: 443,
    reachable: false,
    expect: ["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"],
    rule: "IGW-07",
  },
  {
    from: "a-1",
    to: "internet",
    port: 443,
    reachable: false,
    expect: ["VPC_BLOCK_PUBLIC_ACCESS_ENABLED"],
    rule: "IGW-07",
  },
];

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  return imported.topology;
}

function inOrder(ids: readonly string[], expected: readonly string[]): boolean {
  let at = 0;
  for (const id of ids) if (id === expected[at]) at++;
  return at === expected.length;
}

const conventions = {
  "one file per argument": inspectionEstate(),
  "keyed by argument": keyedConvention(inspectionEstate()),
};

describe.each(Object.entries(conventions))("inspection estate, %s", (_name, files) => {
  const topology = importOrThrow(files);

  it.each(TABLE.map((r) => [`${r.from} -> ${r.to}:${r.port} (${r.rule})`, r] as const))(
    "%s answers as AWS would",
    (label, row) => {
      const a = analyze(topology, { from: row.from, to: row.to, protocol: "tcp", port: row.port });
      expect(a.reachable, label).toBe(row.reachable);
      if (!row.reachable) {
        expect([...new Set(a.blockers.map((b) => b.code))], label).toEqual(row.expect);
        return;
      }
      const forward = a.forward.map((h) => h.component.id);
      expect(inOrder(forward, row.expect), `${label}: ${forward.join(" ")}`).toBe(true);
      if (row.back) {
        const back = a.return.map((h) => h.component.id);
        expect(inOrder(back, row.back), `${label} reply: ${back.join(" ")}`).toBe(true);
      }
    },
  );

  it("reads the edge association, the GWLB endpoints, appliance mode and Block Public Access", () => {
    expect(topology.routeTables.find((r) => r.id === IDS.edge)?.gatewayIds).toEqual([IDS.igw]);
    expect(topology.gatewayLoadBalancerEndpoints?.map((e) => [e.id, e.subnetId, e.privateIp])).toEqual([
      [IDS.gwlbeIngress, "subnet-0d0000000000d0101", "10.60.0.20"],
      [IDS.gwlbeA, "subnet-0d0000000000d0403", "10.100.10.20"],
      [IDS.gwlbeB, "subnet-0d0000000000d0404", "10.100.11.20"],
    ]);
    expect(topology.vpcs.map((v) => [v.id, v.blockPublicAccess, v.blockPublicAccessExclusion])).toEqual([
      [IDS.ingress, "block-ingress", "allow-bidirectional"],
      [IDS.spokeA, "block-ingress", undefined],
      [IDS.spokeB, "block-ingress", undefined],
      [IDS.inspection, "block-ingress", undefined],
    ]);
    expect(topology.transitGatewayAttachments.find((a) => a.id === IDS.attInspection)?.applianceMode).toBe(
      false,
    );
  });

  it("with appliance mode enabled on the inspection attachment, a-1 -> b-1 keeps one appliance both ways (TGW-11)", () => {
    const on: Topology = {
      ...topology,
      transitGatewayAttachments: topology.transitGatewayAttachments.map((a) =>
        a.id === IDS.attInspection ? { ...a, applianceMode: true } : a,
      ),
    };
    const a = analyze(on, { from: "a-1", to: "b-1", protocol: "tcp", port: 443 });
    expect(a.blockers).toEqual([]);
    expect(a.reachable).toBe(true);
    const forward = a.forward.map((h) => h.component.id);
    expect(inOrder(forward, [IDS.attInspection, IDS.gwlbeA, "tgw-rtb-0d00000000000d002", IDS.attB])).toBe(
      true,
    );
    const back = a.return.map((h) => h.component.id);
    expect(inOrder(back, [IDS.attInspection, IDS.gwlbeA, IDS.attA])).toBe(true);
  });

  it("states first, as an import assumption, that the appliances behind the GWLB endpoint service pass traffic (GWLB-01)", () => {
    expect(topology.assumptions?.filter((a) => a.includes("Gateway Load Balancer endpoint service"))).toEqual(
      [
        "assumed the appliances behind Gateway Load Balancer endpoint service com.amazonaws.vpce.us-east-1.vpce-svc-0d00000000000d001 pass the traffic they receive: AWS output does not show their rules",
      ],
    );
  });

  it("validate recommends appliance mode for the inspection VPC's attachment only (TGW-11)", () => {
    const issues = validate(topology);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(
      issues.filter((i) => i.code === "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED").map((i) => i.path),
    ).toEqual(["transitGatewayAttachments[2].applianceMode"]);
  });
});

// GWLB-01: the Gateway Load Balancer behind the endpoint service, as elbv2 prints it. Its target health decides
// whether an appliance is there: none healthy -> the traffic goes nowhere (no fail-open is documented for it).
const GWLB_ARN =
  "arn:aws:elasticloadbalancing:us-east-1:111100002222:loadbalancer/gwy/inspect/0d00000000000d01";
const GWLB_TG = "arn:aws:elasticloadbalancing:us-east-1:111100002222:targetgroup/appliances/0d00000000000d02";

function withGatewayLoadBalancer(health: "healthy" | "unhealthy" | "none"): Record<string, unknown> {
  const files = inspectionEstate();
  const region = files["us-east-1"] as Record<string, unknown>;
  region["describe-load-balancers"] = {
    LoadBalancers: [
      {
        LoadBalancerArn: GWLB_ARN,
        LoadBalancerName: "inspect",
        Type: "gateway",
        VpcId: IDS.inspection,
        State: { Code: "active" },
        AvailabilityZones: [{ ZoneName: "us-east-1a", SubnetId: "subnet-0d0000000000d0403" }],
      },
    ],
  };
  region["describe-vpc-endpoint-service-configurations"] = {
    ServiceConfigurations: [
      {
        ServiceType: [{ ServiceType: "GatewayLoadBalancer" }],
        ServiceId: "vpce-svc-0d00000000000d001",
        ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0d00000000000d001",
        ServiceState: "Available",
        AcceptanceRequired: false,
        GatewayLoadBalancerArns: [GWLB_ARN],
      },
    ],
  };
  region["describe-listeners.inspect"] = {
    Listeners: [
      {
        ListenerArn: `${GWLB_ARN.replace(":loadbalancer/", ":listener/")}/0d03`,
        LoadBalancerArn: GWLB_ARN,
        DefaultActions: [{ Type: "forward", TargetGroupArn: GWLB_TG }],
      },
    ],
  };
  region["describe-target-groups"] = {
    TargetGroups: [
      {
        TargetGroupArn: GWLB_TG,
        TargetGroupName: "appliances",
        Protocol: "GENEVE",
        Port: 6081,
        VpcId: IDS.inspection,
        TargetType: "instance",
        LoadBalancerArns: [GWLB_ARN],
      },
    ],
  };
  if (health !== "none")
    region["describe-target-health.appliances"] = {
      TargetHealthDescriptions: [
        {
          Target: { Id: "i-0d00000000000fw01", Port: 6081 },
          HealthCheckPort: "80",
          TargetHealth:
            health === "healthy"
              ? { State: "healthy" }
              : { State: "unhealthy", Reason: "Target.FailedHealthChecks" },
        },
      ],
    };
  return files;
}

describe.each([
  ["one file per argument", (f: Record<string, unknown>) => f],
  [
    "keyed by argument",
    (f: Record<string, unknown>) => keyedConvention(f as Parameters<typeof keyedConvention>[0]),
  ],
] as const)("inspection estate with its Gateway Load Balancer, %s (GWLB-01)", (_name, convention) => {
  const q = { from: "web-1", to: "internet", protocol: "tcp" as const, port: 443 };

  it("no healthy appliance: traffic routed to the endpoint goes nowhere (RCH_GWLB_NO_HEALTHY_TARGET)", () => {
    const t = importOrThrow(convention(withGatewayLoadBalancer("unhealthy")));
    expect(t.gatewayLoadBalancers?.map((g) => [g.serviceName, g.targetGroupIds])).toEqual([
      ["com.amazonaws.vpce.us-east-1.vpce-svc-0d00000000000d001", [GWLB_TG]],
    ]);
    const a = analyze(t, q);
    expect(a.reachable).toBe(false);
    expect(a.blockers.map((b) => [b.code, b.component, b.rules])).toEqual([
      ["RCH_GWLB_NO_HEALTHY_TARGET", GWLB_ARN, ["GWLB-01"]],
    ]);
    expect(a.blockers[0]?.message).toContain("i-0d00000000000fw01 unhealthy");
  });

  it("a healthy appliance: the path goes through, with the pass-through assumption stated", () => {
    const t = importOrThrow(convention(withGatewayLoadBalancer("healthy")));
    const a = analyze(t, q);
    expect(a.blockers).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(a.details?.map((d) => d.code)).toContain("RCH_ASSUMED_APPLIANCE_PASSES");
  });

  it("target health not described: the appliances are assumed there, and the import says so", () => {
    const t = importOrThrow(convention(withGatewayLoadBalancer("none")));
    expect(t.gatewayLoadBalancers?.[0]?.targetGroupIds).toBeUndefined();
    expect(
      t.assumptions?.some((x) => x.startsWith("inspect: its listener or target health is not described")),
    ).toBe(true);
    expect(analyze(t, q).reachable).toBe(true);
  });

  it("export -> import keeps the Gateway Load Balancer and the verdict", () => {
    const t = importOrThrow(convention(withGatewayLoadBalancer("unhealthy")));
    const back = importOrThrow(JSON.parse(JSON.stringify(exportAwsDescribe(t))) as Record<string, unknown>);
    expect(back.gatewayLoadBalancers).toEqual(t.gatewayLoadBalancers);
    expect(back.targetGroups).toEqual(t.targetGroups);
    expect(analyze(back, q).blockers.map((b) => b.code)).toEqual(["RCH_GWLB_NO_HEALTHY_TARGET"]);
  });
});
