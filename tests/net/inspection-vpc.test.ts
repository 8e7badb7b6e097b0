import { describe, expect, it } from "vitest";
import { firstVerifiedFix } from "@/lib/net/fixes";
import { validate } from "@/lib/net/validate";
import { codes, edited, run, topo } from "./helpers";

// aws-rules GWLB-01 / TGW-11: two spoke VPCs in different zones talk through a transit gateway whose spoke
// route table sends everything to an inspection VPC; there each zone's attachment subnet routes 0.0.0.0/0 to
// that zone's Gateway Load Balancer endpoint, and the endpoint subnets route 10.0.0.0/8 back to the TGW.
const SVC = "com.amazonaws.vpce.us-east-1.vpce-svc-0inspect0000000001";
const t = topo({
  vpcs: [
    { id: "vpc-a", cidrBlocks: ["10.1.0.0/16"] },
    { id: "vpc-b", cidrBlocks: ["10.2.0.0/16"] },
    { id: "vpc-insp", cidrBlocks: ["10.100.0.0/16"] },
  ],
  subnets: [
    {
      id: "subnet-a",
      vpcId: "vpc-a",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.1.1.0/24",
      routeTableId: "rtb-a",
    },
    {
      id: "subnet-b",
      vpcId: "vpc-b",
      availabilityZone: "us-east-1b",
      cidrBlock: "10.2.1.0/24",
      routeTableId: "rtb-b",
    },
    {
      id: "subnet-tgw-a",
      vpcId: "vpc-insp",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.100.0.0/24",
      routeTableId: "rtb-tgw-a",
    },
    {
      id: "subnet-tgw-b",
      vpcId: "vpc-insp",
      availabilityZone: "us-east-1b",
      cidrBlock: "10.100.1.0/24",
      routeTableId: "rtb-tgw-b",
    },
    {
      id: "subnet-gw-a",
      vpcId: "vpc-insp",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.100.10.0/24",
      routeTableId: "rtb-gw",
    },
    {
      id: "subnet-gw-b",
      vpcId: "vpc-insp",
      availabilityZone: "us-east-1b",
      cidrBlock: "10.100.11.0/24",
      routeTableId: "rtb-gw",
    },
  ],
  routeTables: [
    { id: "rtb-a", vpcId: "vpc-a", routes: [{ destination: "10.0.0.0/8", target: "tgw-1" }] },
    { id: "rtb-b", vpcId: "vpc-b", routes: [{ destination: "10.0.0.0/8", target: "tgw-1" }] },
    { id: "rtb-tgw-a", vpcId: "vpc-insp", routes: [{ destination: "0.0.0.0/0", target: "vpce-insp-a" }] },
    { id: "rtb-tgw-b", vpcId: "vpc-insp", routes: [{ destination: "0.0.0.0/0", target: "vpce-insp-b" }] },
    { id: "rtb-gw", vpcId: "vpc-insp", routes: [{ destination: "10.0.0.0/8", target: "tgw-1" }] },
  ],
  securityGroups: [
    { id: "sg-a", vpcId: "vpc-a", inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }] },
    { id: "sg-b", vpcId: "vpc-b", inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }] },
  ],
  instances: [
    { id: "i-a", name: "a", subnetId: "subnet-a", privateIp: "10.1.1.10", securityGroupIds: ["sg-a"] },
    { id: "i-b", name: "b", subnetId: "subnet-b", privateIp: "10.2.1.10", securityGroupIds: ["sg-b"] },
  ],
  transitGateways: [{ id: "tgw-1" }],
  transitGatewayAttachments: [
    { id: "tgw-attach-a", transitGatewayId: "tgw-1", type: "vpc", vpcId: "vpc-a", subnetIds: ["subnet-a"] },
    { id: "tgw-attach-b", transitGatewayId: "tgw-1", type: "vpc", vpcId: "vpc-b", subnetIds: ["subnet-b"] },
    {
      id: "tgw-attach-insp",
      transitGatewayId: "tgw-1",
      type: "vpc",
      vpcId: "vpc-insp",
      subnetIds: ["subnet-tgw-a", "subnet-tgw-b"],
    },
  ],
  transitGatewayRouteTables: [
    {
      id: "tgw-rtb-spokes",
      transitGatewayId: "tgw-1",
      associations: ["tgw-attach-a", "tgw-attach-b"],
      routes: [{ destination: "0.0.0.0/0", attachmentId: "tgw-attach-insp" }],
    },
    {
      id: "tgw-rtb-insp",
      transitGatewayId: "tgw-1",
      associations: ["tgw-attach-insp"],
      routes: [
        { destination: "10.1.0.0/16", attachmentId: "tgw-attach-a" },
        { destination: "10.2.0.0/16", attachmentId: "tgw-attach-b" },
      ],
    },
  ],
  gatewayLoadBalancerEndpoints: [
    { id: "vpce-insp-a", vpcId: "vpc-insp", subnetId: "subnet-gw-a", serviceName: SVC },
    { id: "vpce-insp-b", vpcId: "vpc-insp", subnetId: "subnet-gw-b", serviceName: SVC },
  ],
});

describe("an inspection VPC behind a transit gateway", () => {
  it("a -> b without appliance mode: the reply crosses the other zone's appliance and is dropped (TGW-11)", () => {
    const r = run(t, "a", "b", 443);
    const forward = r.forward.map((h) => h.component.id);
    expect(forward).toEqual(
      expect.arrayContaining(["tgw-attach-insp", "vpce-insp-a", "tgw-rtb-insp", "tgw-attach-b"]),
    );
    expect(forward.indexOf("vpce-insp-a")).toBeLessThan(forward.indexOf("tgw-rtb-insp"));
    // AWS keeps each direction in the zone it entered the transit gateway by: the reply enters the inspection
    // VPC in b's zone, through another appliance, which never saw the request.
    expect(r.return.map((h) => h.component.id)).toContain("vpce-insp-b");
    expect(r.reachable).toBe(false);
    expect(codes(r)).toEqual(["RCH_APPLIANCE_MODE_ASYMMETRIC_PATH"]);
    const b = r.blockers[0];
    expect([b?.direction, b?.component, b?.rules]).toEqual(["return", "tgw-attach-insp", ["TGW-11"]]);
    expect(b?.message).toContain("us-east-1a");
    expect(b?.message).toContain("us-east-1b");
  });

  it("the reply is dropped at the other zone's Gateway Load Balancer endpoint, not at the attachment, which forwards it", () => {
    const r = run(t, "a", "b", 443);
    const drops = r.return.filter((h) => h.action === "drop").map((h) => h.component.id);
    expect(drops).toEqual(["vpce-insp-b"]);
    expect(r.return.find((h) => h.component.id === "tgw-attach-insp")?.action).toBe("forward");
    expect(r.blockers[0]?.detail).toMatchObject({ appliance: { id: "vpce-insp-b" } });
    expect(r.blockers[0]?.message).toContain("vpce-insp-b");
  });

  it("the fix the model proposes for the asymmetric path is appliance mode, and it verifies", () => {
    const fix = firstVerifiedFix(t, { from: "a", to: "b", protocol: "tcp", port: 443 });
    expect([fix?.kind, fix?.rules]).toEqual(["enable-appliance-mode", ["TGW-11"]]);
  });

  it("with appliance mode on the reply keeps the request's zone and appliance, both ways", () => {
    const on = edited(t, (d) => {
      const att = d.transitGatewayAttachments.find((a) => a.id === "tgw-attach-insp");
      if (att) att.applianceMode = true;
    });
    const r = run(on, "a", "b", 443);
    expect(codes(r)).toEqual([]);
    expect(r.reachable).toBe(true);
    const back = r.return.map((h) => h.component.id);
    expect(back).toContain("vpce-insp-a");
    expect(back).not.toContain("vpce-insp-b");
  });

  it("spokes in the same zone meet one appliance both ways, appliance mode or not", () => {
    const sameZone = edited(t, (d) => {
      const b = d.subnets.find((s) => s.id === "subnet-b");
      if (b) b.availabilityZone = "us-east-1a";
    });
    const r = run(sameZone, "a", "b", 443);
    expect(codes(r)).toEqual([]);
    expect(r.reachable).toBe(true);
  });

  it("without appliance mode validate and the analysis name the risk (TGW-11)", () => {
    const issues = validate(t).filter((i) => i.code === "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED");
    expect(issues.map((i) => [i.path, i.severity, i.rules])).toEqual([
      ["transitGatewayAttachments[2].applianceMode", "warning", ["TGW-11"]],
    ]);
    const r = run(t, "a", "b", 443);
    expect(r.details?.map((d) => d.code)).toContain("TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED");
  });

  it("with appliance mode on there is no finding", () => {
    const on = edited(t, (d) => {
      const att = d.transitGatewayAttachments.find((a) => a.id === "tgw-attach-insp");
      if (att) att.applianceMode = true;
    });
    expect(validate(on).map((i) => i.code)).not.toContain("TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED");
    expect(run(on, "a", "b", 443).details?.map((d) => d.code) ?? []).not.toContain(
      "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED",
    );
  });

  it("an endpoint subnet that does not route back to the TGW blocks the path", () => {
    const broken = edited(t, (d) => {
      const gw = d.routeTables.find((r) => r.id === "rtb-gw");
      if (gw) gw.routes = [];
    });
    const r = run(broken, "a", "b", 443);
    expect(r.reachable).toBe(false);
    expect(codes(r)).toContain("NO_ROUTE_TO_DESTINATION");
  });
});
