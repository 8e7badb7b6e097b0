import { describe, expect, it } from "vitest";
import { buildNetwork } from "@/lib/net/network";
import { analyze } from "@/lib/net/reachability";
import { codes, edited, example, oneVpc, run, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

describe("analyze", () => {
  it("ORD-01: different subnets – ENI, SG egress, NACL out, route table, NACL in, SG in, ENI", () => {
    const a = run(topo(oneVpc()), "h-a", "h-b");
    expect(a.forward.map((h) => `${h.component.type}:${h.action}`)).toEqual([
      "network-interface:send",
      "security-group:allow",
      "network-acl:allow",
      "route-table:forward",
      "network-acl:allow",
      "security-group:allow",
      "network-interface:deliver",
    ]);
    expect(a.return[0]?.component.id).toBe("eni-b");
    expect(a.return.at(-1)?.component.id).toBe("eni-a");
  });

  it("reports every blocker, not just the first (blocked-path semantics)", () => {
    const input = twoPeered({ status: "pending-acceptance", routeBack: false });
    must(must(input.securityGroups)[1]).inbound = [
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/8" },
    ];
    const a = run(topo(input), "h-1", "h-2", 22);
    expect(codes(a)).toEqual(["BAD_STATE_ROUTE", "ENI_SG_RULES_MISMATCH", "NO_ROUTE_TO_DESTINATION"]);
    expect(a.blockers.map((b) => b.direction)).toEqual(["forward", "forward", "return"]);
    for (const b of a.blockers) {
      expect(b.message.length).toBeGreaterThan(20);
      expect(b.rules.length).toBeGreaterThan(0);
    }
  });

  it("accepts a prebuilt Network and gives the same answer as the topology", () => {
    const t = example("tgw-hub");
    const net = buildNetwork(t);
    const query = { from: "host-1", to: "10.2.1.10", protocol: "tcp" as const, port: 22 };
    expect(analyze(net, query)).toEqual(analyze(t, query));
  });

  it("resolves ids, names and IPs alike", () => {
    const t = example("tgw-hub");
    for (const [from, to] of [
      ["i-1", "i-2"],
      ["host-1", "host-2"],
      ["10.1.1.10", "10.2.1.10"],
      ["eni-1", "eni-2"],
    ] as const) {
      expect(run(t, from, to).reachable).toBe(true);
    }
  });

  it("unknown references give NO_SOURCE_OR_DESTINATION instead of throwing", () => {
    const a = run(example("tgw-hub"), "nobody", "host-2");
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["NO_SOURCE_OR_DESTINATION"]);
    expect(codes(run(example("tgw-hub"), "host-1", "no.such.name.example"))).toEqual([
      "NO_SOURCE_OR_DESTINATION",
    ]);
  });

  it("ICMP has no ports and is matched by protocol", () => {
    const a = analyze(example("tgw-hub"), { from: "host-1", to: "host-2", protocol: "icmp" });
    expect(a.reachable).toBe(true);
    expect(a.flowLogs[0]).toMatchObject({ protocol: 1, srcPort: 0, dstPort: 0 });
  });

  it("a stopped destination instance is a BAD_STATE blocker", () => {
    const t = edited(example("tgw-hub"), (d) => {
      d.instances[1] = { ...must(d.instances[1]), state: "stopped" };
    });
    expect(codes(run(t, "host-1", "host-2"))).toContain("BAD_STATE");
  });
});
