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
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { cidrText, publicIp } from "../names";
import type { Difficulty, Question } from "../question";
import { analyzeTopology, traceLines } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Estate, type Site } from "../reach-fixtures";
import { securityGroupWith, topologyWith, type SubnetHandle } from "../topology-builder";
import { forkedRng, type Rng } from "../rng";
import {
  removeRoute,
  setPeeringStatus,
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
 * Near-misses for a flow from site a to site c on TCP `port` over `via` (a peering or TGW id): the right port
 * on the wrong side or from the wrong source, the right target for the wrong CIDR or in the wrong table.
 */
function pairNearMisses(
  base: T.Topology,
  a: Site,
  c: Site,
  port: number,
  via: string,
  spare: { readonly c: SubnetHandle },
): NearMiss[] {
  const aCidr = cidrText(a.vpc.cidr);
  const cCidr = cidrText(c.vpc.cidr);
  const tcp = { protocol: "tcp" as const, fromPort: port, toPort: port };
  return [
    {
      text: `An outbound rule in ${c.instance.name}-sg allowing TCP ${port} to ${aCidr}`,
      fixText: `Add an outbound rule tcp/${port} to ${aCidr} to security group ${c.instance.sgId}`,
      why: `Outbound rules on ${c.instance.name} do not admit a request coming in to it, and security groups are stateful: the reply to an allowed request leaves whatever the outbound rules say (SG-02).`,
      edit: addSecurityGroupOutbound(c.instance.sgId, { ...tcp, cidrBlock: aCidr }),
    },
    {
      text: `An inbound rule in ${c.instance.name}-sg allowing TCP ${port} from ${cCidr}`,
      fixText: `Add an inbound rule tcp/${port} from ${cCidr} to security group ${c.instance.sgId}`,
      why: `${cCidr} is ${possessive(c.vpc.name)} own range; the request comes from ${a.instance.name} (${a.instance.ip}) in ${aCidr}, which this rule does not name (SG-05).`,
      edit: addSecurityGroupInbound(c.instance.sgId, { ...tcp, cidrBlock: cCidr }),
    },
    // When the client's group already lists that rule, it would be dismissed by reading the exhibit: the right
    // rule from the wrong subnet takes its place (one entry either way, so the seed's draws stay the same).
    hasInboundRule(base, a.instance.sgId, port, cCidr)
      ? wrongSubnetNearMiss(a, c, port, spare)
      : {
          text: `An inbound rule in ${a.instance.name}-sg allowing TCP ${port} from ${cCidr}`,
          fixText: `Add an inbound rule tcp/${port} from ${cCidr} to security group ${a.instance.sgId}`,
          why: `Inbound rules on ${a.instance.name}, the client, admit connections opened to it; the reply to its own request comes back through connection tracking, so this rule changes nothing for the flow (SG-02).`,
          edit: addSecurityGroupInbound(a.instance.sgId, { ...tcp, cidrBlock: cCidr }),
        },
    {
      text: capital(routeText(base, a.subnet.routeTableId, cidrText(spare.c.cidr), via)),
      fixText: `Add a route ${cidrText(spare.c.cidr)} -> ${via} to ${a.subnet.routeTableId}`,
      why: `${cidrText(spare.c.cidr)} does not contain ${c.instance.ip} (which is in ${cidrText(c.subnet.cidr)}): a route is used only for destinations inside its prefix (RT-04).`,
      edit: addRoute(a.subnet.routeTableId, cidrText(spare.c.cidr), via),
    },
  ];
}

function hasInboundRule(t: T.Topology, sgId: string, port: number, cidr: string): boolean {
  const sg = t.securityGroups.find((g) => g.id === sgId);
  return (sg?.inbound ?? []).some(
    (r) => r.protocol === "tcp" && r.fromPort === port && r.toPort === port && r.cidrBlock === cidr,
  );
}

/**
 * The destination's group opened on the right port from the destination VPC's other subnet: the right rule in
 * the right group, but for a source the request does not come from.
 */
function wrongSubnetNearMiss(a: Site, c: Site, port: number, spare: { readonly c: SubnetHandle }): NearMiss {
  const from = cidrText(spare.c.cidr);
  return {
    text: `An inbound rule in ${c.instance.name}-sg allowing TCP ${port} from ${from}`,
    fixText: `Add an inbound rule tcp/${port} from ${from} to security group ${c.instance.sgId}`,
    why: `${from} is a subnet of ${c.vpc.name}; the request comes from ${a.instance.name} (${a.instance.ip}) in ${cidrText(a.vpc.cidr)}, which this rule does not name (SG-05).`,
    edit: addSecurityGroupInbound(c.instance.sgId, {
      protocol: "tcp",
      fromPort: port,
      toPort: port,
      cidrBlock: from,
    }),
  };
}

/**
 * A second, instance-less subnet in the destination's VPC (shown in the exhibit's subnet table): its CIDR is the tempting
 * wrong prefix for a route, a range of the right VPC that does not hold the instance (RT-04).
 */
function spareSubnets(estate: Estate, c: Site): { c: SubnetHandle } {
  return { c: estate.builder.subnet(c.vpc, { role: "data", prefix: c.subnet.cidr.prefix }) };
}

function peeringSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Site, Site];
  const pcx = peerSites(estate, a, c);
  const spare = spareSubnets(estate, c);
  const base = estate.builder.build("peering");
  const p = estate.port;
  return {
    base,
    query: q(estate, a, c),
    concepts: ["P4", "P7", "S2", "P11"],
    // Not "joined": when the missing piece is the acceptance, the peering joins nothing yet (exam7 MINOR 3).
    story: `${a.vpc.name} requested peering ${pcx} with ${c.vpc.name}.`,
    nearMisses: pairNearMisses(base, a, c, p, pcx, spare),
    pieces: [
      {
        text: capital(routeText(base, a.subnet.routeTableId, cidrText(c.vpc.cidr), pcx)),
        remove: removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr)),
        rules: ["PCX-08"],
      },
      {
        text: capital(routeText(base, c.subnet.routeTableId, cidrText(a.vpc.cidr), pcx)),
        remove: removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr)),
        rules: ["PCX-08"],
      },
      {
        text: `Acceptance of peering ${pcx} by the ${c.vpc.name} owner`,
        remove: setPeeringStatus(pcx, "pending-acceptance"),
        rules: ["PCX-05", "PCX-07"],
      },
      {
        text: `An inbound rule in ${c.instance.name}-sg allowing TCP ${p} from ${cidrText(a.vpc.cidr)}`,
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
  const spare = spareSubnets(estate, c);
  const base = estate.builder.build("transit gateway");
  const attA = hub.attachments.get(a) ?? "";
  const attC = hub.attachments.get(c) ?? "";
  const table = hub.table;
  return {
    base,
    query: q(estate, a, c),
    concepts: ["V6"],
    story: `${a.vpc.name} and ${c.vpc.name} are attached to transit gateway ${hub.tgwId}.`,
    nearMisses: [
      ...pairNearMisses(base, a, c, estate.port, hub.tgwId, spare),
      {
        text: `A static route ${cidrText(c.vpc.cidr)} → ${attA} (${a.vpc.name}) in TGW route table ${table.name}`,
        fixText: `Add a static route ${cidrText(c.vpc.cidr)} -> ${attA} to transit gateway route table ${table.id}`,
        why: `It sends traffic for ${cidrText(c.vpc.cidr)} back to ${possessive(a.vpc.name)} attachment, not to ${possessive(c.vpc.name)}; being static, it would win even if a propagated route for that prefix exists (TGW-07).`,
        edit: addTgwRoute(table.id, cidrText(c.vpc.cidr), attA),
      },
    ],
    pieces: [
      {
        text: `Propagation of attachment ${attC} (${c.vpc.name}) into TGW route table ${table.name}`,
        remove: removeTgwPropagation(table.id, attC),
        rules: ["TGW-05"],
      },
      {
        text: `Association of attachment ${attA} (${a.vpc.name}) with TGW route table ${table.name}`,
        remove: removeTgwAssociation(table.id, attA),
        rules: ["TGW-04"],
      },
      {
        text: capital(routeText(base, a.subnet.routeTableId, cidrText(c.vpc.cidr), hub.tgwId)),
        remove: removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr)),
        rules: ["TGW-06"],
      },
      {
        text: capital(routeText(base, c.subnet.routeTableId, cidrText(a.vpc.cidr), hub.tgwId)),
        remove: removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr)),
        rules: ["TGW-06"],
      },
    ],
  };
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
        why: `Inbound rules admit connections opened to ${a.instance.name}; a connection it opens leaves only if an outbound rule allows it (SG-01, SG-03).`,
        edit: addSecurityGroupInbound(a.instance.sgId, {
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "0.0.0.0/0",
        }),
      },
      {
        text: `An outbound rule in ${a.instance.name}-sg allowing TCP 443 to ${cidrText(a.vpc.cidr)}`,
        fixText: `Add an outbound rule tcp/443 to ${cidrText(a.vpc.cidr)} to security group ${a.instance.sgId}`,
        why: `It allows TCP 443 only to ${possessive(a.vpc.name)} own range ${cidrText(a.vpc.cidr)}; internet addresses are outside it (SG-05).`,
        edit: addSecurityGroupOutbound(a.instance.sgId, {
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: cidrText(a.vpc.cidr),
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
export function drawCompleteSetup(rng: Rng, difficulty: Difficulty): Setup {
  const make =
    difficulty === 1
      ? rng.pick([peeringSetup, internetSetup])
      : difficulty === 2
        ? rng.pick([peeringSetup, hubSetup, internetSetup])
        : rng.pick([hubSetup, peeringSetup]);
  return make(rng);
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
  const setup = drawCompleteSetup(rng, difficulty);
  const cache = new NetworkCache();
  const full = analyzeTopology(setup.base, setup.query, cache);
  if (!full.reachable)
    throw new Error(
      `${NAME} seed ${seed}: the complete setup is not reachable: ${full.blockers.map((x) => x.message).join(" ")}`,
    );
  // exam7 MINOR 2: an empty security group is a d1 fault; at d3 the missing piece is one that takes reading.
  const eligible = setup.pieces.filter((p) => difficulty !== 3 || p.plain !== true);
  const missingIndex = setup.pieces.indexOf(eligible[rng.int(0, eligible.length - 1)] as Piece);
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
      decidingSentence(shown.blockers[0]?.rules ?? []),
      `The ${shown.blockers[0]?.direction === "return" ? "reply" : "request"} is dropped at ${shown.blockers[0]?.component ?? ""}.`,
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
