import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { codes, edited, run, topo } from "./helpers";

// aws-rules NAT-07: one regional NAT gateway for the VPC, in no subnet, with an Elastic IP per zone. Both private
// subnets (us-east-1a and us-east-1b) route 0.0.0.0/0 to it through one shared route table; the gateway's own
// route table (rtb-nat, associated with no subnet) sends 0.0.0.0/0 to the internet gateway. No public subnet.
const t = topo({
  vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
  subnets: [
    { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
    { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.2.0/24" },
  ],
  routeTables: [
    {
      id: "rtb-private",
      vpcId: "vpc-1",
      main: true,
      routes: [{ destination: "0.0.0.0/0", target: "nat-r" }],
    },
    { id: "rtb-nat", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
  ],
  internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
  regionalNatGateways: [
    {
      id: "nat-r",
      vpcId: "vpc-1",
      routeTableId: "rtb-nat",
      addresses: [
        { availabilityZone: "us-east-1a", publicIp: "3.0.0.10" },
        { availabilityZone: "us-east-1b", publicIp: "3.0.0.20" },
      ],
    },
  ],
  instances: [
    { id: "i-a", name: "a", subnetId: "subnet-a", privateIp: "10.0.1.10" },
    { id: "i-b", name: "b", subnetId: "subnet-b", privateIp: "10.0.2.10" },
  ],
});

const translatedSource = (a: ReturnType<typeof run>) =>
  a.forward.find((h) => h.component.id === "nat-r")?.outbound?.srcIp;

describe("regional NAT gateways (NAT-07)", () => {
  it("is valid as AWS creates it: routes from any subnet target the one gateway", () => {
    expect(validate(t).filter((i) => i.severity === "error")).toEqual([]);
  });

  it("serves each subnet in its own zone, with that zone's Elastic IP, and the reply comes back", () => {
    const a = run(t, "a", "internet", 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(translatedSource(a)).toBe("3.0.0.10");
    const forward = a.forward.map((h) => h.component.id);
    expect(forward.indexOf("nat-r")).toBeLessThan(forward.indexOf("rtb-nat"));
    expect(forward.indexOf("rtb-nat")).toBeLessThan(forward.indexOf("igw-1"));
    const back = a.return.map((h) => h.component.id);
    expect(back.slice(0, 3)).toEqual(["internet", "igw-1", "nat-r"]);
    expect(a.return.at(-1)?.inbound?.dstIp).toBe("10.0.1.10");

    const b = run(t, "b", "internet", 443);
    expect(b.reachable).toBe(true);
    expect(translatedSource(b)).toBe("3.0.0.20");
  });

  it("the internet cannot open a connection to the gateway's address", () => {
    const a = run(t, "internet", "3.0.0.10", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toContain("NO_POSSIBLE_DESTINATION");
  });

  it("an instance behind the gateway opening a connection to the gateway's own address is refused, not taken as a reply", () => {
    const a = run(t, "a", "3.0.0.10", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["NO_POSSIBLE_DESTINATION"]);
    expect(a.forward.some((h) => h.component.id === "i-a" && h.action === "deliver")).toBe(false);
  });

  it("manual mode: a zone without an address is not served", () => {
    const manual = edited(t, (d) => {
      const nat = d.regionalNatGateways?.[0];
      if (nat) {
        nat.autoProvisionZones = false;
        nat.addresses = nat.addresses.filter((x) => x.availabilityZone === "us-east-1a");
      }
    });
    expect(run(manual, "a", "internet", 443).reachable).toBe(true);
    const b = run(manual, "b", "internet", 443);
    expect(b.reachable).toBe(false);
    expect(codes(b)).toEqual(["RCH_REGIONAL_NAT_ZONE_NOT_SERVED"]);
    expect(b.blockers[0]?.rules).toEqual(["NAT-07"]);
  });

  it("automatic mode: a zone the snapshot lists no address for is assumed served, and the trace says so", () => {
    const auto = edited(t, (d) => {
      const nat = d.regionalNatGateways?.[0];
      if (nat) nat.addresses = nat.addresses.filter((x) => x.availabilityZone === "us-east-1a");
    });
    const b = run(auto, "b", "internet", 443);
    expect(b.reachable).toBe(true);
    expect(b.details?.map((d) => d.code)).toContain("RCH_ASSUMED_REGIONAL_NAT_ZONE");
  });

  it("its route table decides: without a route to the internet gateway nothing leaves", () => {
    const noRoute = edited(t, (d) => {
      const rt = d.routeTables.find((r) => r.id === "rtb-nat");
      if (rt) rt.routes = [];
    });
    const a = run(noRoute, "a", "internet", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(a.blockers[0]?.component).toBe("rtb-nat");
  });

  it("a gateway that is not available drops the traffic", () => {
    const pending = edited(t, (d) => {
      const nat = d.regionalNatGateways?.[0];
      if (nat) nat.state = "pending";
    });
    expect(codes(run(pending, "a", "internet", 443))).toContain("BAD_STATE");
  });

  it("Block Public Access: ingress-only lets NAT gateway traffic out, bidirectional does not (IGW-07)", () => {
    const mode = (m: "block-ingress" | "block-bidirectional") =>
      edited(t, (d) => {
        const vpc = d.vpcs[0];
        if (vpc) vpc.blockPublicAccess = m;
      });
    expect(run(mode("block-ingress"), "a", "internet", 443).reachable).toBe(true);
    expect(codes(run(mode("block-bidirectional"), "a", "internet", 443))).toEqual([
      "VPC_BLOCK_PUBLIC_ACCESS_ENABLED",
    ]);
  });

  it("validate names a route table in another VPC and a zone listed twice", () => {
    const bad = edited(t, (d) => {
      d.vpcs.push({
        id: "vpc-2",
        cidrBlocks: ["10.9.0.0/16"],
        ipv6CidrBlocks: [],
        enableDnsSupport: true,
        enableDnsHostnames: false,
      });
      d.routeTables.push({
        id: "rtb-other",
        vpcId: "vpc-2",
        main: true,
        routes: [],
        propagatingGatewayIds: [],
      });
      const nat = d.regionalNatGateways?.[0];
      if (nat) {
        nat.routeTableId = "rtb-other";
        nat.addresses.push({ availabilityZone: "us-east-1a", publicIp: "3.0.0.30" });
      }
    });
    const found = validate(bad).map((i) => i.code);
    expect(found).toContain("RCH_REGIONAL_NAT_ROUTE_TABLE_ELSEWHERE");
    expect(found).toContain("RCH_REGIONAL_NAT_ZONE_TWICE");
  });
});
