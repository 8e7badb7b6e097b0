// missing-piece: A cannot reach C; what is missing? Each setup lists the pieces a working path needs
// (routes on both sides, an accepted peering, TGW association and propagation, an IGW route, a public IP,
// an SG rule). The shown topology lacks exactly one; the model must confirm that the full setup works and
// that the shown one does not (so putting the absent piece back is what fixes it: the key). Every other
// option is a piece present in the shown topology by construction. That each of them matters (removed
// alone, it also breaks the path) is a property of the setup, not of the seed's key; missingPieceCase
// exposes the setup so scripts/check-generator.ts and the unit tests check it over many seeds.
import type * as T from "../../net/index";
import { NetworkCache } from "../../net/index";
import { decidingSentence } from "../rule-sentences";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { cidrText, publicIp } from "../names";
import type { Difficulty, Question } from "../question";
import { analyzeTopology, traceLines } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Estate, type Site } from "../reach-fixtures";
import { withField } from "../topology-builder";
import { createRng, type Rng } from "../rng";
import {
  removeRoute,
  setPeeringStatus,
  removeTgwAssociation,
  removeTgwPropagation,
  setSecurityGroupInbound,
  type Edit,
} from "../topology-edits";
import { lowerInitial } from "../lower-initial";

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
};
export type Setup = { base: T.Topology; query: T.Query; pieces: Piece[]; concepts: string[]; story: string };

function routeText(t: T.Topology, rtbId: string, destination: string, target: string): string {
  const rt = t.routeTables.find((r) => r.id === rtbId);
  return `a route ${destination} → ${target} in route table ${rt?.name ?? rtbId}`;
}

function peeringSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Site, Site];
  const pcx = peerSites(estate, a, c);
  const base = estate.builder.build("peering");
  const p = estate.port;
  return {
    base,
    query: q(estate, a, c),
    concepts: ["P4", "P7", "S2", "P11"],
    story: `${a.vpc.name} and ${c.vpc.name} are joined by peering ${pcx}.`,
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
      },
    ],
  };
}

function hubSetup(rng: Rng): Setup {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Site, Site];
  const hub = hubSites(estate, [a, c]);
  const base = estate.builder.build("transit gateway");
  const attA = hub.attachments.get(a) ?? "";
  const attC = hub.attachments.get(c) ?? "";
  const table = hub.table;
  return {
    base,
    query: q(estate, a, c),
    concepts: ["V6"],
    story: `${a.vpc.name} and ${c.vpc.name} are attached to transit gateway ${hub.tgwId}.`,
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
  const base = b.build("internet egress");
  return {
    base,
    query: { from: a.instance.name, to: "internet", protocol: "tcp", port: 443 },
    concepts: ["S1"],
    story: `${a.vpc.name} has internet gateway ${igw}; ${a.instance.name} must reach the internet on TCP 443.`,
    pieces: [
      {
        text: capital(routeText(base, a.subnet.routeTableId, "0.0.0.0/0", igw)),
        remove: removeRoute(a.subnet.routeTableId, "0.0.0.0/0"),
        rules: ["IGW-01", "IGW-02"],
        fixIt: false,
      },
      {
        text: `A public IPv4 address (or Elastic IP) on ${a.instance.name}`,
        remove: (t) => ({
          ...t,
          instances: t.instances.map((i) => (i.id === a.instance.id ? withoutPublicIp(i) : i)),
        }),
        rules: ["IGW-01", "IGW-04"],
        fixIt: false,
      },
      {
        text: `An outbound rule in ${a.instance.name}-sg allowing TCP 443`,
        remove: (t) => ({
          ...t,
          securityGroups: t.securityGroups.map((g) =>
            g.id === a.instance.sgId ? withField(g, { outbound: [] }) : g,
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
};

function generate(seed: number, difficulty: Difficulty): Question {
  return missingPieceCase(seed, difficulty).question;
}

/** The question plus its complete setup and which piece it removed, for checks. */
export function missingPieceCase(seed: number, difficulty: Difficulty): MissingPieceCase {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const setup = drawCompleteSetup(rng, difficulty);
  const cache = new NetworkCache();
  const full = analyzeTopology(setup.base, setup.query, cache);
  if (!full.reachable)
    throw new Error(
      `${NAME} seed ${seed}: the complete setup is not reachable: ${full.blockers.map((x) => x.message).join(" ")}`,
    );
  const missingIndex = rng.int(0, setup.pieces.length - 1);
  const missing = setup.pieces[missingIndex] as Piece;
  const shownTopology = missing.remove(setup.base);
  const shown = analyzeTopology(shownTopology, setup.query, cache);
  if (shown.reachable)
    throw new Error(`${NAME} seed ${seed}: removing "${missing.text}" does not break the path`);
  const candidates = setup.pieces.map((piece, i) => {
    const b = shown.blockers[0];
    if (i === missingIndex)
      return {
        text: piece.text,
        correct: true,
        why: `Right: without it the ${b?.direction === "return" ? "reply" : "request"} is dropped (${b?.rules[0] ?? ""}).`,
        proof: `analyze(shown): blocked at ${b?.code ?? "?"}; analyze(complete setup): reachable`,
      };
    // The piece is present in the shown topology (only the missing one was removed).
    return {
      text: piece.text,
      correct: false,
      why: `Already in the shown setup: ${piece.text.charAt(0).toLowerCase()}${piece.text.slice(1)}; the flow passes that step.`,
      proof:
        "present in the shown topology (only the keyed piece was removed); removing it from the complete setup blocks the flow (piecesThatDoNotMatter)",
    };
  });
  const stem = `${setup.story} ${setup.query.from} cannot reach ${setup.query.to} on TCP ${setup.query.port ?? ""}. Which single piece is missing?`;
  const question = buildQuestion(rng, {
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
    rules: [...missing.rules, ...shown.blockers.flatMap((x) => x.rules)],
    trace: traceLines(shown),
  });
  return { question, setup, missingIndex };
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
