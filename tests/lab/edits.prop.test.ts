import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdit, type LabEdit } from "@/lib/lab/edits";
import { createTextCache, topologyText } from "@/lib/lab/topology-text";
import { applyPatch, diffTopologies, invertPatch } from "@/lib/lab/patch";
import { parseTopology, parseTopologyText, type Topology } from "@/lib/net";
import { must } from "../support/must";

const LESSONS = fs
  .readdirSync(path.join(process.cwd(), "content", "topologies"))
  .filter((file) => file.endsWith(".yaml"))
  .sort()
  .map((file) => {
    const text = fs.readFileSync(path.join(process.cwd(), "content", "topologies", file), "utf8");
    const parsed = parseTopologyText(text, "yaml");
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
    return parsed.topology;
  });

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
const cidr = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom(8, 16, 24, 32))
  .map(([octet, prefix]) => `10.${octet}.0.0/${prefix === 32 ? 24 : prefix}`);

/** Every kind of lab edit, aimed at the resources the topology has (some aimed at what it lacks, to be refused). */
function editFor(topology: Topology): fc.Arbitrary<LabEdit> {
  const n = fc.nat(40);
  const direction = fc.constantFrom("inbound" as const, "outbound" as const);
  const protocol = fc.constantFrom("tcp" as const, "udp" as const, "icmp" as const, "all" as const);
  const tableId = n.map((i) => pick(topology.routeTables, i)?.id ?? "rtb-none");
  const groupId = n.map((i) => pick(topology.securityGroups, i)?.id ?? "sg-none");
  const aclId = n.map((i) => pick(topology.networkAcls, i)?.id ?? "acl-none");
  const vpcId = n.map((i) => pick(topology.vpcs, i)?.id ?? "vpc-none");
  const subnetId = n.map((i) => pick(topology.subnets, i)?.id ?? "subnet-none");
  const removable = [
    ...topology.peeringConnections,
    ...topology.gatewayEndpoints,
    ...topology.interfaceEndpoints,
    ...topology.internetGateways,
    ...topology.egressOnlyInternetGateways,
    ...topology.natGateways,
  ].map((item) => item.id);
  return fc.oneof(
    fc.record({
      kind: fc.constant("add-route" as const),
      routeTableId: tableId,
      route: fc.record({
        destination: cidr,
        target: fc.constantFrom("blackhole", "local", ...removable.slice(0, 3)),
      }),
    }),
    fc.tuple(tableId, n).map(([routeTableId, i]): LabEdit => ({
      kind: "remove-route",
      routeTableId,
      destination:
        pick(topology.routeTables.find((t) => t.id === routeTableId)?.routes ?? [], i)?.destination ??
        "10.0.0.0/8",
    })),
    fc.record({
      kind: fc.constant("add-sg-rule" as const),
      securityGroupId: groupId,
      direction,
      rule: fc.record({
        protocol,
        fromPort: fc.integer({ min: 0, max: 65535 }),
        peer: fc.oneof(cidr, groupId),
      }),
    }),
    fc.record({
      kind: fc.constant("remove-sg-rule" as const),
      securityGroupId: groupId,
      direction,
      index: fc.nat(3),
    }),
    fc.record({
      kind: fc.constant("add-nacl-entry" as const),
      networkAclId: aclId,
      direction,
      entry: fc.record({
        ruleNumber: fc.integer({ min: 1, max: 32766 }),
        protocol,
        fromPort: fc.integer({ min: 0, max: 65535 }),
        cidrBlock: cidr,
        action: fc.constantFrom("allow" as const, "deny" as const),
      }),
    }),
    fc.tuple(aclId, direction, n).map(([networkAclId, dir, i]): LabEdit => ({
      kind: "remove-nacl-entry",
      networkAclId,
      direction: dir,
      ruleNumber:
        pick(topology.networkAcls.find((a) => a.id === networkAclId)?.[dir] ?? [], i)?.ruleNumber ?? 100,
    })),
    fc.record({
      kind: fc.constant("add-peering" as const),
      requesterVpcId: vpcId,
      accepterVpcId: vpcId,
      accepted: fc.boolean(),
    }),
    // pcx-lab1 is the id an earlier add-peering in the sequence gets.
    n.map((i): LabEdit => ({
      kind: "accept-peering",
      peeringId: pick([...topology.peeringConnections.map((p) => p.id), "pcx-lab1"], i) ?? "pcx-lab1",
    })),
    fc.record({
      kind: fc.constant("add-gateway-endpoint" as const),
      vpcId,
      service: fc.constantFrom("s3" as const, "dynamodb" as const),
      routeTableIds: fc.array(tableId, { maxLength: 2 }),
    }),
    fc.record({
      kind: fc.constant("add-interface-endpoint" as const),
      vpcId,
      serviceName: fc.constant("com.amazonaws.us-east-1.sqs"),
      subnetId,
      privateIp: fc.constant("10.0.0.200"),
      securityGroupIds: fc.array(groupId, { maxLength: 1 }),
    }),
    fc.record({
      kind: fc.constant("add-gateway" as const),
      type: fc.constantFrom(
        "internet-gateway" as const,
        "egress-only-internet-gateway" as const,
        "nat-gateway" as const,
      ),
      vpcId,
      subnetId,
      privateIp: fc.constant("10.0.0.201"),
      publicIp: fc.constantFrom("", "198.51.100.7"),
    }),
    n.map((i): LabEdit => ({ kind: "remove-resource", id: pick(removable, i) ?? "igw-none" })),
    fc.tuple(n, fc.nat(2)).map(([i, tunnel]): LabEdit => ({
      kind: "toggle-vpn-tunnel",
      vpnConnectionId: pick(topology.vpnConnections, i)?.id ?? "vpn-none",
      tunnel,
    })),
    n.map((i): LabEdit => ({
      kind: "toggle-tgw-attachment",
      attachmentId: pick(topology.transitGatewayAttachments, i)?.id ?? "tgw-attach-none",
    })),
  );
}

const lessonWithEdits = fc.nat(LESSONS.length - 1).chain((index) => {
  const topology = must(LESSONS[index]);
  return fc.tuple(fc.constant(topology), fc.array(editFor(topology), { minLength: 1, maxLength: 8 }));
});

describe("lab edits and their inverses (property)", () => {
  it("apply then inverse gives the original topology, for every kind of edit", () => {
    fc.assert(
      fc.property(lessonWithEdits, ([start, edits]) => {
        let topology = start;
        for (const edit of edits) {
          const result = applyEdit(topology, edit);
          if (!result.ok) {
            expect(result.field).toMatch(/^edit/);
            continue;
          }
          // Edits build complete items (the schema's defaults included): the result is a topology as parsed.
          const reparsed = parseTopology(result.topology);
          expect(reparsed.ok && reparsed.topology).toEqual(result.topology);
          // And its text, as the editor shows it, reads back as the same topology.
          const text = parseTopologyText(topologyText(result.topology, "yaml"), "yaml");
          expect(text.ok && text.topology).toEqual(result.topology);
          const undone = applyEdit(result.topology, result.inverse);
          expect(undone.ok && undone.topology).toEqual(topology);
          // Redo: the inverse of the inverse gives the edited topology back.
          if (undone.ok)
            expect(applyEdit(undone.topology, undone.inverse)).toMatchObject({
              ok: true,
              topology: result.topology,
            });
          topology = result.topology;
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the text written with a cache kept across edits and undos is the text written from scratch", () => {
    fc.assert(
      fc.property(lessonWithEdits, ([start, edits]) => {
        const cache = createTextCache();
        let current = start;
        expect(topologyText(current, "yaml", cache)).toBe(topologyText(current, "yaml"));
        const undo = [];
        for (const edit of edits) {
          const result = applyEdit(current, edit);
          if (!result.ok) continue;
          undo.push(result.inverse);
          current = result.topology;
          expect(topologyText(current, "yaml", cache)).toBe(topologyText(current, "yaml"));
        }
        for (const inverse of undo.reverse()) {
          const result = applyEdit(current, inverse);
          if (!result.ok) throw new Error(`${result.field}: ${result.error}`);
          current = result.topology;
          expect(topologyText(current, "yaml", cache)).toBe(topologyText(current, "yaml"));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a sequence of edits undone in reverse order gives the start back", () => {
    fc.assert(
      fc.property(lessonWithEdits, ([start, edits]) => {
        let current = start;
        const undo = [];
        for (const edit of edits) {
          const result = applyEdit(current, edit);
          if (!result.ok) continue;
          undo.push(result.inverse);
          current = result.topology;
        }
        for (const inverse of undo.reverse()) {
          const result = applyEdit(current, inverse);
          if (!result.ok) throw new Error(`${result.field}: ${result.error}`);
          current = result.topology;
        }
        expect(current).toEqual(start);
      }),
      { numRuns: 100 },
    );
  });

  it("the diff of two topologies turns one into the other, and its inverse turns it back", () => {
    const pair = fc.tuple(fc.nat(LESSONS.length - 1), fc.nat(LESSONS.length - 1));
    fc.assert(
      fc.property(pair, ([i, j]) => {
        const a = must(LESSONS[i]);
        const b = must(LESSONS[j]);
        const patch = diffTopologies(a, b);
        const forward = applyPatch(a, patch);
        expect(forward.ok && forward.topology).toEqual(b);
        const back = forward.ok ? applyPatch(forward.topology, invertPatch(patch)) : forward;
        expect(back.ok && back.topology).toEqual(a);
      }),
    );
  });
});
