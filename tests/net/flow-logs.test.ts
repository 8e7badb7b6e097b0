import { describe, expect, it } from "vitest";
import { formatFlowLogRecord, parseFlowLogRecord } from "@/lib/net/flow-logs";
import { analyze } from "@/lib/net/reachability";
import { example, oneVpc, run, topo } from "./helpers";

describe("flow-log records", () => {
  it("formats and parses the default version 2 line (AWS doc example)", () => {
    const line =
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    const rec = parseFlowLogRecord(line);
    expect(rec).toMatchObject({
      interfaceId: "eni-1235b8ca123456789",
      dstPort: 22,
      protocol: 6,
      action: "ACCEPT",
    });
    expect(rec && formatFlowLogRecord(rec)).toBe(line);
    expect(
      parseFlowLogRecord("2 123456789010 eni-1 - - - - - - - 1431280876 1431280934 - NODATA"),
    ).toBeNull();
    expect(parseFlowLogRecord("garbage")).toBeNull();
  });

  it("ORD-05: request allowed, reply dropped by the NACL – ACCEPT for the request and REJECT for the response on the same ENI", () => {
    const a = run(example("nacl-blocks-responses"), "internet", "web", 443);
    const onWeb = a.flowLogs.filter((r) => r.interfaceId === "eni-web");
    expect(onWeb.map((r) => [r.srcAddr, r.dstAddr, r.dstPort, r.action])).toEqual([
      ["198.51.100.10", "10.0.0.10", 443, "ACCEPT"],
      ["10.0.0.10", "198.51.100.10", 49152, "REJECT"],
    ]);
  });

  it("ORD-05: a request rejected by the destination security group gives one REJECT record on the destination ENI", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          {
            id: "sg-open",
            vpcId: "vpc-1",
            inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }],
          },
        ],
      }),
    );
    const a = run(t, "h-a", "h-b", 3389);
    const onB = a.flowLogs.filter((r) => r.interfaceId === "eni-b");
    expect(onB).toHaveLength(1);
    expect(onB[0]).toMatchObject({
      action: "REJECT",
      dstPort: 3389,
      srcAddr: "10.0.1.10",
      dstAddr: "10.0.2.10",
    });
    expect(a.flowLogs.find((r) => r.interfaceId === "eni-a")?.action).toBe("ACCEPT");
  });

  it("ORD-04: no record on an ENI the traffic never reaches", () => {
    const a = run(example("abc-peering-chain"), "app-a", "app-c");
    expect(a.flowLogs.map((r) => r.interfaceId)).toEqual(["eni-a"]);
  });

  it("§6.1: addresses are the ENI's primary private IP even when the packet used its public IP; start/end come from `now`", () => {
    const a = analyze(
      example("nacl-blocks-responses"),
      { from: "internet", to: "web", protocol: "tcp", port: 443 },
      { now: 1600000000 },
    );
    const first = a.flowLogs[0];
    expect(first).toMatchObject({
      dstAddr: "10.0.0.10",
      start: 1600000000,
      end: 1600000060,
      version: 2,
      logStatus: "OK",
    });
  });

  it("NAT gateway ENI records show the NAT's own address as destination", () => {
    const a = run(example("public-private-nat"), "app", "internet", 443);
    const nat = a.flowLogs.filter((r) => r.interfaceId === "eni-nat-main");
    expect(nat[0]).toMatchObject({ srcAddr: "10.0.1.10", dstAddr: "10.0.0.100", action: "ACCEPT" });
  });

  it("aws-rules §6.3 (NAT gateway): the NAT ENI records four flows – instance→NAT, NAT→host, host→NAT, NAT→instance", () => {
    const a = run(example("public-private-nat"), "app", "internet", 443);
    const server = a.forward.at(-1)?.inbound?.dstIp;
    expect(a.reachable).toBe(true);
    const nat = a.flowLogs.filter((r) => r.interfaceId === "eni-nat-main");
    // AWS "Flow log record examples", NAT gateway: srcaddr is the NAT's private IP for what it sends
    // on, dstaddr is the NAT's private IP for what it receives.
    expect(nat.map((r) => [r.srcAddr, r.dstAddr, r.srcPort, r.dstPort, r.action])).toEqual([
      ["10.0.1.10", "10.0.0.100", 49152, 443, "ACCEPT"],
      ["10.0.0.100", server, 49152, 443, "ACCEPT"],
      [server, "10.0.0.100", 443, 49152, "ACCEPT"],
      ["10.0.0.100", "10.0.1.10", 443, 49152, "ACCEPT"],
    ]);
    // The instance's own ENI shows the end-to-end addresses (it is not an intermediate interface).
    const app = a.flowLogs.filter((r) => r.interfaceId === "eni-app");
    expect(app.map((r) => [r.srcAddr, r.dstAddr])).toEqual([
      ["10.0.1.10", server],
      [server, "10.0.1.10"],
    ]);
  });
});
