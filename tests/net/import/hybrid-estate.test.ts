import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readDescribeDir } from "@/lib/cli/read-describe-dir";
import { runCli } from "@/lib/cli/run-cli";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { hybridEstate, keyedConvention } from "./fixtures/hybrid-estate";

// The hybrid estate (fixtures/hybrid-estate.ts), in both file conventions: every row is a question
// an engineer would ask, the verdict AWS gives and the rule (aws-rules §5) that decides it.

type Row = {
  from: string;
  to: string;
  port: number;
  reachable: boolean;
  /** Blocked: the blocker codes. Reachable: a component the forward path must cross. */
  expect: string[];
  rule: string;
};

const VGW = "vgw-0a0000000000a0001";
const TABLE: Row[] = [
  {
    from: "app-1",
    to: "192.168.10.5",
    port: 22,
    reachable: true,
    expect: [VGW, "vpn-0a0000000000a0001"],
    rule: "VPN-05",
  },
  {
    from: "192.168.10.5",
    to: "app-1",
    port: 22,
    reachable: true,
    expect: ["vpn-0a0000000000a0001", VGW],
    rule: "VPN-05",
  },
  { from: "app-1", to: "172.20.1.5", port: 22, reachable: false, expect: ["BAD_STATE_VPN"], rule: "VPN-02" },
  { from: "172.20.1.5", to: "app-1", port: 22, reachable: false, expect: ["BAD_STATE_VPN"], rule: "VPN-02" },
  {
    from: "app-1",
    to: "10.50.1.5",
    port: 443,
    reachable: true,
    expect: ["tgw-attach-0a000000000a0004", "dxvif-0a0001"],
    rule: "TGW-05",
  },
  {
    from: "10.50.1.5",
    to: "shared-1",
    port: 443,
    reachable: true,
    expect: ["tgw-attach-0a000000000a0004", "tgw-rtb-0a00000000000a003"],
    rule: "TGW-04",
  },
  {
    from: "10.50.1.5",
    to: "app-1",
    port: 22,
    reachable: false,
    expect: ["ENI_SG_RULES_MISMATCH"],
    rule: "SG-01",
  },
  {
    from: "app-1",
    to: "10.99.1.1",
    port: 443,
    reachable: false,
    expect: ["TGW_RTB_BAD_STATE_ROUTE"],
    rule: "TGW-08",
  },
  {
    from: "app-1",
    to: "shared-1",
    port: 443,
    reachable: true,
    expect: ["tgw-rtb-0a00000000000a001"],
    rule: "TGW-04",
  },
  {
    from: "app-1",
    to: "isolated-1",
    port: 443,
    reachable: false,
    expect: ["TGW_RTB_CANNOT_ROUTE"],
    rule: "TGW-05",
  },
  {
    from: "app-1",
    to: "partner-1",
    port: 443,
    reachable: true,
    expect: ["pcx-0a0000000000a0001"],
    rule: "PCX-02",
  },
  {
    from: "partner-1",
    to: "app-1",
    port: 443,
    reachable: true,
    expect: ["pcx-0a0000000000a0001"],
    rule: "PCX-02",
  },
  {
    from: "app-1",
    to: "eni-0a00000000000e011",
    port: 443,
    reachable: true,
    expect: ["eni-0a00000000000e011"],
    rule: "IFE-01",
  },
  {
    from: "app-1",
    to: "vpce-0a0000000000a0003",
    port: 443,
    reachable: true,
    expect: ["eni-0a00000000000e011"],
    rule: "IFE-01",
  },
  {
    from: "app-1",
    to: "com.amazonaws.us-east-1.logs",
    port: 443,
    reachable: true,
    expect: ["eni-0a00000000000e010"],
    rule: "IFE-03",
  },
  {
    from: "app-1",
    to: "com.amazonaws.us-east-1.sqs",
    port: 443,
    reachable: true,
    expect: ["nat-0a0000000000a0001", "igw-0a0000000000a0001"],
    rule: "NAT-01",
  },
  {
    from: "app-1",
    to: "com.amazonaws.us-east-1.dynamodb",
    port: 443,
    reachable: true,
    expect: ["nat-0a0000000000a0001"],
    rule: "NAT-01",
  },
  {
    from: "app-1",
    to: "internet",
    port: 443,
    reachable: true,
    expect: ["nat-0a0000000000a0001"],
    rule: "NAT-01",
  },
  {
    from: "v6-1",
    to: "internet",
    port: 443,
    reachable: true,
    expect: ["eigw-0a0000000000a0001"],
    rule: "EIGW-01",
  },
  {
    from: "v6-1",
    to: "2600:1f14::1",
    port: 443,
    reachable: true,
    expect: ["eigw-0a0000000000a0001"],
    rule: "EIGW-01",
  },
  {
    from: "app-1",
    to: "v6-1",
    port: 443,
    reachable: false,
    expect: ["RCH_NO_IPV6_ADDRESS"],
    rule: "EIGW-01",
  },
  {
    from: "shared-1",
    to: "100.64.5.5",
    port: 443,
    reachable: true,
    expect: ["tgw-attach-0a000000000a0005", "vpn-0a0000000000a0003"],
    rule: "TGW-05",
  },
  {
    from: "100.64.5.5",
    to: "shared-1",
    port: 443,
    reachable: true,
    expect: ["vpn-0a0000000000a0003", "tgw-attach-0a000000000a0005"],
    rule: "TGW-04",
  },
  {
    from: "shared-1",
    to: "internet",
    port: 443,
    reachable: false,
    expect: ["RCH_WRONG_DESTINATION"],
    rule: "TGW-05",
  },
  {
    from: "app-1",
    to: "svc-1",
    port: 8443,
    reachable: false,
    expect: ["IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS"],
    rule: "IGW-04",
  },
];

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  return imported.topology;
}

function check(topology: Topology, row: Row): void {
  const a = analyze(topology, { from: row.from, to: row.to, protocol: "tcp", port: row.port });
  const label = `${row.from} -> ${row.to}:${row.port} (${row.rule})`;
  expect(a.reachable, label).toBe(row.reachable);
  if (row.reachable) {
    const crossed = [...a.forward, ...a.return].map((h) => h.component.id);
    for (const id of row.expect) expect(crossed, label).toContain(id);
  } else {
    expect([...new Set(a.blockers.map((b) => b.code))], label).toEqual(row.expect);
  }
}

const conventions = {
  "one file per argument": hybridEstate(),
  "keyed by argument": keyedConvention(hybridEstate()),
};

describe.each(Object.entries(conventions))("hybrid estate, %s", (_name, files) => {
  const topology = importOrThrow(files);

  it.each(TABLE.map((r) => [`${r.from} -> ${r.to}:${r.port}`, r] as const))(
    "%s answers as AWS would",
    (_q, row) => check(topology, row),
  );

  it("reads on-premises networks from the route tables and says what it assumed", () => {
    expect(topology.onPremisesNetworks.map((n) => [n.id, n.cidrBlocks])).toEqual([
      ["onprem-cgw-0a0000000000a0002", ["172.20.0.0/16"]],
      ["onprem-vgw-0a0000000000a0001", ["192.168.0.0/16"]],
      ["onprem-dxgw-0a00000000000a001", ["10.50.0.0/16"]],
    ]);
    expect(topology.assumptions?.some((a) => a.startsWith("vpn-0a0000000000a0003 (BGP): "))).toBe(true);
    const assumed = analyze(topology, { from: "shared-1", to: "100.64.5.5", protocol: "tcp", port: 443 });
    expect(assumed.details?.find((d) => d.code === "RCH_ASSUMED_ON_PREMISES")?.message).toMatch(
      /assumed on-premises behind tgw-attach-0a000000000a0005 \(vpn-0a0000000000a0003 BGP\)/,
    );
  });

  it("reads the extra EC2 commands: VPC attributes, Elastic IPs, service prefix lists, Direct Connect, endpoint services", () => {
    const app = topology.vpcs.find((v) => v.name === "app");
    expect([app?.enableDnsSupport, app?.enableDnsHostnames]).toEqual([true, true]);
    expect(topology.services).toContainEqual(
      expect.objectContaining({ service: "dynamodb", prefixListId: "pl-02cd2c6b" }),
    );
    expect(topology.prefixLists.find((p) => p.id === "pl-63a5400a")?.cidrBlocks).toEqual([
      "52.216.0.0/15",
      "3.5.0.0/19",
    ]);
    expect(topology.directConnectGateways[0]).toMatchObject({
      id: "dxgw-0a00000000000a001",
      associations: [{ gatewayId: "tgw-0a0000000000a0001" }],
    });
    expect(topology.endpointServices[0]).toMatchObject({
      id: "vpce-svc-0a0000000000a0001",
      vpcId: "vpc-0a00000000000a004",
      networkLoadBalancerArns: [expect.stringContaining("svc-nlb")],
    });
    expect(topology.instances.find((i) => i.name === "v6-1")).toBeDefined();
  });
});

describe("hybrid estate variants", () => {
  const east = () => hybridEstate() as Record<string, Record<string, unknown>>;
  it("blocks at the transit VIF when it is not available (DX-01)", () => {
    const files = east();
    const region = files["us-east-1"] as Record<string, unknown>;
    const vifs = region["describe-virtual-interfaces"] as {
      virtualInterfaces: { virtualInterfaceState: string }[];
    };
    (vifs.virtualInterfaces[0] as { virtualInterfaceState: string }).virtualInterfaceState = "down";
    const a = analyze(importOrThrow(files), { from: "app-1", to: "10.50.1.5", protocol: "tcp", port: 443 });
    expect(a.reachable).toBe(false);
    expect(a.blockers.map((b) => [b.code, b.component, b.rules])).toContainEqual([
      "RCH_DX_VIF_NOT_AVAILABLE",
      "dxvif-0a0001",
      ["DX-01"],
    ]);
  });

  it("blocks traffic from on-premises to an address the DX gateway does not advertise (DX-04)", () => {
    const files = east();
    const region = files["us-east-1"] as Record<string, unknown>;
    const assoc = region["describe-direct-connect-gateway-associations"] as {
      directConnectGatewayAssociations: { allowedPrefixesToDirectConnectGateway: unknown[] }[];
    };
    (
      assoc.directConnectGatewayAssociations[0] as { allowedPrefixesToDirectConnectGateway: unknown[] }
    ).allowedPrefixesToDirectConnectGateway = [{ cidr: "10.20.0.0/16" }];
    const topology = importOrThrow(files);
    const toApp = analyze(topology, { from: "10.50.1.5", to: "app-1", protocol: "tcp", port: 443 });
    expect(toApp.blockers.map((b) => b.code)).toEqual(["RCH_DX_PREFIX_NOT_ALLOWED"]);
    expect(
      analyze(topology, { from: "10.50.1.5", to: "shared-1", protocol: "tcp", port: 443 }).reachable,
    ).toBe(true);
  });

  it("an association being updated stays in effect; a disassociated one is kept aside, named, and written back", () => {
    const withState = (state: string) => {
      const files = east();
      const region = files["us-east-1"] as Record<string, unknown>;
      const assoc = region["describe-direct-connect-gateway-associations"] as {
        directConnectGatewayAssociations: Record<string, unknown>[];
      };
      Object.assign(assoc.directConnectGatewayAssociations[0] ?? {}, {
        associationState: state,
        associationId: "assoc-0001",
      });
      return importOrThrow(files);
    };
    const before = importOrThrow(east());
    const updating = withState("updating");
    expect(updating.directConnectGateways).toEqual(before.directConnectGateways);
    const gone = withState("disassociated");
    const dx = gone.directConnectGateways.find((d) => d.inactiveAssociations !== undefined);
    const removed = before.directConnectGateways.find((d) => d.id === dx?.id)?.associations[0];
    expect(dx?.inactiveAssociations).toEqual([
      { gatewayId: removed?.gatewayId, id: "assoc-0001", state: "disassociated" },
    ]);
    expect(dx?.associations).not.toContainEqual(removed);
    expect(importOrThrow(exportAwsDescribe(gone)).directConnectGateways).toEqual(gone.directConnectGateways);
  });

  it("a hand-written topology still declares its on-premises side: no assumption is made", () => {
    const topology = { ...importOrThrow(east()) };
    delete (topology as { assumptions?: readonly string[] }).assumptions;
    const a = analyze(topology, { from: "shared-1", to: "100.64.5.5", protocol: "tcp", port: 443 });
    expect(a.blockers.map((b) => b.code)).toEqual(["NO_POSSIBLE_DESTINATION"]);
  });
});

describe("the estate saved by a user on disk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hybrid-estate-"));
  for (const [region, files] of Object.entries(hybridEstate())) {
    mkdirSync(path.join(dir, region));
    for (const [name, output] of Object.entries(files)) {
      // PowerShell writes a UTF-8 byte-order mark; one file carries one.
      const bom = name === "describe-vpcs" ? "\uFEFF" : "";
      writeFileSync(path.join(dir, region, `${name}.json`), `${bom}${JSON.stringify(output, null, 2)}`);
    }
  }
  writeFileSync(path.join(dir, "us-east-1", "describe-subnet.json"), "{}");
  writeFileSync(path.join(dir, "us-east-1", "describe-volumes.json"), '{ "Volumes": [] }');

  const run = async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  it("reads per-argument files and a BOM, like the in-memory estate", () => {
    const read = readDescribeDir(dir);
    if (!read.ok) throw new Error(read.message);
    const imported = importAwsDescribe(read.regions);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.topology).toEqual(importOrThrow(hybridEstate()));
    expect(imported.unread.map((u) => u.file)).toEqual([
      "us-east-1/describe-subnet.json",
      "us-east-1/describe-volumes.json",
    ]);
  });

  it("validate lists the unread files with a did-you-mean and what each would have contributed", async () => {
    const r = await run("validate", "--topology", ".");
    expect(r.stdout).toContain(
      'unread  us-east-1/describe-subnet.json: not a command this importer reads; ignored (did you mean "describe-subnets"? it would have contributed subnets',
    );
    expect(r.stdout).toContain("unread  us-east-1/describe-volumes.json");
    const json = await run("validate", "--topology", ".", "--format", "json");
    expect(z.object({ unread: z.array(z.unknown()) }).parse(JSON.parse(json.stdout)).unread).toHaveLength(2);
  });

  it("analyze prints what was assumed first, in text and JSON", async () => {
    const text = await run("analyze", "--topology", ".", "--from", "shared-1", "--to", "100.64.5.5");
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("Assumed (AWS output does not show these):");
    expect(text.stdout).toMatch(/assumed on-premises behind tgw-attach-0a000000000a0005/);
    const json = await run(
      "analyze",
      "--topology",
      ".",
      "--from",
      "shared-1",
      "--to",
      "100.64.5.5",
      "--format",
      "json",
    );
    const parsed = JSON.parse(json.stdout) as { assumptions: string[] };
    expect(Object.keys(parsed).slice(0, 2)).toEqual(["version", "assumptions"]);
    expect(
      parsed.assumptions.some((a) => a.includes("assumed on-premises behind tgw-attach-0a000000000a0005")),
    ).toBe(true);
  });

  it("names a one-output per-argument file saved without its argument", () => {
    const imported = importAwsDescribe({
      "search-transit-gateway-routes": { Routes: [] },
      "describe-vpcs": { Vpcs: [] },
    });
    expect(imported.ok && imported.unread[0]?.message).toMatch(
      /save one file per argument as search-transit-gateway-routes\.<tgw-rtb-id>\.json/,
    );
  });
});

describe("examples/aws-hybrid", () => {
  it("is the fixture, saved one file per command and argument", () => {
    const read = readDescribeDir(path.resolve(import.meta.dirname, "../../../examples/aws-hybrid"));
    if (!read.ok) throw new Error(read.message);
    const imported = importAwsDescribe(read.regions);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.unread).toEqual([]);
    expect(imported.topology).toEqual(importOrThrow(hybridEstate()));
  });
});

/** The exporter's keyed output split into one file per argument. */
function splitPerArgument(
  files: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const perArgument = new Set([
    "search-transit-gateway-routes",
    "get-transit-gateway-route-table-associations",
    "get-transit-gateway-route-table-propagations",
    "get-managed-prefix-list-entries",
    "describe-direct-connect-gateway-associations",
    "describe-direct-connect-gateway-attachments",
  ]);
  return Object.fromEntries(
    Object.entries(files).map(([region, regionFiles]) => [
      region,
      Object.fromEntries(
        Object.entries(regionFiles).flatMap(([command, output]) =>
          perArgument.has(command)
            ? Object.entries(output as Record<string, unknown>).map(([arg, one]) => [
                `${command}.${arg}`,
                one,
              ])
            : [[command, output]],
        ),
      ),
    ]),
  );
}

describe("the hybrid estate written by exportAwsDescribe", () => {
  const keyed = JSON.parse(JSON.stringify(exportAwsDescribe(importOrThrow(hybridEstate())))) as Record<
    string,
    Record<string, unknown>
  >;
  describe.each([
    ["keyed", keyed],
    ["one file per argument", splitPerArgument(keyed)],
  ] as const)("%s", (_name, files) => {
    const topology = importOrThrow(files);
    it.each(TABLE.map((r) => [`${r.from} -> ${r.to}:${r.port}`, r] as const))(
      "%s answers as AWS would",
      (_q, row) => check(topology, row),
    );
  });
});
