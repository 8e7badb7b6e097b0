// missing-piece: A cannot reach C; what is missing? Each setup lists the pieces a working path needs
// (routes on both sides, an accepted peering, TGW association and propagation, an IGW route, a public IP,
// an SG rule). The shown topology lacks exactly one; the model must confirm that the full setup works and
// that the shown one does not (so putting the absent piece back is what fixes it: the key). The wrong options
// are near-miss changes (lib/scenario/near-misses.ts) that change the shown topology and leave the flow
// blocked, never a piece already in place. That each piece matters (removed alone, it also breaks the path)
// is a property of the setup, not of the seed's key; missingPieceCase exposes the setup so
// scripts/check-generator.ts and the unit tests check it over many seeds.
import type * as T from "../../net/index";
import { NetworkCache } from "../../net/index";
import { decidingSentence } from "../rule-sentences";
import { uncoveredRouteSentence } from "../route-coverage";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { cidrSize, cidrText, ipToInt, publicIp, type Cidr } from "../names";
import type { Difficulty, Question } from "../question";
import { analyzeTopology, traceLines } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Estate, type Site } from "../reach-fixtures";
import { securityGroupWith, tgwRouteTableWith, topologyWith } from "../topology-builder";
import { forkedRng, type Rng } from "../rng";
import {
  removeRoute,
  setPeeringStatus,
  enablePeeringDnsResolution,
  removeTgwAssociation,
  removeTgwPropagation,
  setSecurityGroupInbound,
  addRoute,
  addSecurityGroupInbound,
  addSecurityGroupOutbound,
  addTgwRoute,
  setNacl,
  type Edit,
} from "../topology-edits";
import { lowerInitial } from "../lower-initial";
import { provenNearMisses, type NearMiss, type ProvenNearMiss } from "../near-misses";
import type { ProofSink } from "../proofs";
import { possessive } from "../possessive";

const NAME = "missing-piece";

export type Piece = {
  readonly text: string;
  readonly remove: Edit;
  readonly rules: readonly string[];
  /**
   * False when fix-it cannot ask about this piece: lib/net's proposeFixes has no fix for a missing public
   * IP, and a missing IGW route leaves fewer than two wrong fixes. fix-it skips such pieces up front instead
   * of generating and discarding the question (its retry loop still guards the rest).
   */
  readonly fixIt?: false;
  /** Missing, it is seen at a glance (a security group with no inbound rules): a d1 fault, never drawn at d3. */
  readonly plain?: true;
  /**
   * Missing, it drops the reply rather than the request (tests/scenario check this against the model's blocker):
   * the learner has to follow the flow back. Never drawn at d1.
   */
  readonly reply?: true;
  /**
   * d3: the same piece put where the flow does not use it (the route in the VPC's other route table, the
   * propagation into the TGW table the attachment is not associated with). The question shows it in place, so
   * the piece is "there", only not where it counts (RT-01, TGW-04).
   */
  readonly decoy?: Edit;
};
export type Setup = {
  base: T.Topology;
  query: T.Query;
  pieces: Piece[];
  /** Plausible changes that do not fix the flow (wrong options, once proven on the shown topology). */
  nearMisses: NearMiss[];
  concepts: string[];
  story: string;
  /** The failing need in one sentence, when the story does not suit "A cannot reach C on TCP n." */
  complaint?: string;
};

function routeText(t: T.Topology, rtbId: string, destination: string, target: string): string {
  const rt = t.routeTables.find((r) => r.id === rtbId);
  return `a route ${destination} → ${target} in route table ${rt?.name ?? rtbId}`;
}

/**
 * Near-misses for a flow from site a to site c on TCP `port` over `via` (a peering or TGW id). Each names the
 * flow's own addresses (the right CIDR, so no CIDR check alone rules it out) and fails for a networking reason
 * the model proves: the right route in the route table the instance's subnet does not use, the reply's
 * ephemeral ports opened in the client's stateful security group, the server's group opened for the client
 * when it already admits the client's whole VPC, an outbound rule where the request comes in.
 */
function pairNearMisses(
  a: Site,
  c: Site,
  port: number,
  via: string,
  spare: Spare,
  base: T.Topology,
): NearMiss[] {
  const aCidr = cidrText(a.vpc.cidr);
  const cCidr = cidrText(c.vpc.cidr);
  const tcp = { protocol: "tcp" as const, fromPort: port, toPort: port };
  const aTable = tableName(base, a.subnet.routeTableId);
  const cTable = tableName(base, c.subnet.routeTableId);
  return [
    {
      text: `An outbound rule in ${c.instance.name}-sg allowing TCP ${port} to ${aCidr}`,
      fixText: `Add an outbound rule tcp/${port} to ${aCidr} to security group ${c.instance.sgId}`,
      why: `Outbound rules on ${c.instance.name} do not admit a request coming in to it, and security groups are stateful: the reply to an allowed request leaves whatever the outbound rules say (SG-02).`,
      edit: addSecurityGroupOutbound(c.instance.sgId, { ...tcp, cidrBlock: aCidr }),
    },
    {
      text: `An inbound rule in ${a.instance.name}-sg allowing TCP 1024-65535 from ${cCidr}`,
      fixText: `Add an inbound rule tcp/1024-65535 from ${cCidr} to security group ${a.instance.sgId}`,
      why: `Security groups are stateful: the reply to ${possessive(a.instance.name)} own request is allowed back in regardless of its inbound rules, so opening the ephemeral ports changes nothing for this flow (SG-02).`,
      edit: addSecurityGroupInbound(a.instance.sgId, {
        protocol: "tcp",
        fromPort: 1024,
        toPort: 65535,
        cidrBlock: cCidr,
      }),
    },
    {
      text: capital(routeText(base, spare.a.routeTableId, cCidr, via)),
      fixText: `Add a route ${cCidr} -> ${via} to ${spare.a.routeTableId}`,
      why: `Subnet ${a.subnet.name}, where ${a.instance.name} runs, has no explicit association, so it uses the main route table ${aTable}; ${spare.a.tableName} serves only subnet ${spare.a.name}, so a route there never sees ${possessive(a.instance.name)} traffic (RT-01).`,
      edit: addRouteOnce(spare.a.routeTableId, cCidr, via),
    },
    {
      text: capital(routeText(base, spare.c.routeTableId, aCidr, via)),
      fixText: `Add a route ${aCidr} -> ${via} to ${spare.c.routeTableId}`,
      why: `Subnet ${c.subnet.name}, where ${c.instance.name} runs, has no explicit association, so it uses the main route table ${cTable}; ${spare.c.tableName} serves only subnet ${spare.c.name}, so a route there never sees ${possessive(c.instance.name)} replies (RT-01).`,
      edit: addRouteOnce(spare.c.routeTableId, aCidr, via),
    },
    {
      text: `An inbound rule in ${c.instance.name}-sg allowing TCP ${port} from ${a.instance.ip}/32`,
      fixText: `Add an inbound rule tcp/${port} from ${a.instance.ip}/32 to security group ${c.instance.sgId}`,
      why: `Security group ${c.instance.name}-sg already allows TCP ${port} from ${aCidr}, which holds ${a.instance.ip}; rules of a group are pooled, so a narrower rule admits nothing new (SG-01).`,
      edit: addSecurityGroupInbound(c.instance.sgId, { ...tcp, cidrBlock: `${a.instance.ip}/32` }),
    },
  ];
}

/**
 * A change to the peering itself that is not its acceptance: with only route and security group near-misses, the
 * acceptance was the one option of its kind wherever it was keyed (fix-it d1: the only option not starting with
 * "Add"). The DNS resolution option is a real peering setting a learner may reach for, and the model proves it
 * changes nothing for the flow (PCX-13).
 */
function peeringDnsNearMiss(pcx: string): NearMiss {
  return {
    text: `DNS resolution turned on for both VPCs of peering ${pcx}`,
    fixText: `Enable DNS resolution on peering connection ${pcx} for both VPCs`,
    why: `The peering's DNS resolution option only makes the peer's public DNS hostnames resolve to its private addresses (and can only be set on an active peering); it adds no route and admits no traffic, so the flow is blocked as before (PCX-13).`,
    edit: enablePeeringDnsResolution(pcx),
  };
}

function tableName(t: T.Topology, rtbId: string): string {
  return t.routeTables.find((r) => r.id === rtbId)?.name ?? rtbId;
}

type SpareSubnet = { readonly name: string; readonly routeTableId: string; readonly tableName: string };
type Spare = { readonly a: SpareSubnet; readonly c: SpareSubnet };

/**
 * A second, instance-less "-data" subnet in each VPC, associated with its own route table (shown in the
 * exhibit): a route placed there is the right route in the wrong table, since the instances' subnets use their
 * VPC's main table (RT-01).
 */
function spareSubnets(estate: Estate, a: Site, c: Site): Spare {
  const one = (site: Site): SpareSubnet => {
    const tableName = `${site.vpc.name}-data`;
    const routeTableId = estate.builder.routeTable(site.vpc, tableName);
    const subnet = estate.builder.subnet(site.vpc, {
      role: "data",
      prefix: site.subnet.cidr.prefix,
      routeTableId,
    });
    return { name: subnet.name, routeTableId, tableName };
  };
  return { a: one(a), c: one(c) };
}

function peeringSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Site, Site];
  const pcx = peerSites(estate, a, c);
  const spare = spareSubnets(estate, a, c);
  const base = estate.builder.build("peering");
  const p = estate.port;
  const aCidr = cidrText(a.vpc.cidr);
  const cCidr = cidrText(c.vpc.cidr);
  return {
    base,
    query: q(estate, a, c),
    concepts: ["P4", "P7", "S2", "P11"],
    // Not "joined": when the missing piece is the acceptance, the peering joins nothing yet.
    story: `${a.vpc.name} requested peering ${pcx} with ${c.vpc.name}.`,
    nearMisses: [...pairNearMisses(a, c, p, pcx, spare, base), peeringDnsNearMiss(pcx)],
    pieces: [
      {
        text: capital(routeText(base, a.subnet.routeTableId, cCidr, pcx)),
        remove: removeRoute(a.subnet.routeTableId, cCidr),
        rules: ["PCX-08"],
        decoy: both(
          addRouteOnce(spare.a.routeTableId, cCidr, pcx),
          narrowRoute(a.subnet.routeTableId, c, pcx),
        ),
      },
      {
        text: capital(routeText(base, c.subnet.routeTableId, aCidr, pcx)),
        remove: removeRoute(c.subnet.routeTableId, aCidr),
        rules: ["PCX-08"],
        reply: true,
        decoy: both(
          addRouteOnce(spare.c.routeTableId, aCidr, pcx),
          narrowRoute(c.subnet.routeTableId, a, pcx),
        ),
      },
      {
        text: `Acceptance of peering ${pcx} by the ${c.vpc.name} owner`,
        remove: setPeeringStatus(pcx, "pending-acceptance"),
        rules: ["PCX-05", "PCX-07"],
      },
      {
        text: `An inbound rule in ${c.instance.name}-sg allowing TCP ${p} from ${aCidr}`,
        remove: setSecurityGroupInbound(c.instance.sgId, []),
        rules: ["SG-03", "PCX-11"],
        plain: true,
      },
    ],
  };
}

function hubSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Site, Site];
  const hub = hubSites(estate, [a, c]);
  const spare = spareSubnets(estate, a, c);
  // A second TGW route table with no attachment associated (the tempting wrong table for a propagation).
  const other = estate.builder.tgwRouteTable(hub.tgwId, "shared-routes");
  const base = estate.builder.build("transit gateway");
  const attA = hub.attachments.get(a) ?? "";
  const attC = hub.attachments.get(c) ?? "";
  const table = hub.table;
  const aCidr = cidrText(a.vpc.cidr);
  const cCidr = cidrText(c.vpc.cidr);
  const wrongTable = (att: string, site: Site, what: string): NearMiss => ({
    text: `Propagation of attachment ${att} (${site.vpc.name}) into TGW route table ${other.name}`,
    fixText: `Enable propagation of ${att} into transit gateway route table ${other.id}`,
    why: `No attachment is associated with ${other.name}, so ${what} is never looked up there: a transit gateway routes traffic from an attachment only by the table that attachment is associated with, not by tables it propagates into (TGW-04, TGW-05).`,
    edit: addTgwPropagation(other.id, att),
  });
  // Chosen by the attachments' random ids rather than a fresh draw, so the seed's later draws stay as they were.
  const propagationMiss =
    attA < attC
      ? wrongTable(attC, c, `the request from ${a.vpc.name}`)
      : wrongTable(attA, a, `the reply from ${c.vpc.name}`);
  return {
    base,
    query: q(estate, a, c),
    concepts: ["V6"],
    story: `${a.vpc.name} and ${c.vpc.name} are attached to transit gateway ${hub.tgwId}.`,
    nearMisses: [
      ...pairNearMisses(a, c, estate.port, hub.tgwId, spare, base),
      {
        text: `A static route ${cCidr} → ${attA} (${a.vpc.name}) in TGW route table ${table.name}`,
        fixText: `Add a static route ${cCidr} -> ${attA} to transit gateway route table ${table.id}`,
        why: `It sends traffic for ${cCidr} to ${possessive(a.vpc.name)} attachment, not to ${possessive(c.vpc.name)}; being static, it wins over any propagated route for the same prefix (TGW-07).`,
        edit: addTgwRoute(table.id, cCidr, attA),
      },
      {
        text: `A static route ${aCidr} → ${attC} (${c.vpc.name}) in TGW route table ${table.name}`,
        fixText: `Add a static route ${aCidr} -> ${attC} to transit gateway route table ${table.id}`,
        why: `It sends the replies for ${aCidr} to ${possessive(c.vpc.name)} attachment, not to ${possessive(a.vpc.name)}; being static, it wins over any propagated route for the same prefix (TGW-07).`,
        edit: addTgwRoute(table.id, aCidr, attC),
      },
      // One of the two, not both: a mirrored pair of options with one reason would cue that both are wrong.
      propagationMiss,
      // The association in the wrong table: offered only where the attachment has none (an attachment is
      // associated with one table at most), so the keyed association is not the one option of its kind.
      {
        text: `Association of attachment ${attA} (${a.vpc.name}) with TGW route table ${other.name}`,
        fixText: `Associate ${attA} with transit gateway route table ${other.id}`,
        why: `No attachment propagates into ${other.name} and it has no static routes, so traffic from ${attA}, routed by the table its attachment is associated with, would find no route there (TGW-04, TGW-05).`,
        edit: (t) =>
          t.transitGatewayRouteTables.some((r) => r.associations.includes(attA))
            ? t
            : topologyWith(t, {
                transitGatewayRouteTables: t.transitGatewayRouteTables.map((r) =>
                  r.id === other.id ? tgwRouteTableWith(r, { associations: [...r.associations, attA] }) : r,
                ),
              }),
      },
    ],
    pieces: [
      {
        text: `Propagation of attachment ${attC} (${c.vpc.name}) into TGW route table ${table.name}`,
        remove: removeTgwPropagation(table.id, attC),
        rules: ["TGW-05"],
        decoy: addTgwPropagation(other.id, attC),
      },
      {
        text: `Association of attachment ${attA} (${a.vpc.name}) with TGW route table ${table.name}`,
        remove: removeTgwAssociation(table.id, attA),
        rules: ["TGW-04"],
      },
      {
        text: capital(routeText(base, a.subnet.routeTableId, cCidr, hub.tgwId)),
        remove: removeRoute(a.subnet.routeTableId, cCidr),
        rules: ["TGW-06"],
        decoy: addRouteOnce(spare.a.routeTableId, cCidr, hub.tgwId),
      },
      {
        text: capital(routeText(base, c.subnet.routeTableId, aCidr, hub.tgwId)),
        remove: removeRoute(c.subnet.routeTableId, aCidr),
        rules: ["TGW-06"],
        reply: true,
        decoy: addRouteOnce(spare.c.routeTableId, aCidr, hub.tgwId),
      },
      {
        text: `Propagation of attachment ${attA} (${a.vpc.name}) into TGW route table ${table.name}`,
        remove: removeTgwPropagation(table.id, attA),
        rules: ["TGW-05"],
        reply: true,
        decoy: addTgwPropagation(other.id, attA),
      },
      {
        text: `Association of attachment ${attC} (${c.vpc.name}) with TGW route table ${table.name}`,
        remove: removeTgwAssociation(table.id, attC),
        rules: ["TGW-04"],
        reply: true,
      },
    ],
  };
}

/** Adds a route unless the table already has one for that destination (then the topology is unchanged). */
function both(first: Edit, second: Edit): Edit {
  return (t) => second(first(t));
}

/**
 * A second layer for a d3 peering route: the table the flow does use gets a route to the same peering for a
 * quarter of the peer VPC's block that leaves the peer instance out (the sibling of the quarter holding it), so
 * "there is a route to the peering" is true and still not enough (RT-04). Not for a peer block narrower than /26.
 */
function narrowRoute(routeTableId: string, peer: Site, target: string): Edit {
  const block: Cidr = peer.vpc.cidr;
  const prefix = block.prefix + 2;
  if (prefix > 26) return (t) => t;
  const size = cidrSize(prefix);
  const holding = Math.floor((ipToInt(peer.instance.ip) - block.base) / size);
  return addRouteOnce(routeTableId, cidrText({ base: block.base + (holding ^ 1) * size, prefix }), target);
}

function addRouteOnce(routeTableId: string, destination: string, target: string): Edit {
  const add = addRoute(routeTableId, destination, target);
  return (t) =>
    t.routeTables.some((r) => r.id === routeTableId && r.routes.some((x) => x.destination === destination))
      ? t
      : add(t);
}

/** Propagates an attachment into a TGW route table unless it already does (rule TGW-05). */
function addTgwPropagation(tableId: string, attachmentId: string): Edit {
  return (t) =>
    t.transitGatewayRouteTables.some((r) => r.id === tableId && r.propagations.includes(attachmentId))
      ? t
      : topologyWith(t, {
          transitGatewayRouteTables: t.transitGatewayRouteTables.map((r) =>
            r.id === tableId ? tgwRouteTableWith(r, { propagations: [...r.propagations, attachmentId] }) : r,
          ),
        });
}

function internetSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 1);
  const [a] = estate.sites as [Site];
  const b = estate.builder;
  const igw = b.internetGateway(a.vpc);
  b.route(a.subnet.routeTableId, "0.0.0.0/0", igw);
  b.setInstancePublicIp(a.instance.id, publicIp(rng));
  // A second route table that no subnet uses (the tempting wrong table) and a custom network ACL on the
  // instance's subnet that allows the request out and the reply back in on ephemeral ports (ACL-02).
  const publicTable = b.routeTable(a.vpc, `${a.vpc.name}-edge`);
  const aclName = `${a.vpc.name}-app-acl`;
  const acl = b.networkAcl(
    a.vpc,
    aclName,
    [
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 1024,
        toPort: 65535,
        cidrBlock: "0.0.0.0/0",
        action: "allow",
      },
    ],
    [
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrBlock: "0.0.0.0/0",
        action: "allow",
      },
    ],
  );
  b.setSubnet(a.subnet.id, { networkAclId: acl });
  const base = b.build("internet egress");
  return {
    base,
    query: { from: a.instance.name, to: "internet", protocol: "tcp", port: 443 },
    concepts: ["S1"],
    story: `${a.vpc.name} has internet gateway ${igw}.`,
    complaint: `${a.instance.name} must reach the internet on TCP 443 but cannot.`,
    nearMisses: [
      {
        text: `An inbound rule in ${a.instance.name}-sg allowing TCP 443 from 0.0.0.0/0`,
        fixText: `Add an inbound rule tcp/443 from 0.0.0.0/0 to security group ${a.instance.sgId}`,
        why: `Inbound rules admit connections opened to ${a.instance.name}; this one it opens itself, so its security group's outbound rules decide the request, and the reply is let back in by connection tracking whatever the inbound rules say (SG-01, SG-02).`,
        edit: addSecurityGroupInbound(a.instance.sgId, {
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "0.0.0.0/0",
        }),
      },
      {
        text: `An inbound rule in ${a.instance.name}-sg allowing TCP 1024-65535 from 0.0.0.0/0`,
        fixText: `Add an inbound rule tcp/1024-65535 from 0.0.0.0/0 to security group ${a.instance.sgId}`,
        why: `Security groups are stateful: the reply to ${possessive(a.instance.name)} own request is allowed back in regardless of its inbound rules, so opening the ephemeral ports changes nothing for this flow (SG-02).`,
        edit: addSecurityGroupInbound(a.instance.sgId, {
          protocol: "tcp",
          fromPort: 1024,
          toPort: 65535,
          cidrBlock: "0.0.0.0/0",
        }),
      },
      {
        text: capital(routeText(base, publicTable, "0.0.0.0/0", igw)),
        fixText: `Add a route 0.0.0.0/0 -> ${igw} to ${publicTable}`,
        why: `No subnet is associated with ${a.vpc.name}-edge, and ${a.subnet.name} uses its VPC's main route table: a route in another table never sees its traffic (RT-01).`,
        edit: addRoute(publicTable, "0.0.0.0/0", igw),
      },
      {
        text: `An inbound rule in ${aclName} allowing TCP 443`,
        fixText: `Add inbound rule 110 allow tcp/443 from 0.0.0.0/0 to network ACL ${acl}`,
        why: `The reply to ${possessive(a.instance.name)} request comes back to an ephemeral port, which inbound rule 100 already allows; an inbound rule for port 443 serves connections opened to the instance (ACL-02).`,
        edit: setNacl(acl, {
          inbound: [
            {
              ruleNumber: 100,
              protocol: "tcp",
              fromPort: 1024,
              toPort: 65535,
              cidrBlock: "0.0.0.0/0",
              action: "allow",
            },
            {
              ruleNumber: 110,
              protocol: "tcp",
              fromPort: 443,
              toPort: 443,
              cidrBlock: "0.0.0.0/0",
              action: "allow",
            },
          ],
        }),
      },
    ],
    pieces: [
      {
        text: capital(routeText(base, a.subnet.routeTableId, "0.0.0.0/0", igw)),
        remove: removeRoute(a.subnet.routeTableId, "0.0.0.0/0"),
        rules: ["IGW-01", "IGW-02"],
        fixIt: false,
      },
      {
        text: `A public IPv4 address (or Elastic IP) on ${a.instance.name}`,
        remove: (t) =>
          topologyWith(t, {
            instances: t.instances.map((i) => (i.id === a.instance.id ? withoutPublicIp(i) : i)),
          }),
        rules: ["IGW-01", "IGW-04"],
        fixIt: false,
      },
      {
        text: `An outbound rule in ${a.instance.name}-sg allowing TCP 443`,
        remove: (t) =>
          topologyWith(t, {
            securityGroups: t.securityGroups.map((g) =>
              g.id === a.instance.sgId ? securityGroupWith(g, { outbound: [] }) : g,
            ),
          }),
        rules: ["SG-03"],
      },
    ],
  };
}

function withoutPublicIp(i: T.Instance): T.Instance {
  const { publicIp: _dropped, ...rest } = i;
  return rest;
}

function q(estate: Estate, a: Site, c: Site): T.Query {
  return { from: a.instance.name, to: c.instance.name, protocol: "tcp", port: estate.port };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A working setup for this difficulty (used by fix-it too). */
/** A complete setup of one kind, for a family that weighs the kinds itself (fix-it's d1). */
export function drawSetupOfKind(rng: Rng, kind: "peering" | "internet"): Setup {
  return kind === "peering" ? peeringSetup(rng) : internetSetup(rng);
}

export function drawCompleteSetup(rng: Rng, difficulty: Difficulty): Setup {
  const make =
    difficulty === 1
      ? rng.pick([peeringSetup, internetSetup])
      : difficulty === 2
        ? rng.pick([peeringSetup, hubSetup, internetSetup])
        : rng.pick([hubSetup, peeringSetup]);
  return make(rng);
}

/**
 * Which piece the question leaves out, by difficulty (the levels differ in what the learner must
 * follow). d1: a piece the request needs (the flow fails on its way out, an empty security group included).
 * d2: any piece but the plain empty group, the reply path too. d3: a piece that has a decoy: the same route or
 * propagation is shown in place in the VPC's other route table or the TGW table no attachment uses, so the
 * learner must work out which table the flow actually consults (RT-01, TGW-04). The returned setup's base
 * carries the decoy.
 */
function drawMissing(
  rng: Rng,
  setup: Setup,
  difficulty: Difficulty,
): { readonly setup: Setup; readonly missingIndex: number } {
  const pool = piecesForDifficulty(setup.pieces, difficulty);
  const missing = pool[rng.int(0, pool.length - 1)] as Piece;
  const missingIndex = setup.pieces.indexOf(missing);
  if (difficulty !== 3) return { setup, missingIndex };
  return { setup: withDecoy(setup, missing), missingIndex };
}

/**
 * The pieces a question at this difficulty may leave out (see drawMissing; fix-it's d1 draws from the same
 * list). A setup without decoys (internet egress is never drawn at d3) falls back to the d2 choice.
 */
export function piecesForDifficulty(pieces: readonly Piece[], difficulty: Difficulty): Piece[] {
  const eligible = pieces.filter((p) =>
    difficulty === 1 ? p.reply !== true : difficulty === 2 ? p.plain !== true : p.decoy !== undefined,
  );
  return eligible.length > 0 ? eligible : pieces.filter((p) => p.plain !== true);
}

/** The setup with the piece's decoy shown in place (d3), or unchanged when the piece has none. */
export function withDecoy(setup: Setup, piece: Piece): Setup {
  return piece.decoy === undefined ? setup : { ...setup, base: piece.decoy(setup.base) };
}

export type MissingPieceCase = {
  readonly question: Question;
  readonly setup: Setup;
  readonly missingIndex: number;
  readonly shownTopology: T.Topology;
  /** The wrong options: near-misses proven (changed topology still blocked) on the shown topology. */
  readonly distractors: readonly ProvenNearMiss[];
};

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  return missingPieceCase(seed, difficulty, proofs).question;
}

/** The question plus its complete setup and which piece it removed, for checks. */
export function missingPieceCase(seed: number, difficulty: Difficulty, proofs?: ProofSink): MissingPieceCase {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  const drawn = drawCompleteSetup(rng, difficulty);
  const cache = new NetworkCache();
  const full = analyzeTopology(drawn.base, drawn.query, cache);
  if (!full.reachable)
    throw new Error(
      `${NAME} seed ${seed}: the complete setup is not reachable: ${full.blockers.map((x) => x.message).join(" ")}`,
    );
  const { setup, missingIndex } = drawMissing(rng, drawn, difficulty);
  const missing = setup.pieces[missingIndex] as Piece;
  const shownTopology = missing.remove(setup.base);
  const shown = analyzeTopology(shownTopology, setup.query, cache);
  if (shown.reachable)
    throw new Error(`${NAME} seed ${seed}: removing "${missing.text}" does not break the path`);
  const b = shown.blockers[0];
  const misses = provenNearMisses(
    rng,
    shownTopology,
    setup.query,
    setup.nearMisses,
    new Set([missing.text]),
    3,
    "piece",
    cache,
  );
  if (misses.length < 2)
    throw new Error(`${NAME} seed ${seed}: fewer than two near-miss changes leave the flow blocked`);
  const candidates = [
    {
      text: missing.text,
      correct: true,
      why: `Right: without it the ${b?.direction === "return" ? "reply" : "request"} is dropped (${b?.rules[0] ?? ""}).`,
      proof: `analyze(shown): blocked at ${b?.code ?? "?"}; analyze(complete setup): reachable`,
    },
    ...misses.map((miss) => ({
      text: miss.text,
      correct: false,
      why: miss.why,
      proof: `analyze(shown topology with this change): blocked at ${miss.blocker?.code ?? "?"}@${miss.blocker?.component ?? "?"}`,
    })),
  ];
  const complaint =
    setup.complaint ?? `${setup.query.from} cannot reach ${setup.query.to} on TCP ${setup.query.port ?? ""}.`;
  const stem = `${setup.story} ${complaint} Which single piece is missing?`;
  const question = buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: setup.concepts,
    stem,
    topology: shownTopology,
    query: setup.query,
    candidates,
    summary: [
      decidingSentence(shown.blockers[0]?.rules ?? [], shown.blockers[0]),
      `The ${shown.blockers[0]?.direction === "return" ? "reply" : "request"} is dropped at ${shown.blockers[0]?.component ?? ""}.`,
      shown.blockers[0] ? (uncoveredRouteSentence(shownTopology, shown.blockers[0]) ?? "") : "",
      `The one change that fixes it: ${lowerInitial(missing.text)}.`,
    ]
      .filter((x) => x !== "")
      .join(" "),
    trace: traceLines(shown),
    cache,
  });
  return { question, setup, missingIndex, shownTopology, distractors: misses };
}

/** Pieces of the case's setup that, removed alone, leave the flow reachable (should be none). */
export function piecesThatDoNotMatter(c: MissingPieceCase): string[] {
  return c.setup.pieces
    .filter(
      (piece, i) =>
        i !== c.missingIndex && analyzeTopology(piece.remove(c.setup.base), c.setup.query).reachable,
    )
    .map((p) => p.text);
}

export const missingPiece: Family = {
  name: NAME,
  title: "What is missing?",
  concepts: ["P4", "P7", "P11", "S1", "S2", "V6"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
