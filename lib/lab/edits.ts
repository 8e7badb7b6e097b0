// The lab's edits: each one a pure function on a topology that also returns its inverse, so undo is one more
// edit. The inverse is always a patch (lib/lab/patch.ts): what the edit changed, item by item, turned back.
// Topologies are treated as immutable: an edit copies the one list and object it changes.
import { labFixes } from "./lab-fixes";
import {
  parseCidr,
  parseIp,
  parseTopology,
  formatIssue,
  type NaclRule,
  type Query,
  type RuleProtocol,
  type SgRule,
  type Topology,
} from "@/lib/net";
import { applyPatch, diffTopologies, type Collection, type Patch } from "./patch";

export type Direction = "inbound" | "outbound";
export type GatewayType = "internet-gateway" | "egress-only-internet-gateway" | "nat-gateway";

export type LabEdit =
  | {
      readonly kind: "add-route";
      readonly routeTableId: string;
      readonly route: { readonly destination: string; readonly target: string };
    }
  | { readonly kind: "remove-route"; readonly routeTableId: string; readonly destination: string }
  | {
      readonly kind: "add-sg-rule";
      readonly securityGroupId: string;
      readonly direction: Direction;
      readonly rule: {
        readonly protocol: RuleProtocol;
        readonly fromPort?: number | undefined;
        readonly toPort?: number | undefined;
        /** A CIDR block, a security group (sg-…) or a prefix list (pl-…). */
        readonly peer: string;
      };
    }
  | {
      readonly kind: "remove-sg-rule";
      readonly securityGroupId: string;
      readonly direction: Direction;
      /** Position in the group's list for that direction, from 0. */
      readonly index: number;
    }
  | {
      readonly kind: "add-nacl-entry";
      readonly networkAclId: string;
      readonly direction: Direction;
      readonly entry: {
        readonly ruleNumber: number;
        readonly protocol: RuleProtocol;
        readonly fromPort?: number | undefined;
        readonly toPort?: number | undefined;
        readonly cidrBlock: string;
        readonly action: "allow" | "deny";
      };
    }
  | {
      readonly kind: "remove-nacl-entry";
      readonly networkAclId: string;
      readonly direction: Direction;
      readonly ruleNumber: number;
    }
  | {
      readonly kind: "add-peering";
      readonly requesterVpcId: string;
      readonly accepterVpcId: string;
      /** false leaves the request pending acceptance, as AWS does until the accepter acts. */
      readonly accepted: boolean;
    }
  | { readonly kind: "accept-peering"; readonly peeringId: string }
  | {
      readonly kind: "add-gateway-endpoint";
      readonly vpcId: string;
      readonly service: "s3" | "dynamodb";
      readonly routeTableIds: readonly string[];
    }
  | {
      readonly kind: "add-interface-endpoint";
      readonly vpcId: string;
      readonly serviceName: string;
      readonly subnetId: string;
      readonly privateIp: string;
      readonly securityGroupIds: readonly string[];
    }
  | {
      readonly kind: "add-gateway";
      readonly type: GatewayType;
      /** The VPC of an internet or egress-only gateway. */
      readonly vpcId?: string | undefined;
      /** The subnet and addresses of a NAT gateway. */
      readonly subnetId?: string | undefined;
      readonly privateIp?: string | undefined;
      readonly publicIp?: string | undefined;
    }
  /** Removes a peering connection, an endpoint or a gateway by its id. */
  | { readonly kind: "remove-resource"; readonly id: string }
  | { readonly kind: "toggle-vpn-tunnel"; readonly vpnConnectionId: string; readonly tunnel: number }
  | { readonly kind: "toggle-tgw-attachment"; readonly attachmentId: string }
  | { readonly kind: "apply-fix"; readonly query: Query; readonly fixId: string }
  /** Undo, redo, and the code editor's changes: a patch (lib/lab/patch.ts). */
  | { readonly kind: "patch"; readonly patch: Patch };

/** `field` names the edit's field at fault (`edit.routeTableId`), as every 4xx of the app does. */
export type EditResult =
  | {
      readonly ok: true;
      readonly topology: Topology;
      readonly inverse: Extract<LabEdit, { kind: "patch" }>;
      readonly description: string;
    }
  | { readonly ok: false; readonly field: string; readonly error: string };

type Changed = { topology: Topology; description: string } | { field: string; error: string };

const refuse = (field: string, error: string): Changed => ({ field, error });

/** The resource lists an edit may remove from, by id. */
const REMOVABLE: readonly Collection[] = [
  "peeringConnections",
  "gatewayEndpoints",
  "interfaceEndpoints",
  "internetGateways",
  "egressOnlyInternetGateways",
  "natGateways",
];

type Identified = { readonly id: string; readonly name?: string | undefined };

function find<T extends Identified>(
  items: readonly T[],
  ref: string,
): { item: T; index: number } | undefined {
  const wanted = ref.trim();
  const index = items.findIndex((item) => item.id === wanted || item.name === wanted);
  const item = items[index];
  return item ? { item, index } : undefined;
}

function replaced<K extends Collection>(
  topology: Topology,
  key: K,
  index: number,
  item: Topology[K][number],
): Topology {
  const list = (topology[key] as readonly unknown[]).slice();
  list[index] = item;
  return { ...topology, [key]: list };
}

function appended<K extends Collection>(topology: Topology, key: K, item: Topology[K][number]): Topology {
  return { ...topology, [key]: [...(topology[key] as readonly unknown[]), item] };
}

/** A new id with the resource's AWS prefix that no resource in the topology uses. */
function freshId(topology: Topology, prefix: string): string {
  const used = new Set<string>();
  for (const value of Object.values(topology))
    if (Array.isArray(value))
      for (const item of value as unknown[]) {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === "string") used.add(id);
      }
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}-lab${n}`)) return `${prefix}-lab${n}`;
}

function cidrProblem(value: string): string | undefined {
  const parsed = parseCidr(value.trim());
  return parsed.ok ? undefined : parsed.message;
}

function ipProblem(value: string): string | undefined {
  const parsed = parseIp(value.trim());
  return parsed.ok ? undefined : parsed.message;
}

function portsOf(
  protocol: RuleProtocol,
  fromPort: number | undefined,
  toPort: number | undefined,
): { fromPort?: number; toPort?: number } {
  if (protocol !== "tcp" && protocol !== "udp") return {};
  const from = fromPort ?? 0;
  return { fromPort: from, toPort: toPort ?? fromPort ?? 65535 };
}

function addRoute(topology: Topology, edit: Extract<LabEdit, { kind: "add-route" }>): Changed {
  const found = find(topology.routeTables, edit.routeTableId);
  if (!found) return refuse("routeTableId", `no route table "${edit.routeTableId}" in this topology`);
  const destination = edit.route.destination.trim();
  const target = edit.route.target.trim();
  if (destination === "") return refuse("route.destination", "a destination CIDR is required");
  const bad = cidrProblem(destination);
  if (bad) return refuse("route.destination", bad);
  if (target === "") return refuse("route.target", "a target is required");
  if (found.item.routes.some((route) => route.destination === destination))
    return refuse(
      "route.destination",
      `${found.item.id} already has a route to ${destination}; remove it first`,
    );
  const routes = [...found.item.routes, { destination, target, origin: "static" as const }];
  return {
    topology: replaced(topology, "routeTables", found.index, { ...found.item, routes }),
    description: `add the route ${destination} -> ${target} to ${found.item.id}`,
  };
}

function removeRoute(topology: Topology, edit: Extract<LabEdit, { kind: "remove-route" }>): Changed {
  const found = find(topology.routeTables, edit.routeTableId);
  if (!found) return refuse("routeTableId", `no route table "${edit.routeTableId}" in this topology`);
  const destination = edit.destination.trim();
  const removed = found.item.routes.find((route) => route.destination === destination);
  if (!removed) return refuse("destination", `${found.item.id} has no route to "${destination}"`);
  const routes = found.item.routes.filter((route) => route !== removed);
  return {
    topology: replaced(topology, "routeTables", found.index, { ...found.item, routes }),
    description: `remove the route ${destination} -> ${removed.target} from ${found.item.id}`,
  };
}

function addSgRule(topology: Topology, edit: Extract<LabEdit, { kind: "add-sg-rule" }>): Changed {
  const found = find(topology.securityGroups, edit.securityGroupId);
  if (!found)
    return refuse("securityGroupId", `no security group "${edit.securityGroupId}" in this topology`);
  const peer = edit.rule.peer.trim();
  if (peer === "") return refuse("rule.peer", "a CIDR block, a security group or a prefix list is required");
  let source: Pick<SgRule, "cidrBlock" | "securityGroupId" | "prefixListId">;
  if (peer.startsWith("sg-") || peer.includes("/sg-")) source = { securityGroupId: peer };
  else if (peer.startsWith("pl-")) source = { prefixListId: peer };
  else {
    const bad = cidrProblem(peer);
    if (bad) return refuse("rule.peer", `${bad} (or give a security group sg-… or a prefix list pl-…)`);
    source = { cidrBlock: peer };
  }
  const rule: SgRule = {
    protocol: edit.rule.protocol,
    ...portsOf(edit.rule.protocol, edit.rule.fromPort, edit.rule.toPort),
    ...source,
  };
  const group = found.item;
  // An absent outbound list is AWS's default allow-all egress rule: adding to it keeps that rule explicit.
  const current =
    edit.direction === "inbound"
      ? group.inbound
      : (group.outbound ?? [{ protocol: "all", cidrBlock: "0.0.0.0/0" }]);
  const next = { ...group, [edit.direction]: [...current, rule] };
  const ports =
    rule.fromPort === undefined
      ? ""
      : ` ${rule.fromPort}${rule.toPort === rule.fromPort ? "" : `-${rule.toPort}`}`;
  return {
    topology: replaced(topology, "securityGroups", found.index, next),
    description: `allow ${rule.protocol}${ports} ${edit.direction === "inbound" ? "from" : "to"} ${peer} in ${group.id} (${edit.direction})`,
  };
}

function removeSgRule(topology: Topology, edit: Extract<LabEdit, { kind: "remove-sg-rule" }>): Changed {
  const found = find(topology.securityGroups, edit.securityGroupId);
  if (!found)
    return refuse("securityGroupId", `no security group "${edit.securityGroupId}" in this topology`);
  const group = found.item;
  const rules = edit.direction === "inbound" ? group.inbound : group.outbound;
  if (!rules || !rules[edit.index])
    return refuse("index", `${group.id} has no ${edit.direction} rule number ${edit.index + 1}`);
  return {
    topology: replaced(topology, "securityGroups", found.index, {
      ...group,
      [edit.direction]: rules.filter((_, index) => index !== edit.index),
    }),
    description: `remove ${edit.direction} rule ${edit.index + 1} from ${group.id}`,
  };
}

function addNaclEntry(topology: Topology, edit: Extract<LabEdit, { kind: "add-nacl-entry" }>): Changed {
  const found = find(topology.networkAcls, edit.networkAclId);
  if (!found) return refuse("networkAclId", `no network ACL "${edit.networkAclId}" in this topology`);
  const { ruleNumber, protocol, action } = edit.entry;
  if (!Number.isInteger(ruleNumber) || ruleNumber < 1 || ruleNumber > 32766)
    return refuse("entry.ruleNumber", "a rule number from 1 to 32766");
  const cidrBlock = edit.entry.cidrBlock.trim();
  const bad = cidrProblem(cidrBlock);
  if (bad) return refuse("entry.cidrBlock", bad);
  const acl = found.item;
  const rules = acl[edit.direction];
  if (rules.some((rule) => rule.ruleNumber === ruleNumber))
    return refuse("entry.ruleNumber", `${acl.id} already has ${edit.direction} rule ${ruleNumber}`);
  const entry: NaclRule = {
    ruleNumber,
    protocol,
    ...portsOf(protocol, edit.entry.fromPort, edit.entry.toPort),
    cidrBlock,
    action,
  };
  // Kept in rule-number order, as the console lists them (the model evaluates by number either way).
  const next = [...rules, entry].sort((a, b) => a.ruleNumber - b.ruleNumber);
  return {
    topology: replaced(topology, "networkAcls", found.index, { ...acl, [edit.direction]: next }),
    description: `${action} rule ${ruleNumber} (${protocol}, ${cidrBlock}) in ${acl.id} (${edit.direction})`,
  };
}

function removeNaclEntry(topology: Topology, edit: Extract<LabEdit, { kind: "remove-nacl-entry" }>): Changed {
  const found = find(topology.networkAcls, edit.networkAclId);
  if (!found) return refuse("networkAclId", `no network ACL "${edit.networkAclId}" in this topology`);
  const acl = found.item;
  const rules = acl[edit.direction];
  if (!rules.some((rule) => rule.ruleNumber === edit.ruleNumber))
    return refuse("ruleNumber", `${acl.id} has no ${edit.direction} rule ${edit.ruleNumber}`);
  return {
    topology: replaced(topology, "networkAcls", found.index, {
      ...acl,
      [edit.direction]: rules.filter((rule) => rule.ruleNumber !== edit.ruleNumber),
    }),
    description: `remove ${edit.direction} rule ${edit.ruleNumber} from ${acl.id}`,
  };
}

function addPeering(topology: Topology, edit: Extract<LabEdit, { kind: "add-peering" }>): Changed {
  const requester = find(topology.vpcs, edit.requesterVpcId);
  if (!requester) return refuse("requesterVpcId", `no VPC "${edit.requesterVpcId}" in this topology`);
  const accepter = find(topology.vpcs, edit.accepterVpcId);
  if (!accepter) return refuse("accepterVpcId", `no VPC "${edit.accepterVpcId}" in this topology`);
  if (requester.item.id === accepter.item.id) return refuse("accepterVpcId", "a VPC cannot peer with itself");
  const id = freshId(topology, "pcx");
  return {
    topology: appended(topology, "peeringConnections", {
      id,
      requesterVpcId: requester.item.id,
      accepterVpcId: accepter.item.id,
      status: edit.accepted ? "active" : "pending-acceptance",
      requesterAllowDnsResolutionFromRemoteVpc: false,
      accepterAllowDnsResolutionFromRemoteVpc: false,
    }),
    description: `request the peering ${id} from ${requester.item.id} to ${accepter.item.id}${edit.accepted ? " and accept it" : ""} (add routes on both sides for traffic to flow)`,
  };
}

function acceptPeering(topology: Topology, edit: Extract<LabEdit, { kind: "accept-peering" }>): Changed {
  const found = find(topology.peeringConnections, edit.peeringId);
  if (!found) return refuse("peeringId", `no peering connection "${edit.peeringId}" in this topology`);
  if (found.item.status === "active") return refuse("peeringId", `${found.item.id} is already active`);
  return {
    topology: replaced(topology, "peeringConnections", found.index, { ...found.item, status: "active" }),
    description: `accept the peering ${found.item.id}`,
  };
}

function addGatewayEndpoint(
  topology: Topology,
  edit: Extract<LabEdit, { kind: "add-gateway-endpoint" }>,
): Changed {
  const vpc = find(topology.vpcs, edit.vpcId);
  if (!vpc) return refuse("vpcId", `no VPC "${edit.vpcId}" in this topology`);
  const tables: string[] = [];
  for (const ref of edit.routeTableIds) {
    const table = find(topology.routeTables, ref);
    if (!table) return refuse("routeTableIds", `no route table "${ref}" in this topology`);
    if (table.item.vpcId !== vpc.item.id)
      return refuse("routeTableIds", `${table.item.id} is in ${table.item.vpcId}, not in ${vpc.item.id}`);
    tables.push(table.item.id);
  }
  const id = freshId(topology, "vpce");
  return {
    topology: appended(topology, "gatewayEndpoints", {
      id,
      vpcId: vpc.item.id,
      service: edit.service,
      routeTableIds: tables,
      policy: "allow-all",
    }),
    description: `add the ${edit.service} gateway endpoint ${id} to ${vpc.item.id}${tables.length > 0 ? ` (route tables ${tables.join(", ")})` : " (no route table yet)"}`,
  };
}

function addInterfaceEndpoint(
  topology: Topology,
  edit: Extract<LabEdit, { kind: "add-interface-endpoint" }>,
): Changed {
  const vpc = find(topology.vpcs, edit.vpcId);
  if (!vpc) return refuse("vpcId", `no VPC "${edit.vpcId}" in this topology`);
  const serviceName = edit.serviceName.trim();
  if (serviceName === "")
    return refuse("serviceName", "a service name is required (com.amazonaws.<region>.<service>)");
  const subnet = find(topology.subnets, edit.subnetId);
  if (!subnet) return refuse("subnetId", `no subnet "${edit.subnetId}" in this topology`);
  const bad = ipProblem(edit.privateIp);
  if (bad) return refuse("privateIp", bad);
  const groups: string[] = [];
  for (const ref of edit.securityGroupIds) {
    const group = find(topology.securityGroups, ref);
    if (!group) return refuse("securityGroupIds", `no security group "${ref}" in this topology`);
    groups.push(group.item.id);
  }
  const id = freshId(topology, "vpce");
  return {
    topology: appended(topology, "interfaceEndpoints", {
      id,
      vpcId: vpc.item.id,
      serviceName,
      networkInterfaces: [
        { id: `eni-${id.slice("vpce-".length)}`, subnetId: subnet.item.id, privateIp: edit.privateIp.trim() },
      ],
      securityGroupIds: groups,
      privateDnsEnabled: true,
      state: "available",
    }),
    description: `add the interface endpoint ${id} for ${serviceName} in ${subnet.item.id}`,
  };
}

function addGateway(topology: Topology, edit: Extract<LabEdit, { kind: "add-gateway" }>): Changed {
  if (edit.type === "nat-gateway") {
    const subnet = find(topology.subnets, edit.subnetId ?? "");
    if (!subnet) return refuse("subnetId", `no subnet "${edit.subnetId ?? ""}" in this topology`);
    const privateIp = (edit.privateIp ?? "").trim();
    const bad = ipProblem(privateIp);
    if (bad) return refuse("privateIp", bad);
    const publicIp = edit.publicIp?.trim() || undefined;
    const badPublic = publicIp ? ipProblem(publicIp) : undefined;
    if (badPublic) return refuse("publicIp", badPublic);
    const id = freshId(topology, "nat");
    return {
      topology: appended(topology, "natGateways", {
        id,
        subnetId: subnet.item.id,
        connectivity: publicIp ? "public" : "private",
        privateIp,
        ...(publicIp ? { publicIp } : {}),
        state: "available",
      }),
      description: `add the ${publicIp ? "public" : "private"} NAT gateway ${id} in ${subnet.item.id}`,
    };
  }
  const vpc = find(topology.vpcs, edit.vpcId ?? "");
  if (!vpc) return refuse("vpcId", `no VPC "${edit.vpcId ?? ""}" in this topology`);
  if (edit.type === "internet-gateway") {
    if (topology.internetGateways.some((gateway) => gateway.vpcId === vpc.item.id))
      return refuse("vpcId", `${vpc.item.id} already has an internet gateway (one per VPC)`);
    const id = freshId(topology, "igw");
    return {
      topology: appended(topology, "internetGateways", { id, vpcId: vpc.item.id }),
      description: `attach the internet gateway ${id} to ${vpc.item.id}`,
    };
  }
  const id = freshId(topology, "eigw");
  return {
    topology: appended(topology, "egressOnlyInternetGateways", { id, vpcId: vpc.item.id }),
    description: `add the egress-only internet gateway ${id} to ${vpc.item.id}`,
  };
}

/**
 * Removes a peering, endpoint or gateway, and does to the routes that pointed at it what AWS does (RT-08): a
 * deleted gateway endpoint takes its routes with it (DeleteVpcEndpoints); a deleted internet, egress-only or NAT
 * gateway, or peering connection, leaves them in place as blackhole routes (State blackhole: the target is not
 * available), which the trace reports as dropping the traffic. uxr5 finding 8: the routes kept naming the gone
 * id, and validation refused the whole network (RT-08 unknown target) instead of tracing it.
 */
function removeResource(topology: Topology, edit: Extract<LabEdit, { kind: "remove-resource" }>): Changed {
  for (const key of REMOVABLE) {
    const items = topology[key] as readonly Identified[];
    const found = find(items, edit.id);
    if (!found) continue;
    const id = found.item.id;
    const dropsRoutes = key === "gatewayEndpoints";
    let touched = 0;
    const routeTables = topology.routeTables.map((table) => {
      if (!table.routes.some((route) => route.target === id)) return table;
      const routes = table.routes.flatMap((route) => {
        if (route.target !== id) return [route];
        touched += 1;
        return dropsRoutes ? [] : [{ ...route, target: "blackhole", blackholeCause: `${id} was deleted` }];
      });
      return { ...table, routes };
    });
    const routesWord = touched === 1 ? "1 route" : `${touched} routes`;
    const consequence =
      touched === 0
        ? ""
        : dropsRoutes
          ? ` and its ${routesWord} (AWS deletes a gateway endpoint's routes with it)`
          : touched === 1
            ? "; the route to it stays, as a blackhole route (AWS keeps it)"
            : `; the ${routesWord} to it stay, as blackhole routes (AWS keeps them)`;
    return {
      topology: {
        ...topology,
        [key]: items.filter((_, index) => index !== found.index),
        ...(touched === 0 ? {} : { routeTables }),
      },
      description: `remove ${id}${consequence}`,
    };
  }
  return refuse("id", `no peering connection, endpoint or gateway "${edit.id}" in this topology`);
}

function toggleTunnel(topology: Topology, edit: Extract<LabEdit, { kind: "toggle-vpn-tunnel" }>): Changed {
  const found = find(topology.vpnConnections, edit.vpnConnectionId);
  if (!found)
    return refuse("vpnConnectionId", `no VPN connection "${edit.vpnConnectionId}" in this topology`);
  const tunnel = found.item.tunnels[edit.tunnel];
  if (!tunnel) return refuse("tunnel", `${found.item.id} has no tunnel ${edit.tunnel + 1}`);
  const status: "UP" | "DOWN" = tunnel.status === "UP" ? "DOWN" : "UP";
  const tunnels = found.item.tunnels.map((t, index) => (index === edit.tunnel ? { ...t, status } : t));
  return {
    topology: replaced(topology, "vpnConnections", found.index, { ...found.item, tunnels }),
    description: `bring tunnel ${edit.tunnel + 1} of ${found.item.id} ${status}`,
  };
}

function toggleAttachment(
  topology: Topology,
  edit: Extract<LabEdit, { kind: "toggle-tgw-attachment" }>,
): Changed {
  const found = find(topology.transitGatewayAttachments, edit.attachmentId);
  if (!found)
    return refuse("attachmentId", `no transit gateway attachment "${edit.attachmentId}" in this topology`);
  // Off is "pendingAcceptance": an attachment another account has not accepted yet carries no traffic.
  const state = found.item.state === "available" ? "pendingAcceptance" : "available";
  return {
    topology: replaced(topology, "transitGatewayAttachments", found.index, { ...found.item, state }),
    description: `set ${found.item.id} to ${state}`,
  };
}

// A fix is found again by its id on this very topology, so a client never sends a whole topology to apply one.
function applyProposedFix(topology: Topology, edit: Extract<LabEdit, { kind: "apply-fix" }>): Changed {
  const fix = labFixes(topology, edit.query).find((candidate) => candidate.id === edit.fixId);
  if (!fix) return refuse("fixId", `no fix "${edit.fixId}" is proposed for this question on this topology`);
  return { topology: fix.topology, description: fix.description };
}

function applyLabPatch(topology: Topology, edit: Extract<LabEdit, { kind: "patch" }>): Changed {
  const patched = applyPatch(topology, edit.patch);
  if (!patched.ok) return refuse(`patch[${patched.index}]`, `${patched.error}: the network changed since`);
  return { topology: patched.topology, description: "apply the change" };
}

function change(topology: Topology, edit: LabEdit): Changed {
  switch (edit.kind) {
    case "add-route":
      return addRoute(topology, edit);
    case "remove-route":
      return removeRoute(topology, edit);
    case "add-sg-rule":
      return addSgRule(topology, edit);
    case "remove-sg-rule":
      return removeSgRule(topology, edit);
    case "add-nacl-entry":
      return addNaclEntry(topology, edit);
    case "remove-nacl-entry":
      return removeNaclEntry(topology, edit);
    case "add-peering":
      return addPeering(topology, edit);
    case "accept-peering":
      return acceptPeering(topology, edit);
    case "add-gateway-endpoint":
      return addGatewayEndpoint(topology, edit);
    case "add-interface-endpoint":
      return addInterfaceEndpoint(topology, edit);
    case "add-gateway":
      return addGateway(topology, edit);
    case "remove-resource":
      return removeResource(topology, edit);
    case "toggle-vpn-tunnel":
      return toggleTunnel(topology, edit);
    case "toggle-tgw-attachment":
      return toggleAttachment(topology, edit);
    case "apply-fix":
      return applyProposedFix(topology, edit);
    case "patch":
      return applyLabPatch(topology, edit);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = b as Record<string, unknown>;
  if (left.length !== Object.values(right).filter((value) => value !== undefined).length) return false;
  return left.every(([key, value]) => deepEqual(value, right[key]));
}

/**
 * Whether the items a patch brings in are complete as they are (every default present): they are then
 * checked alone, not with the whole network. Undo and redo patches, made by diffTopologies, always are.
 */
function patchItemsComplete(patch: Patch): boolean {
  const items: Record<string, unknown[]> = {};
  const fields: Record<string, unknown> = {};
  for (const step of patch) {
    if (step.op === "set-field") fields[step.field] = step.after;
    else if (step.op !== "remove")
      (items[step.collection] ??= []).push(step.op === "insert" ? step.item : step.after);
  }
  const parsed = parseTopology({ ...fields, ...items });
  if (!parsed.ok) return false;
  const checked = parsed.topology as unknown as Record<string, unknown>;
  return (
    Object.entries(items).every(([key, list]) => deepEqual(checked[key], list)) &&
    Object.entries(fields).every(([key, value]) => value === undefined || deepEqual(checked[key], value))
  );
}

export function applyEdit(topology: Topology, edit: LabEdit): EditResult {
  const changed = change(topology, edit);
  if ("field" in changed) return { ok: false, field: `edit.${changed.field}`, error: changed.error };
  let edited = changed.topology;
  // A patch carries whole items from the client: the result must still be a topology. The other edits build
  // their items here, complete with the schema's defaults (a property test checks that they parse as they are),
  // and re-parsing a whole 50-VPC topology after every edit would cost more than analysing it.
  if (edit.kind === "patch" && !patchItemsComplete(edit.patch)) {
    const checked = parseTopology(edited);
    if (!checked.ok) {
      const issue = checked.issues[0];
      return {
        ok: false,
        field: "edit.patch",
        error: issue ? formatIssue(issue) : "the result is not a topology",
      };
    }
    edited = checked.topology;
  }
  return {
    ok: true,
    topology: edited,
    inverse: { kind: "patch", patch: diffTopologies(edited, topology) },
    description: changed.description,
  };
}
