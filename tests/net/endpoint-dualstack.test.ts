import { describe, expect, it } from "vitest";
import type { TopologyInput } from "@/lib/net/topology";
import { codes, run, topo } from "./helpers";

// aws-rules IFE-11: a dual-stack interface endpoint's interfaces have IPv6 addresses too, and its DnsRecordIpType
// decides whether its names have AAAA records; an IPv6-only client uses them (exam7 F5).
const REGIONAL = "vpce-kms-1a2b.kms.us-east-1.vpce.amazonaws.com";
const ZONAL = "vpce-kms-1a2b-us-east-1a.kms.us-east-1.vpce.amazonaws.com";

function endpoint(
  dnsRecordIpType: "ipv4" | "dualstack" | "ipv6" | "service-defined",
  v6 = true,
): TopologyInput {
  return {
    vpcs: [
      {
        id: "vpc-1",
        cidrBlocks: ["10.0.0.0/16"],
        ipv6CidrBlocks: ["2600:1f18:aa00::/56"],
        enableDnsHostnames: true,
      },
    ],
    subnets: [
      {
        id: "subnet-ep",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.2.0/24",
        ipv6CidrBlock: "2600:1f18:aa00:2::/64",
      },
      {
        id: "subnet-v6",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        ipv6CidrBlock: "2600:1f18:aa00:1::/64",
      },
    ],
    securityGroups: [
      {
        id: "sg-ep",
        vpcId: "vpc-1",
        inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "::/0" }],
      },
      { id: "sg-c", vpcId: "vpc-1", inbound: [] },
    ],
    interfaceEndpoints: [
      {
        id: "vpce-kms",
        vpcId: "vpc-1",
        serviceName: "com.amazonaws.us-east-1.kms",
        networkInterfaces: [
          {
            id: "eni-ep",
            subnetId: "subnet-ep",
            privateIp: "10.0.2.50",
            ...(v6 ? { ipv6Addresses: ["2600:1f18:aa00:2::50"] } : {}),
          },
        ],
        securityGroupIds: ["sg-ep"],
        privateDnsEnabled: true,
        dnsRecordIpType,
        dnsNames: [REGIONAL, ZONAL],
      },
    ],
    instances: [
      {
        id: "i-c6",
        name: "c6",
        subnetId: "subnet-v6",
        privateIp: "2600:1f18:aa00:1::10",
        securityGroupIds: ["sg-c"],
      },
    ],
  };
}

describe("a dual-stack interface endpoint and an IPv6-only client (IFE-11)", () => {
  it("the service name's AAAA record (DnsRecordIpType dualstack) reaches the endpoint's IPv6 address", () => {
    const a = run(topo(endpoint("dualstack")), "c6", "com.amazonaws.us-east-1.kms", 443);
    expect(codes(a)).toEqual([]);
    expect(a.forward[0]?.outbound?.dstIp).toBe("2600:1f18:aa00:2::50");
  });

  it("the endpoint's IPv6 address and its id are reachable too", () => {
    const t = topo(endpoint("dualstack"));
    expect(run(t, "c6", "2600:1f18:aa00:2::50", 443).reachable).toBe(true);
    expect(run(t, "c6", "vpce-kms", 443).reachable).toBe(true);
  });

  it("with A records only (ipv4, or service-defined for the private name) the IPv6-only client cannot use the name", () => {
    for (const type of ["ipv4", "service-defined"] as const) {
      const a = run(topo(endpoint(type)), "c6", "com.amazonaws.us-east-1.kms", 443);
      expect(codes(a)).toEqual(["RCH_NO_IPV4_ADDRESS"]);
    }
  });

  it("a dual-stack client keeps the A record", () => {
    const input = endpoint("dualstack");
    const t = topo({
      ...input,
      instances: [
        { id: "i-c4", name: "c4", subnetId: "subnet-ep", privateIp: "10.0.2.10", securityGroupIds: ["sg-c"] },
      ],
      securityGroups: [
        {
          id: "sg-ep",
          vpcId: "vpc-1",
          inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/16" }],
        },
        { id: "sg-c", vpcId: "vpc-1", inbound: [] },
      ],
    });
    const a = run(t, "c4", "com.amazonaws.us-east-1.kms", 443);
    expect(codes(a)).toEqual([]);
    expect(a.forward[0]?.outbound?.dstIp).toBe("10.0.2.50");
  });
});

// IFE-03: the endpoint-specific Regional and zonal names (DnsEntries) resolve to the endpoint from any network, with
// private DNS on or off; service-defined records give these names AAAA records too (IFE-11) (exam7 F2).
describe("an interface endpoint's endpoint-specific DNS names", () => {
  it("resolve to the endpoint's interface", () => {
    for (const name of [REGIONAL, ZONAL]) {
      const a = run(topo(endpoint("dualstack")), "c6", name, 443);
      expect(codes(a)).toEqual([]);
      expect(a.forward[0]?.outbound?.dstIp).toBe("2600:1f18:aa00:2::50");
    }
  });

  it("have AAAA records under service-defined, where the service's private name does not", () => {
    const t = topo(endpoint("service-defined"));
    expect(run(t, "c6", REGIONAL, 443).reachable).toBe(true);
    expect(codes(run(t, "c6", "com.amazonaws.us-east-1.kms", 443))).toEqual(["RCH_NO_IPV4_ADDRESS"]);
  });

  it("a name the endpoint does not list stays unknown", () => {
    const a = run(topo(endpoint("dualstack")), "c6", "vpce-kms-9z9z.kms.us-east-1.vpce.amazonaws.com", 443);
    expect(codes(a)).toEqual(["NO_SOURCE_OR_DESTINATION"]);
  });
});
