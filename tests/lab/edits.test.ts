import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdit, type LabEdit } from "@/lib/lab/edits";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { topologyText } from "@/lib/lab/topology-text";
import { analyze, parseTopologyText, type Query, type Topology } from "@/lib/net";
import { validate } from "@/lib/net/validate";

function lesson(name: string): Topology {
  const text = fs.readFileSync(path.join(process.cwd(), "content", "topologies", `${name}.yaml`), "utf8");
  const parsed = parseTopologyText(text, "yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.topology;
}

function applied(topology: Topology, edit: LabEdit) {
  const result = applyEdit(topology, edit);
  if (!result.ok) throw new Error(`${result.field}: ${result.error}`);
  return result;
}

const aToB: Query = { from: "app-a", to: "app-b", protocol: "tcp", port: 443 };
const removeAB: LabEdit = { kind: "remove-route", routeTableId: "rtb-a", destination: "10.1.0.0/16" };

describe("lab edits", () => {
  it("removing a route breaks the path and its inverse puts the route back in its place", () => {
    const before = lesson("abc-peering-chain");
    const removed = applied(before, removeAB);
    expect(analyze(removed.topology, aToB).reachable).toBe(false);
    expect(removed.topology.routeTables.find((t) => t.id === "rtb-a")?.routes).toHaveLength(1);
    const undone = applied(removed.topology, removed.inverse);
    expect(undone.topology).toEqual(before);
    expect(analyze(undone.topology, aToB).reachable).toBe(true);
  });

  it("never modifies the topology it is given", () => {
    const before = lesson("abc-peering-chain");
    const copy = structuredClone(before);
    applied(before, removeAB);
    applied(before, {
      kind: "add-route",
      routeTableId: "rtb-a",
      route: { destination: "0.0.0.0/0", target: "blackhole" },
    });
    expect(before).toEqual(copy);
  });

  it("adding a route appends a static route, and its inverse removes it", () => {
    const before = lesson("abc-peering-chain");
    const added = applied(before, {
      kind: "add-route",
      routeTableId: "rtb-c",
      route: { destination: "10.3.0.0/16", target: "pcx-bc" },
    });
    expect(added.topology.routeTables.find((t) => t.id === "rtb-c")?.routes.at(-1)).toEqual({
      destination: "10.3.0.0/16",
      target: "pcx-bc",
      origin: "static",
    });
    expect(added.inverse.kind).toBe("patch");
    expect(applied(added.topology, added.inverse).topology).toEqual(before);
  });

  it("refuses bad edits naming the field", () => {
    const topology = lesson("abc-peering-chain");
    expect(applyEdit(topology, { ...removeAB, routeTableId: "rtb-zz" })).toMatchObject({
      ok: false,
      field: "edit.routeTableId",
    });
    expect(applyEdit(topology, { ...removeAB, destination: "10.9.0.0/16" })).toMatchObject({
      ok: false,
      field: "edit.destination",
    });
    expect(
      applyEdit(topology, {
        kind: "add-route",
        routeTableId: "rtb-a",
        route: { destination: "10.1.0.0/16", target: "pcx-ab" },
      }),
    ).toMatchObject({ ok: false, field: "edit.route.destination" });
    expect(applyEdit(topology, { kind: "apply-fix", query: aToB, fixId: "fix-1" })).toMatchObject({
      ok: false,
      field: "edit.fixId",
    });
  });

  it("applying a proposed fix makes the query reachable, and its inverse restores the broken topology", () => {
    const broken = applied(lesson("abc-peering-chain"), removeAB).topology;
    const fixed = applied(broken, { kind: "apply-fix", query: aToB, fixId: "fix-1" });
    expect(analyze(fixed.topology, aToB).reachable).toBe(true);
    const undone = applied(fixed.topology, fixed.inverse);
    expect(undone.topology).toEqual(broken);
  });

  it("the edited text parses back to the edited topology, in YAML and JSON", () => {
    const removed = applied(lesson("abc-peering-chain"), removeAB).topology;
    for (const format of ["yaml", "json"] as const) {
      const reparsed = parseTopologyText(topologyText(removed, format), format);
      expect(reparsed.ok && reparsed.topology).toEqual(removed);
    }
    expect(topologyText(removed, "yaml")).not.toMatch(/[&*]a\d/);
  });
});

describe("topology text", () => {
  it("leaves out the schema's defaults, and keeps a field whose value is not the default", () => {
    const topology = lesson("abc-peering-chain");
    const text = topologyText(topology, "yaml");
    expect(text).not.toMatch(/origin: static|main: false|sourceDestCheck: true|state: running/);
    const stopped = {
      ...topology,
      instances: topology.instances.map((instance) => ({ ...instance, state: "stopped" as const })),
    };
    const stoppedText = topologyText(stopped, "yaml");
    expect(stoppedText).toContain("state: stopped");
    const reparsed = parseTopologyText(stoppedText, "yaml");
    expect(reparsed.ok && reparsed.topology).toEqual(stopped);
  });
});

describe("each kind of lab edit, and its inverse", () => {
  // A second lookup of the edited resource, to check what the edit did.
  const cases: { name: string; lesson: string; edit: LabEdit; check: (after: Topology) => void }[] = [
    {
      name: "a security-group rule added, then removed: B no longer admits A",
      lesson: "abc-peering-chain",
      edit: { kind: "remove-sg-rule", securityGroupId: "sg-b", direction: "inbound", index: 0 },
      check: (after) => expect(analyze(after, aToB).reachable).toBe(false),
    },
    {
      name: "an outbound security-group rule keeps the default allow-all egress explicit",
      lesson: "abc-peering-chain",
      edit: {
        kind: "add-sg-rule",
        securityGroupId: "sg-a",
        direction: "outbound",
        rule: { protocol: "tcp", fromPort: 5432, peer: "sg-b" },
      },
      check: (after) =>
        expect(after.securityGroups.find((g) => g.id === "sg-a")?.outbound).toEqual([
          { protocol: "all", cidrBlock: "0.0.0.0/0" },
          { protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-b" },
        ]),
    },
    {
      name: "a NACL deny entry numbered before the allow blocks the web server",
      lesson: "nacl-blocks-responses",
      edit: {
        kind: "add-nacl-entry",
        networkAclId: "acl-web",
        direction: "inbound",
        entry: {
          ruleNumber: 50,
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "0.0.0.0/0",
          action: "deny",
        },
      },
      check: (after) => {
        expect(after.networkAcls.find((a) => a.id === "acl-web")?.inbound[0]?.ruleNumber).toBe(50);
        expect(analyze(after, { from: "internet", to: "web", protocol: "tcp", port: 443 }).reachable).toBe(
          false,
        );
      },
    },
    {
      name: "a NACL entry removed",
      lesson: "nacl-blocks-responses",
      edit: { kind: "remove-nacl-entry", networkAclId: "acl-web", direction: "inbound", ruleNumber: 100 },
      check: (after) =>
        expect(analyze(after, { from: "internet", to: "web", protocol: "tcp", port: 443 }).reachable).toBe(
          false,
        ),
    },
    {
      name: "a peering requested but not accepted is pending",
      lesson: "abc-peering-chain",
      edit: { kind: "add-peering", requesterVpcId: "vpc-a", accepterVpcId: "vpc-c", accepted: false },
      check: (after) =>
        expect(after.peeringConnections.at(-1)).toMatchObject({
          id: "pcx-lab1",
          status: "pending-acceptance",
        }),
    },
    {
      name: "a gateway endpoint for S3 in a route table",
      lesson: "abc-peering-chain",
      edit: { kind: "add-gateway-endpoint", vpcId: "vpc-a", service: "s3", routeTableIds: ["rtb-a"] },
      check: (after) =>
        expect(after.gatewayEndpoints).toEqual([
          { id: "vpce-lab1", vpcId: "vpc-a", service: "s3", routeTableIds: ["rtb-a"], policy: "allow-all" },
        ]),
    },
    {
      name: "an interface endpoint with its ENI",
      lesson: "abc-peering-chain",
      edit: {
        kind: "add-interface-endpoint",
        vpcId: "vpc-a",
        serviceName: "com.amazonaws.us-east-1.sqs",
        subnetId: "subnet-a",
        privateIp: "10.0.1.50",
        securityGroupIds: ["sg-a"],
      },
      check: (after) =>
        expect(after.interfaceEndpoints[0]?.networkInterfaces).toEqual([
          { id: "eni-lab1", subnetId: "subnet-a", privateIp: "10.0.1.50" },
        ]),
    },
    {
      name: "an internet gateway attached",
      lesson: "abc-peering-chain",
      edit: { kind: "add-gateway", type: "internet-gateway", vpcId: "vpc-a" },
      check: (after) => expect(after.internetGateways).toEqual([{ id: "igw-lab1", vpcId: "vpc-a" }]),
    },
    {
      name: "an egress-only internet gateway",
      lesson: "abc-peering-chain",
      edit: { kind: "add-gateway", type: "egress-only-internet-gateway", vpcId: "vpc-b" },
      check: (after) =>
        expect(after.egressOnlyInternetGateways).toEqual([{ id: "eigw-lab1", vpcId: "vpc-b" }]),
    },
    {
      name: "a private NAT gateway (no public address)",
      lesson: "abc-peering-chain",
      edit: { kind: "add-gateway", type: "nat-gateway", subnetId: "subnet-a", privateIp: "10.0.1.99" },
      check: (after) =>
        expect(after.natGateways[0]).toMatchObject({ id: "nat-lab1", connectivity: "private" }),
    },
    {
      name: "a peering removed: no path from A to B",
      lesson: "abc-peering-chain",
      edit: { kind: "remove-resource", id: "pcx-ab" },
      check: (after) => expect(analyze(after, aToB).reachable).toBe(false),
    },
    {
      name: "a VPN tunnel brought down",
      lesson: "site-to-site-vpn",
      edit: { kind: "toggle-vpn-tunnel", vpnConnectionId: "vpn-dc", tunnel: 0 },
      check: (after) => expect(after.vpnConnections[0]?.tunnels[0]?.status).toBe("DOWN"),
    },
    {
      name: "a transit gateway attachment switched off: spoke 1 no longer reaches spoke 2",
      lesson: "tgw-hub",
      edit: { kind: "toggle-tgw-attachment", attachmentId: "tgw-attach-2" },
      check: (after) => {
        expect(after.transitGatewayAttachments[1]?.state).toBe("pendingAcceptance");
        expect(analyze(after, { from: "host-1", to: "host-2", protocol: "tcp", port: 443 }).reachable).toBe(
          false,
        );
      },
    },
  ];

  it.each(cases)("$name", ({ lesson: name, edit, check }) => {
    const before = lesson(name);
    const result = applied(before, edit);
    check(result.topology);
    expect(result.topology).not.toEqual(before);
    expect(applied(result.topology, result.inverse).topology).toEqual(before);
  });

  it("a pending peering accepted becomes active, and its inverse leaves it pending", () => {
    const pending = applied(lesson("abc-peering-chain"), {
      kind: "add-peering",
      requesterVpcId: "vpc-a",
      accepterVpcId: "vpc-c",
      accepted: false,
    }).topology;
    const accepted = applied(pending, { kind: "accept-peering", peeringId: "pcx-lab1" });
    expect(accepted.topology.peeringConnections.at(-1)?.status).toBe("active");
    expect(applied(accepted.topology, accepted.inverse).topology).toEqual(pending);
  });

  it("refuses what AWS would refuse, naming the field", () => {
    const chain = lesson("abc-peering-chain");
    expect(
      applyEdit(chain, {
        kind: "add-peering",
        requesterVpcId: "vpc-a",
        accepterVpcId: "vpc-a",
        accepted: true,
      }),
    ).toMatchObject({ ok: false, field: "edit.accepterVpcId" });
    const withIgw = applied(chain, {
      kind: "add-gateway",
      type: "internet-gateway",
      vpcId: "vpc-a",
    }).topology;
    expect(
      applyEdit(withIgw, { kind: "add-gateway", type: "internet-gateway", vpcId: "vpc-a" }),
    ).toMatchObject({ ok: false, field: "edit.vpcId" });
    expect(
      applyEdit(chain, {
        kind: "add-sg-rule",
        securityGroupId: "sg-a",
        direction: "inbound",
        rule: { protocol: "tcp", fromPort: 22, peer: "10.0.0.0/33" },
      }),
    ).toMatchObject({ ok: false, field: "edit.rule.peer" });
    expect(applyEdit(chain, { kind: "remove-resource", id: "igw-nowhere" })).toMatchObject({
      ok: false,
      field: "edit.id",
    });
  });

  it("refuses a patch that no longer fits the network (an undo after the network changed)", () => {
    const chain = lesson("abc-peering-chain");
    const removed = applied(chain, removeAB);
    // The inverse of the removal, applied to the original (where the route is still there), does not fit.
    expect(applyEdit(chain, removed.inverse)).toMatchObject({ ok: false, field: "edit.patch[0]" });
  });
});

describe("the YAML the lab writes", () => {
  it("reads back as the same topology for every lesson, quoting what YAML would misread", () => {
    const dir = path.join(process.cwd(), "content", "topologies");
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".yaml"))) {
      const topology = lesson(file.replace(/\.yaml$/, ""));
      const reparsed = parseTopologyText(topologyText(topology, "yaml"), "yaml");
      expect(reparsed.ok && reparsed.topology, file).toEqual(topology);
    }
    const tricky = {
      ...lesson("abc-peering-chain"),
      description: "yes: no # 10.0 - [x] 'q' \"d\"\nline two",
    };
    const text = topologyText(tricky, "yaml");
    const reparsed = parseTopologyText(text, "yaml");
    expect(reparsed.ok && reparsed.topology.description).toBe(tricky.description);
    expect(text).toContain("cidrBlocks:\n      - 10.0.0.0/16");
    // An empty outbound list (no egress at all) is not the absent one (AWS's default allow-all egress rule).
    const closed = {
      ...lesson("abc-peering-chain"),
      securityGroups: lesson("abc-peering-chain").securityGroups.map((group) => ({ ...group, outbound: [] })),
    };
    const closedText = parseTopologyText(topologyText(closed, "yaml"), "yaml");
    expect(closedText.ok && closedText.topology).toEqual(closed);
  });
});

describe("a patch from the browser", () => {
  it("is checked against the schema: an item without its defaults gets them, a bad item is refused", () => {
    const chain = lesson("abc-peering-chain");
    const added = applied(chain, {
      kind: "patch",
      patch: [
        { op: "insert", collection: "internetGateways", index: 0, item: { id: "igw-x", vpcId: "vpc-a" } },
      ],
    });
    expect(added.topology.internetGateways).toEqual([{ id: "igw-x", vpcId: "vpc-a" }]);
    const peering = applied(chain, {
      kind: "patch",
      patch: [
        {
          op: "insert",
          collection: "peeringConnections",
          index: 0,
          item: { id: "pcx-x", requesterVpcId: "vpc-a", accepterVpcId: "vpc-c" },
        },
      ],
    });
    expect(peering.topology.peeringConnections[0]?.status).toBe("active");
    expect(
      applyEdit(chain, {
        kind: "patch",
        patch: [
          {
            op: "insert",
            collection: "routeTables",
            index: 0,
            item: { id: "rtb-x", vpcId: "vpc-a", routes: [{ destination: "10.0.0.0/33", target: "local" }] },
          },
        ],
      }),
    ).toMatchObject({ ok: false, field: "edit.patch" });
  });
});

describe("removing a gateway keeps its routes as AWS does (uxr5 finding 8)", () => {
  const starter = () => {
    const parsed = parseTopologyText(STARTER_TOPOLOGY_YAML, "yaml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.topology;
  };

  it("an internet gateway's route stays as a blackhole route, the network validates and the trace says blackhole", () => {
    const removed = applied(starter(), { kind: "remove-resource", id: "igw-lab" });
    expect(removed.description).toBe(
      "remove igw-lab; the route to it stays, as a blackhole route (AWS keeps it)",
    );
    expect(removed.topology.internetGateways).toEqual([]);
    expect(removed.topology.routeTables[0]?.routes).toEqual([
      expect.objectContaining({
        destination: "0.0.0.0/0",
        target: "blackhole",
        blackholeCause: "igw-lab was deleted",
      }),
    ]);
    expect(validate(removed.topology).filter((issue) => issue.severity === "error")).toEqual([]);
    const out = analyze(removed.topology, { from: "web", to: "internet", protocol: "tcp", port: 443 });
    expect(out.reachable).toBe(false);
    expect(out.blockers[0]?.message).toMatch(/blackhole/);
    // Undo puts the gateway and the route back.
    expect(applied(removed.topology, removed.inverse).topology).toEqual(starter());
  });

  it("a gateway endpoint's routes go with it (DeleteVpcEndpoints deletes them)", () => {
    const base = starter();
    const withEndpoint: Topology = {
      ...base,
      gatewayEndpoints: [
        {
          id: "vpce-s3",
          vpcId: "vpc-lab",
          service: "s3",
          routeTableIds: ["rtb-public"],
          policy: "allow-all",
        },
      ],
      routeTables: base.routeTables.map((table) => ({
        ...table,
        routes: [...table.routes, { destinationPrefixListId: "pl-s3", target: "vpce-s3", origin: "static" }],
      })),
    };
    const removed = applied(withEndpoint, { kind: "remove-resource", id: "vpce-s3" });
    expect(removed.description).toBe(
      "remove vpce-s3 and its 1 route (AWS deletes a gateway endpoint's routes with it)",
    );
    expect(removed.topology.routeTables[0]?.routes.map((route) => route.target)).toEqual(["igw-lab"]);
  });
});
