import { describe, expect, it } from "vitest";
import { buildNetwork } from "@/lib/net/network";
import { publicDnsName, privateDnsName, resolveDnsName } from "@/lib/net/dns";
import { toIp } from "@/lib/net/cidr";
import { run, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

function peeredWithPublic(dnsOption: boolean) {
  const input = twoPeered();
  must(must(input.instances)[1]).publicIp = "54.9.9.9";
  must(must(input.peeringConnections)[0]).accepterAllowDnsResolutionFromRemoteVpc = dnsOption;
  return topo(input);
}

describe("DNS", () => {
  it("builds EC2 public and private hostnames", () => {
    expect(publicDnsName(toIp("54.9.9.9"), "us-east-1")).toBe("ec2-54-9-9-9.compute-1.amazonaws.com");
    expect(publicDnsName(toIp("54.9.9.9"), "eu-west-1")).toBe("ec2-54-9-9-9.eu-west-1.compute.amazonaws.com");
    expect(privateDnsName(toIp("10.0.1.5"), "us-east-1")).toBe("ip-10-0-1-5.ec2.internal");
  });

  it("a public hostname resolves to the private IP inside its own VPC, to the public IP elsewhere", () => {
    const net = buildNetwork(peeredWithPublic(false));
    const name = "ec2-54-9-9-9.compute-1.amazonaws.com";
    const inside = net.enis.get("eni-2");
    expect(resolveDnsName(net, name, inside)?.ip.text).toBe("10.1.1.10");
    expect(resolveDnsName(net, name, net.enis.get("eni-1"))?.ip.text).toBe("54.9.9.9");
  });

  it("PCX-13: the peering DNS option makes the peer's public hostname resolve to its private IP, so traffic uses the peering", () => {
    const name = "ec2-54-9-9-9.compute-1.amazonaws.com";
    const off = run(peeredWithPublic(false), "h-1", name, 22);
    expect(off.reachable).toBe(false);
    expect(off.forward.some((h) => h.component.id === "pcx-12")).toBe(false);
    expect(off.details?.[0]?.message).toMatch(/public address 54\.9\.9\.9/);
    const on = run(peeredWithPublic(true), "h-1", name, 22);
    expect(on.reachable).toBe(true);
    expect(on.forward.some((h) => h.component.id === "pcx-12")).toBe(true);
  });

  it("PCX-13: with the option on but DNS hostnames off in the requester VPC, the note names that attribute", () => {
    const input = twoPeered();
    must(must(input.instances)[1]).publicIp = "54.9.9.9";
    must(must(input.peeringConnections)[0]).accepterAllowDnsResolutionFromRemoteVpc = true;
    must(must(input.vpcs)[0]).enableDnsHostnames = false;
    const a = run(topo(input), "h-1", "ec2-54-9-9-9.compute-1.amazonaws.com", 22);
    expect(a.details?.[0]?.message).toMatch(
      /pcx-12 allows DNS resolution from the remote VPC, but enableDnsHostnames is off in vpc-1 \(the requester\)/,
    );
  });
});
