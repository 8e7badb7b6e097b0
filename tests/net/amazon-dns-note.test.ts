import { describe, expect, it } from "vitest";
import { oneVpc, run, topo } from "./helpers";

// SG-08: security groups and network ACLs do not filter traffic to the Amazon DNS server (VPC+2, 169.254.169.253).
// The model does not analyse that traffic; a query to it on port 53 says so (exam7 F6).
const note = (a: ReturnType<typeof run>) => a.details?.find((d) => d.code === "RCH_AMAZON_DNS_SERVER");

describe("a DNS query to the Amazon DNS server", () => {
  it("VPC+2 on port 53 carries a note naming SG-08", () => {
    expect(note(run(topo(oneVpc()), "h-a", "10.0.0.2", 53, "udp"))?.message).toMatch(/SG-08/);
  });

  it("another port or address carries none", () => {
    const t = topo(oneVpc());
    expect(note(run(t, "h-a", "10.0.0.2", 80))).toBeUndefined();
    expect(note(run(t, "h-a", "10.0.0.3", 53, "udp"))).toBeUndefined();
  });
});
