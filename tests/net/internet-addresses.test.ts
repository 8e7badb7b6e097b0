import { describe, expect, it } from "vitest";
import { INTERNET_CLIENT_IP, INTERNET_SERVER_IP } from "@/lib/net/resolve";
import { buildNetwork } from "@/lib/net/network";
import { internetAddresses } from "@/lib/net/network-indexes";
import { analyze } from "@/lib/net/reachability";
import { example, topo } from "./helpers";

/** A public web server whose public IP is the default internet stand-in address. */
function collidingTopology(publicIp: string) {
  return topo({
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [
      {
        id: "subnet-pub",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.0.0/24",
        routeTableId: "rtb-pub",
      },
    ],
    routeTables: [{ id: "rtb-pub", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] }],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    securityGroups: [
      {
        id: "sg-web",
        vpcId: "vpc-1",
        inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }],
      },
    ],
    instances: [
      {
        id: "i-web",
        name: "web",
        subnetId: "subnet-pub",
        privateIp: "10.0.0.10",
        publicIp,
        securityGroupIds: ["sg-web"],
      },
      {
        id: "i-other",
        name: "other",
        subnetId: "subnet-pub",
        privateIp: "10.0.0.11",
        publicIp: "3.3.3.3",
        securityGroupIds: ["sg-web"],
      },
    ],
  });
}

describe("internet stand-in addresses", () => {
  it("keep the documented defaults when the topology does not use them", () => {
    const net = buildNetwork(example("public-private-nat"));
    expect(internetAddresses(net).client.text).toBe(INTERNET_CLIENT_IP);
    expect(internetAddresses(net).server.text).toBe(INTERNET_SERVER_IP);
  });

  it("skip an instance's public IP: traffic to 'internet' is not delivered to that instance", () => {
    const t = collidingTopology(INTERNET_SERVER_IP);
    const net = buildNetwork(t);
    expect(internetAddresses(net).server.text).not.toBe(INTERNET_SERVER_IP);
    expect(internetAddresses(net).server.text).toBe("203.0.113.11"); // deterministic: next free address
    const a = analyze(net, { from: "other", to: "internet", protocol: "tcp", port: 443 });
    expect(a.reachable).toBe(true);
    expect(a.forward.at(-1)?.component.type).toBe("internet");
    expect(a.flowLogs.some((r) => r.interfaceId === "eni-web")).toBe(false);
  });

  it("skip the client default too, and the two never coincide", () => {
    const net = buildNetwork(collidingTopology(INTERNET_CLIENT_IP));
    expect(internetAddresses(net).client.text).toBe("198.51.100.11");
    expect(internetAddresses(net).server.text).toBe(INTERNET_SERVER_IP);
    const a = analyze(net, { from: "internet", to: "web", protocol: "tcp", port: 443 });
    expect(a.forward[0]?.outbound?.srcIp).toBe("198.51.100.11");
    expect(a.reachable).toBe(true);
  });
});
