// Which fault a fix-it question is about, per difficulty. d1 removes one piece of a working setup (a route,
// the peering's acceptance, a security group rule: missing-piece's pieces). d2 is a different kind of fault,
// two facts that interact: the server's subnet has a network ACL whose outbound rule mirrors the inbound one
// (the service port) and so drops the reply, which goes to an ephemeral port (ACL-02: ACLs are stateless,
// while the security group beside it is stateful), or a transit gateway table misses the request's
// association or propagation. d3 is about the reply path: the client's own subnet ACL drops the reply coming
// back, the client's attachment does not propagate into the TGW table (the reply finds no route there), or
// the server's route back is missing.
import type * as T from "../../net/index";
import { cidrSize, cidrText, ipToInt, resourceId } from "../names";
import type { Difficulty } from "../question";
import { forkedRng, hashString, type Rng } from "../rng";
import { setNacl } from "../topology-edits";
import { routeTableWith, subnetWith, tgwRouteTableWith, topologyWith } from "../topology-builder";
import type { NearMiss } from "../near-misses";
import {
  drawCompleteSetup,
  drawSetupOfKind,
  piecesForDifficulty,
  withDecoy,
  type Piece,
  type Setup,
} from "./missing-piece";
import { sameJson } from "../same-json";

export type FixItFault = { readonly setup: Setup; readonly missing: Piece };

/** The setup and the one piece the question's topology lacks. */
export function drawFixItFault(rng: Rng, difficulty: Difficulty): FixItFault {
  if (difficulty === 1) return firstLevel(rng);
  const setup = drawCompleteSetup(rng, difficulty);
  const choices = difficulty === 2 ? secondLevel(setup) : thirdLevel(setup);
  return rng.pick(choices);
}

/**
 * d1: as missing-piece's d1, a piece the request needs (never one only the reply needs) that fix-it can ask
 * about. An internet-egress setup offers only its security group's outbound rule, so drawn like missing-piece
 * (half the setups internet, pieces uniform) three questions in five were about an empty security group
 * rule (scripts/fault-mix.ts: 60 %). The kinds are weighed instead: a quarter of the setups internet egress,
 * and in a peering setup the route twice as likely as the acceptance or the empty group, for about 44 %
 * security group, 37 % route, 19 % acceptance. The acceptance stays rare: its keyed fix is the one option of
 * its kind (an active peering has nothing to accept), so at a third of d1 it made "pick the odd one out" a cue.
 */
function firstLevel(rng: Rng): FixItFault {
  const setup = drawSetupOfKind(rng, rng.int(0, 3) === 0 ? "internet" : "peering");
  const eligible = piecesForDifficulty(setup.pieces, 1).filter((piece) => piece.fixIt !== false);
  const isRoute = (piece: Piece): boolean => piece.plain !== true && !piece.rules.includes("PCX-05");
  const weighted = eligible.flatMap((piece) => (isRoute(piece) ? [piece, piece] : [piece]));
  return { setup, missing: rng.pick(weighted) };
}

type Ends = {
  readonly client: T.Instance;
  readonly clientSubnet: T.Subnet;
  readonly server: T.Instance | undefined;
  readonly serverSubnet: T.Subnet | undefined;
};

function endsOf(setup: Setup): Ends | undefined {
  const t = setup.base;
  const client = t.instances.find((i) => i.name === setup.query.from);
  const server = t.instances.find((i) => i.name === setup.query.to);
  const clientSubnet = t.subnets.find((s) => s.id === client?.subnetId);
  if (!client || !clientSubnet) return undefined;
  return { client, clientSubnet, server, serverSubnet: t.subnets.find((s) => s.id === server?.subnetId) };
}

function vpcCidr(t: T.Topology, subnet: T.Subnet): string {
  return t.vpcs.find((v) => v.id === subnet.vpcId)?.cidrBlocks[0] ?? subnet.cidrBlock ?? "0.0.0.0/0";
}

const isTgw = (piece: Piece): boolean => piece.rules.some((r) => r === "TGW-04" || r === "TGW-05");

/** d2: the server side's stateless ACL drops the reply; or (hub) the request's association or propagation. */
function secondLevel(setup: Setup): FixItFault[] {
  const out: FixItFault[] = [];
  const ends = endsOf(setup);
  if (setup.query.to === "internet") {
    const mirrored = internetReplyAcl(setup);
    if (mirrored) out.push(mirrored);
  } else if (ends?.server && ends.serverSubnet) {
    // A hub setup asks about its transit gateway table; a peering about the server's ACL.
    for (const piece of setup.pieces) if (isTgw(piece)) out.push({ setup, missing: piece });
    if (out.length === 0) out.push(statelessAcl(setup, "server", ends.serverSubnet, ends.clientSubnet));
  }
  return out.length > 0
    ? out
    : setup.pieces.filter((p) => p.fixIt !== false).map((missing) => ({ setup, missing }));
}

/** d3: the reply path — the client's ACL, the client's propagation into the TGW table, the server's route back. */
function thirdLevel(setup: Setup): FixItFault[] {
  const out: FixItFault[] = [];
  const ends = endsOf(setup);
  if (ends?.server && ends.serverSubnet) {
    out.push(statelessAcl(setup, "client", ends.clientSubnet, ends.serverSubnet));
    const back = narrowedRouteBack(setup, ends);
    if (back) out.push(back);
    const propagation = clientPropagation(setup, ends);
    if (propagation) out.push(propagation);
  }
  return out.length > 0
    ? out
    : setup.pieces.filter((p) => p.fixIt !== false).map((missing) => ({ setup, missing }));
}

/**
 * A network ACL on one end's subnet: everything within its own VPC (a transit gateway attachment may sit in the
 * subnet), and the flow's port or the replies' ephemeral ports to and from the other VPC. The missing piece is
 * the rule for the replies, written with the service port instead (ACL-02, ACL-08): at the server the reply
 * leaves outbound, at the client it comes back inbound.
 */
function statelessAcl(setup: Setup, end: "server" | "client", subnet: T.Subnet, other: T.Subnet): FixItFault {
  const t = setup.base;
  const port = setup.query.port ?? 443;
  const own = vpcCidr(t, subnet);
  const remote = vpcCidr(t, other);
  // Its own id, drawn from a stream keyed by the subnet (deterministic per seed, yet not the subnet's hex digits).
  const aclId = resourceId(forkedRng(hashString(subnet.id), "network-acl"), "acl");
  const name = `${subnet.name ?? subnet.id}-acl`;
  const within = (ruleNumber: number): T.NaclRule => ({
    ruleNumber,
    protocol: "all",
    cidrBlock: own,
    action: "allow",
  });
  const service: T.NaclRule = {
    ruleNumber: 110,
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlock: remote,
    action: "allow",
  };
  const replies: T.NaclRule = { ...service, fromPort: 1024, toPort: 65535 };
  // Server: the request comes in on the port, the reply leaves to an ephemeral port. Client: the reverse.
  const acl: T.NetworkAcl = {
    id: aclId,
    name,
    vpcId: subnet.vpcId,
    isDefault: false,
    inbound: [within(100), end === "server" ? service : replies],
    outbound: [within(100), end === "server" ? replies : service],
  };
  const base: T.Topology = topologyWith(t, {
    networkAcls: [...t.networkAcls, acl],
    subnets: t.subnets.map((s) => (s.id === subnet.id ? subnetWith(s, { networkAclId: aclId }) : s)),
  });
  const side = end === "server" ? "outbound" : "inbound";
  const mirrored = setNacl(aclId, { [side]: [within(100), service] });
  const wrongSide = end === "server" ? "inbound" : "outbound";
  const nearMiss: NearMiss = {
    text: `An ${wrongSide} rule in ${name} allowing TCP 1024-65535 ${wrongSide === "inbound" ? "from" : "to"} ${remote}`,
    fixText: `Add ${wrongSide} rule 120 allowing tcp ports 1024-65535 ${wrongSide === "inbound" ? "from" : "to"} ${remote} to network ACL ${aclId}`,
    why: `The reply's ephemeral port has to be allowed in the direction the reply crosses ${name}: ${side}, not ${wrongSide} (ACL-02).`,
    edit: setNacl(aclId, {
      [wrongSide]: [...acl[wrongSide], { ...replies, ruleNumber: 120 }],
    }),
  };
  return {
    setup: {
      ...setup,
      base,
      nearMisses: [...setup.nearMisses, nearMiss],
      concepts: [...setup.concepts, "S2"],
    },
    missing: {
      text: `An ${side} rule in ${name} allowing the replies' ephemeral ports`,
      remove: mirrored,
      rules: ["ACL-02", "ACL-08"],
    },
  };
}

/** Internet egress: the subnet ACL's inbound rule mirrors the outbound one (TCP 443), so the reply is dropped. */
function internetReplyAcl(setup: Setup): FixItFault | undefined {
  const t = setup.base;
  const ends = endsOf(setup);
  const acl = t.networkAcls.find((a) => a.id === ends?.clientSubnet.networkAclId);
  if (!acl) return undefined;
  const request = acl.outbound[0];
  if (!request) return undefined;
  const name = acl.name ?? acl.id;
  const wrongSide: NearMiss = {
    text: `An outbound rule in ${name} allowing TCP 1024-65535 to 0.0.0.0/0`,
    fixText: `Add outbound rule 110 allowing tcp ports 1024-65535 to 0.0.0.0/0 to network ACL ${acl.id}`,
    why: `The reply comes back in to the client's ephemeral port, so ${name} needs an inbound rule for it; outbound rules for those ports serve replies the instance sends (ACL-02).`,
    edit: setNacl(acl.id, {
      outbound: [...acl.outbound, { ...request, ruleNumber: 110, fromPort: 1024, toPort: 65535 }],
    }),
  };
  return {
    setup: { ...setup, nearMisses: [...setup.nearMisses, wrongSide] },
    missing: {
      text: `An inbound rule in ${name} allowing the replies' ephemeral ports`,
      remove: setNacl(acl.id, { inbound: [{ ...request }] }),
      rules: ["ACL-02", "ACL-08"],
    },
  };
}

/**
 * The server's route back to the client's VPC names only the upper half of that VPC's range, where the client is
 * not (its subnet is the VPC's first): the reply matches no route (RT-04). The route is there, but too narrow.
 */
function narrowedRouteBack(setup: Setup, ends: Ends): FixItFault | undefined {
  const t = setup.base;
  const server = ends.serverSubnet;
  if (!server) return undefined;
  const table =
    t.routeTables.find((r) => r.id === server.routeTableId) ??
    t.routeTables.find((r) => r.vpcId === server.vpcId && r.main);
  const clientRange = vpcCidr(t, ends.clientSubnet);
  const [address, bits] = clientRange.split("/");
  const prefix = Number(bits);
  const clientIp = ends.client.privateIp;
  if (!table || address === undefined || prefix >= 24 || clientIp === undefined) return undefined;
  const upper = { base: ipToInt(address) + cidrSize(prefix + 1), prefix: prefix + 1 };
  const clientInt = ipToInt(clientIp);
  if (clientInt >= upper.base && clientInt < upper.base + cidrSize(upper.prefix)) return undefined;
  if (!table.routes.some((r) => r.destination === clientRange)) return undefined;
  const narrow = cidrText(upper);
  return {
    setup,
    missing: {
      text: `A route ${clientRange} in route table ${table.name ?? table.id}, not only ${narrow}`,
      remove: (x) =>
        topologyWith(x, {
          routeTables: x.routeTables.map((r) =>
            r.id === table.id
              ? routeTableWith(r, {
                  routes: r.routes.map((route) =>
                    route.destination === clientRange ? { ...route, destination: narrow } : route,
                  ),
                })
              : r,
          ),
        }),
      rules: ["RT-04"],
    },
  };
}

/** Hub only: the client's attachment does not propagate, so the reply finds no route in the TGW table (TGW-05). */
function clientPropagation(setup: Setup, ends: Ends): FixItFault | undefined {
  const t = setup.base;
  const attachment = t.transitGatewayAttachments.find((a) => a.vpcId === ends.clientSubnet.vpcId);
  const table = t.transitGatewayRouteTables.find((r) => attachment && r.propagations.includes(attachment.id));
  if (!attachment || !table) return undefined;
  const missing: Piece = {
    text: `Propagation of attachment ${attachment.id} into TGW route table ${table.name ?? table.id}`,
    remove: (x) =>
      topologyWith(x, {
        transitGatewayRouteTables: x.transitGatewayRouteTables.map((r) =>
          r.id === table.id
            ? tgwRouteTableWith(r, { propagations: r.propagations.filter((p) => p !== attachment.id) })
            : r,
        ),
      }),
    rules: ["TGW-05"],
  };
  // The setup's own piece for this propagation (the one whose removal yields the same topology) carries the
  // decoy: the attachment shown propagating into the TGW table no attachment is associated with, as
  // missing-piece's d3 shows it, so the propagation is "there", only not where the reply is looked up (TGW-04).
  const removed = missing.remove(t);
  const own = setup.pieces.find((p) => p.decoy !== undefined && sameJson(p.remove(t), removed));
  return own ? { setup: withDecoy(setup, own), missing: own } : { setup, missing };
}
