import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { arbTopology } from "./topology-arbitrary";

/**
 * Spellings that mean the same network: an absent NACL is the VPC's default one (aws-rules ACL-06), an
 * absent SG egress list is allow-all (SG-03), an ENI listed by an instance is attached to it; list
 * order across regions is not meaningful.
 */
function normalise(t: Topology): unknown {
  const byId = <T extends { readonly id: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const defaultAcl = (vpcId: string) => t.networkAcls.find((a) => a.vpcId === vpcId && a.isDefault)?.id;
  return {
    ...t,
    description: undefined,
    // What an import assumed is not part of the network.
    assumptions: undefined,
    vpcs: byId(t.vpcs).map((v) => ({ ...v, region: v.region ?? t.region })),
    subnets: byId(t.subnets).map((s) => ({ ...s, networkAclId: s.networkAclId ?? defaultAcl(s.vpcId) })),
    securityGroups: byId(t.securityGroups).map((sg) => ({
      ...sg,
      outbound: sg.outbound ?? [{ protocol: "all", cidrBlock: "0.0.0.0/0" }],
    })),
    networkInterfaces: byId(t.networkInterfaces).map((e) => ({
      ...e,
      instanceId: e.instanceId ?? t.instances.find((i) => i.networkInterfaceIds.includes(e.id))?.id,
    })),
    services: [...t.services].sort((a, b) =>
      `${a.region}/${a.service}`.localeCompare(`${b.region}/${b.service}`),
    ),
    ...Object.fromEntries(
      (
        [
          "routeTables",
          "networkAcls",
          "instances",
          "internetGateways",
          "egressOnlyInternetGateways",
          "natGateways",
          "peeringConnections",
          "gatewayEndpoints",
          "prefixLists",
          "transitGateways",
          "transitGatewayAttachments",
          "transitGatewayRouteTables",
          "vpnGateways",
          "customerGateways",
          "vpnConnections",
          "interfaceEndpoints",
          "onPremisesNetworks",
          "endpointServices",
        ] as const
      ).map((k) => [k, byId<{ readonly id: string }>(t[k])]),
    ),
    regionalNatGateways: t.regionalNatGateways === undefined ? undefined : byId(t.regionalNatGateways),
    loadBalancers: t.loadBalancers === undefined ? undefined : byId(t.loadBalancers),
    targetGroups: t.targetGroups === undefined ? undefined : byId(t.targetGroups),
  };
}

describe("exportAwsDescribe / importAwsDescribe", () => {
  it("import(export(t)) equals t for generated topologies", () => {
    fc.assert(
      fc.property(arbTopology, (topology) => {
        const files = JSON.parse(JSON.stringify(exportAwsDescribe(topology))) as Record<string, unknown>;
        const imported = importAwsDescribe(files);
        if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
        expect(imported.warnings).toEqual([]);
        expect(normalise(imported.topology)).toEqual(normalise(topology));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("exports one folder per region with PascalCase describe-* outputs", () => {
    fc.assert(
      fc.property(arbTopology, (topology) => {
        const files = exportAwsDescribe(topology);
        for (const vpc of topology.vpcs) {
          const vpcs = (
            files[vpc.region ?? topology.region]?.["describe-vpcs"] as { Vpcs: { VpcId: string }[] }
          ).Vpcs;
          expect(vpcs.map((v) => v.VpcId)).toContain(vpc.id);
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** The exporter's keyed files, split into the one-file-per-argument convention (`<command>.<arg>`). */
function perArgumentFiles(
  files: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const perArgument = new Set([
    "search-transit-gateway-routes",
    "get-transit-gateway-route-table-associations",
    "get-transit-gateway-route-table-propagations",
    "get-managed-prefix-list-entries",
    "describe-listeners",
    "describe-target-health",
    "describe-vpc-endpoint-service-permissions",
  ]);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [region, regionFiles] of Object.entries(files)) {
    const split: Record<string, unknown> = {};
    for (const [command, output] of Object.entries(regionFiles)) {
      if (!perArgument.has(command)) split[command] = output;
      else
        for (const [arg, one] of Object.entries(output as Record<string, unknown>))
          split[`${command}.${arg}`] = one;
    }
    out[region] = split;
  }
  return out;
}

function analyses(t: Topology): string[] {
  const refs = [...t.instances.map((i) => i.id), ...t.onPremisesNetworks.map((n) => n.id), "internet"];
  // Interface endpoints as destinations: behind one to an endpoint service, the NLB and its targets.
  const destinations = [...refs, ...t.interfaceEndpoints.map((e) => e.id)];
  const out: string[] = [];
  for (const from of refs) {
    for (const to of destinations) {
      if (from === to) continue;
      const a = analyze(t, { from, to, protocol: "tcp", port: 443 });
      out.push(
        `${from}->${to} ${a.reachable} ${a.blockers.map((b) => `${b.code}@${b.component}`).join(",")}`,
      );
    }
  }
  return out.sort(); // list order across regions is not meaningful
}

describe("importing exportAwsDescribe(t) in either file convention", () => {
  it("gives the same analyses as t", () => {
    fc.assert(
      fc.property(arbTopology, (topology) => {
        const keyed = JSON.parse(JSON.stringify(exportAwsDescribe(topology))) as Record<
          string,
          Record<string, unknown>
        >;
        const want = analyses(topology);
        for (const files of [keyed, perArgumentFiles(keyed)]) {
          const imported = importAwsDescribe(files);
          if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
          expect(analyses(imported.topology)).toEqual(want);
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
