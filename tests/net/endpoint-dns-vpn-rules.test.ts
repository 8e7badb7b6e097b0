import { describe, expect, it } from "vitest";
import { codes, edited, example, run } from "./helpers";

describe("GWE-09, IFE-05, VPN-07", () => {
  it("GWE-09: with DNS resolution off in the VPC, the instance cannot resolve S3 and so cannot use the gateway endpoint", () => {
    const original = example("gateway-endpoint-from-peer");
    expect(run(original, "shared-host", "s3", 443).reachable).toBe(true);
    if (!original.vpcs.some((v) => v.id === "vpc-shared")) throw new Error("fixture changed");
    const t = {
      ...original,
      vpcs: original.vpcs.map((v) => (v.id === "vpc-shared" ? { ...v, enableDnsSupport: false } : v)),
    };
    const a = run(t, "shared-host", "s3", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["RCH_DNS_RESOLUTION_DISABLED"]);
    expect(a.blockers[0]?.rules).toEqual(["GWE-09"]);
    // An address needs no DNS: the same VPC still reaches an S3 address through the endpoint.
    const byIp = run(t, "shared-host", "52.216.0.10", 443);
    expect(codes(byIp)).not.toContain("RCH_DNS_RESOLUTION_DISABLED");
    expect(byIp.forward.some((h) => h.component.id === "vpce-s3")).toBe(true);
  });

  it("IFE-05: an interface endpoint cannot initiate a connection to a consumer (VPCE_INTRA_VPC_TRAFFIC)", () => {
    const t = example("interface-endpoint-private-dns");
    expect(run(t, "app", "sqs", 443).reachable).toBe(true);
    for (const from of ["vpce-sqs", "eni-vpce-sqs-a"]) {
      const a = run(t, from, "app", 443);
      expect(a.reachable).toBe(false);
      expect(codes(a)).toContain("VPCE_INTRA_VPC_TRAFFIC");
      expect(a.blockers.find((b) => b.code === "VPCE_INTRA_VPC_TRAFFIC")?.rules).toContain("IFE-05");
    }
  });

  it("VPN-07: a virtual private gateway carries no IPv6 traffic", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      const vpc = d.vpcs.find((v) => v.id === "vpc-hybrid");
      const subnet = d.subnets.find((s) => s.id === "subnet-hybrid");
      const host = d.instances.find((i) => i.id === "i-hybrid");
      const table = d.routeTables.find((r) => r.id === "rtb-hybrid");
      if (!vpc || !subnet || !host || !table) throw new Error("fixture changed");
      vpc.ipv6CidrBlocks = ["2600:1f18:1:100::/56"];
      subnet.ipv6CidrBlock = "2600:1f18:1:100::/64";
      host.ipv6Addresses = ["2600:1f18:1:100::10"];
      table.routes.push({ destination: "2001:db8:aaaa::/48", target: "vgw-1", origin: "static" });
    });
    const a = run(t, "hybrid-host", "2001:db8:aaaa::1", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toContain("RCH_VGW_NO_IPV6");
    expect(a.forward.some((h) => h.component.id === "vgw-1")).toBe(true);
    // IPv4 to the data centre over the same VGW still works (the SG allows outbound by default).
    expect(codes(run(t, "hybrid-host", "192.168.1.10", 22))).not.toContain("RCH_VGW_NO_IPV6");
  });
});
