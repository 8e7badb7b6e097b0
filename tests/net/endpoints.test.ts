import { describe, expect, it } from "vitest";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";

describe("gateway endpoints", () => {
  it("GWE-02: only subnets whose route table is associated with the endpoint use it; others take the public path", () => {
    const t = example("gateway-endpoint-from-peer");
    const a = run(t, "shared-host", "s3", 443);
    expect(a.reachable).toBe(true);
    expect(a.forward.find((h) => h.component.type === "route-table")?.matched?.description).toMatch(
      /^pl-63a5400a .* -> vpce-s3$/,
    );
    const unassociated = edited(t, (d) => {
      must(d.gatewayEndpoints[0]).routeTableIds = [];
    });
    expect(codes(run(unassociated, "shared-host", "s3", 443))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
  });

  it("GWE-04: the prefix-list route beats 0.0.0.0/0, but a more specific route into the service range wins", () => {
    const t = edited(example("gateway-endpoint-from-peer"), (d) => {
      d.internetGateways.push({ id: "igw-s", vpcId: "vpc-shared" });
      must(d.routeTables[0]).routes.push({ destination: "0.0.0.0/0", target: "igw-s", origin: "static" });
    });
    expect(run(t, "shared-host", "s3", 443).forward.some((h) => h.component.id === "vpce-s3")).toBe(true);
    const specific = edited(t, (d) => {
      must(d.routeTables[0]).routes.push({ destination: "52.216.0.0/16", target: "igw-s", origin: "static" });
    });
    expect(run(specific, "shared-host", "s3", 443).forward.some((h) => h.component.id === "igw-s")).toBe(
      true,
    );
  });

  it("GWE-06: resources across a peering cannot use the endpoint (golden: gateway-endpoint-from-peer)", () => {
    const a = run(example("gateway-endpoint-from-peer"), "app-host", "s3", 443);
    expect(a.blockers[0]?.rules).toContain("PCX-10");
    expect(a.forward.some((h) => h.component.type === "vpc-gateway-endpoint")).toBe(false);
  });

  it("GWE-08: an endpoint policy that denies everything blocks the request", () => {
    const t = edited(example("gateway-endpoint-from-peer"), (d) => {
      must(d.gatewayEndpoints[0]).policy = "deny-all";
    });
    expect(codes(run(t, "shared-host", "s3", 443))).toEqual(["RCH_ENDPOINT_POLICY_DENIES"]);
  });

  it("GWE-10: a gateway endpoint carries TCP, not UDP", () => {
    expect(codes(run(example("gateway-endpoint-from-peer"), "shared-host", "s3", 53, "udp"))).toContain(
      "VPCE_GATEWAY_PROTOCOL_RESTRICTION",
    );
  });

  it("GWE-05: prefix lists are regional – S3 in another Region is not routed to the endpoint", () => {
    const t = edited(example("gateway-endpoint-from-peer"), (d) => {
      d.services.push({ service: "s3", region: "eu-west-1", cidrBlocks: ["52.218.0.0/17"] });
    });
    expect(codes(run(t, "shared-host", "com.amazonaws.eu-west-1.s3", 443))).toEqual([
      "NO_ROUTE_TO_DESTINATION",
    ]);
  });
});

describe("interface endpoints", () => {
  it("IFE-03: with private DNS the service name resolves to the endpoint ENI in the VPC", () => {
    const a = run(example("interface-endpoint-private-dns"), "app", "sqs", 443);
    expect(a.reachable).toBe(true);
    expect(a.forward.at(-1)).toMatchObject({ component: { id: "vpce-sqs", type: "vpc-endpoint" } });
    expect(a.details?.[0]?.message).toMatch(/10\.0\.1\.50/);
  });

  it("IFE-03: without private DNS the name resolves to the public service address, which this VPC cannot reach", () => {
    const t = edited(example("interface-endpoint-private-dns"), (d) => {
      must(d.interfaceEndpoints[0]).privateDnsEnabled = false;
    });
    expect(codes(run(t, "app", "sqs", 443))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
  });

  it("IFE-08: with private DNS only for the inbound Resolver endpoint, the name keeps its public address inside the VPC", () => {
    const t = edited(example("interface-endpoint-private-dns"), (d) => {
      must(d.interfaceEndpoints[0]).privateDnsOnlyForInboundResolverEndpoint = true;
    });
    const a = run(t, "app", "sqs", 443);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(a.details?.[0]?.message).toMatch(
      /vpce-sqs has private DNS only for the Route 53 Resolver inbound endpoint/,
    );
  });

  it("IFE-02: the endpoint's security group must allow the client", () => {
    const t = edited(example("interface-endpoint-private-dns"), (d) => {
      must(d.securityGroups[0]).inbound = [];
    });
    expect(codes(run(t, "app", "sqs", 443))).toEqual(["SG_HAS_NO_RULES"]);
    expect(codes(run(example("interface-endpoint-private-dns"), "app", "sqs", 8443))).toEqual([
      "ENI_SG_RULES_MISMATCH",
    ]);
  });

  it("IFE-04: an interface endpoint is reachable over a peering by its own address", () => {
    const t = edited(example("interface-endpoint-private-dns"), (d) => {
      d.vpcs.push({
        id: "vpc-peer",
        cidrBlocks: ["10.9.0.0/16"],
        ipv6CidrBlocks: [],
        enableDnsSupport: true,
        enableDnsHostnames: true,
      });
      d.subnets.push({
        id: "subnet-peer",
        vpcId: "vpc-peer",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.9.1.0/24",
        routeTableId: "rtb-peer",
      });
      d.routeTables.push({
        id: "rtb-peer",
        vpcId: "vpc-peer",
        main: false,
        propagatingGatewayIds: [],
        routes: [{ destination: "10.0.0.0/16", target: "pcx-p", origin: "static" }],
      });
      must(d.routeTables[0]).routes.push({ destination: "10.9.0.0/16", target: "pcx-p", origin: "static" });
      d.peeringConnections.push({
        id: "pcx-p",
        requesterVpcId: "vpc-peer",
        accepterVpcId: "vpc-p",
        status: "active",
        requesterAllowDnsResolutionFromRemoteVpc: false,
        accepterAllowDnsResolutionFromRemoteVpc: false,
      });
      must(d.securityGroups[0]).inbound.push({
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrBlock: "10.9.0.0/16",
      });
      d.instances.push({
        id: "i-peer",
        name: "peer",
        subnetId: "subnet-peer",
        privateIp: "10.9.1.10",
        securityGroupIds: [],
        ipv6Addresses: [],
        sourceDestCheck: true,
        networkInterfaceIds: [],
        state: "running",
      });
    });
    expect(run(t, "peer", "vpce-sqs", 443).reachable).toBe(true);
  });
});

describe("AWS services without an endpoint", () => {
  it("GWE-02: S3 without a gateway endpoint is reached on its public addresses through the NAT gateway and IGW", () => {
    const t = edited(example("public-private-nat"), (d) => {
      d.prefixLists.push({ id: "pl-s3", name: "com.amazonaws.us-east-1.s3", cidrBlocks: ["52.216.0.0/15"] });
      d.services.push({ service: "s3", region: "us-east-1", prefixListId: "pl-s3", cidrBlocks: [] });
    });
    const a = run(t, "app", "s3", 443);
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.id)).toEqual(expect.arrayContaining(["nat-main", "igw-main"]));
    expect(a.forward.at(-1)).toMatchObject({
      component: { type: "aws-service" },
      inbound: { srcIp: "3.80.1.1" },
    });
    // Adding a gateway endpoint on the private route table takes S3 traffic off the NAT path (GWE-04).
    const withEndpoint = edited(t, (d) => {
      d.gatewayEndpoints.push({
        id: "vpce-s3",
        vpcId: "vpc-main",
        service: "s3",
        routeTableIds: ["rtb-private"],
        policy: "allow-all",
      });
    });
    const b = run(withEndpoint, "app", "s3", 443);
    expect(b.reachable).toBe(true);
    expect(b.forward.some((h) => h.component.id === "nat-main")).toBe(false);
    expect(b.forward.some((h) => h.component.id === "vpce-s3")).toBe(true);
  });

  it("an unknown service name is reported, not thrown", () => {
    expect(codes(run(example("public-private-nat"), "app", "dynamo", 443))).toEqual([
      "NO_SOURCE_OR_DESTINATION",
    ]);
  });

  it("the documented short name dynamodb is the public service even without its prefix list or an endpoint", () => {
    const r = run(example("public-private-nat"), "app", "dynamodb", 443);
    expect(r.blockers).toEqual([]);
    expect(r.forward.some((h) => h.component.type === "nat-gateway")).toBe(true);
  });
});
