// can-a-reach-c: peering chains and meshes, transit gateway hubs, mixed. Yes/no plus "why" options; the
// key and every option come from the model's analysis of the shown variant and its nearby variants.
import { cidrText } from "../names";
import type { Family } from "../family";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, type Variant } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Estate } from "../reach-fixtures";
import { createRng, type Rng } from "../rng";
import { addRoute, removeRoute, setPeeringStatus, removeTgwAssociation, removeTgwPropagation, setSecurityGroupInbound } from "../topology-edits";
import type { Query } from "../../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../../net/flow-logs";

const NAME = "can-a-reach-c";

type Scenario = { readonly estate: Estate; readonly query: Query; readonly variants: Variant[]; readonly concepts: string[]; readonly shape: string };

function queryOf(estate: Estate, from: number, to: number): Query {
  const a = estate.sites[from];
  const c = estate.sites[to];
  if (!a || !c) throw new Error("site index out of range");
  return { from: a.instance.name, to: c.instance.name, protocol: "tcp", port: estate.port };
}

/** A and C peered directly; faults: a missing route on either side, C's SG closed. */
function directPeering(rng: Rng, opts: { crossRegion?: boolean; crossAccount?: boolean } = {}): Scenario {
  const estate = buildEstate(rng, 2, opts);
  const [a, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0]];
  const pcx = peerSites(estate, a, c);
  const base = estate.builder.build("direct peering");
  return {
    estate, query: queryOf(estate, 0, 1), shape: "direct peering",
    concepts: ["P1", "P4", "P7", "P11", "S2", ...(opts.crossRegion === true || opts.crossAccount === true ? ["P5"] : [])],
    variants: [
      { topology: base, works: true },
      { topology: removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base) },
      { topology: removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(base) },
      { topology: setSecurityGroupInbound(c.instance.sgId, [])(base) },
      { topology: setPeeringStatus(pcx, "pending-acceptance")(base) },
      // rule PCX-06: an unanswered request expires after 7 days.
      { topology: setPeeringStatus(pcx, "pending-acceptance", DEFAULT_FLOW_LOG_NOW - (7 + rng.int(1, 20)) * 86400)(base) },
    ],
  };
}

/** A–B–C chain: A cannot reach C through B (rule PCX-02); the nearby variant adds an A–C peering. */
function peeringChain(rng: Rng): Scenario {
  const estate = buildEstate(rng, 3);
  const [a, b, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0], Estate["sites"][0]];
  peerSites(estate, a, b);
  peerSites(estate, b, c);
  const chain = estate.builder.build("peering chain");
  // The tempting mistake: route A's traffic for C at the A–B peering. Still no (not transitive).
  const abPcx = chain.peeringConnections[0]?.id ?? "";
  const viaB = addRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr), abPcx)(chain);
  const pcxAc = estate.builder.peering(a.vpc, c.vpc, "active");
  estate.builder.route(a.subnet.routeTableId, cidrText(c.vpc.cidr), pcxAc);
  estate.builder.route(c.subnet.routeTableId, cidrText(a.vpc.cidr), pcxAc);
  const mesh = estate.builder.build("peering mesh");
  return {
    estate, query: queryOf(estate, 0, 2), shape: "peering chain", concepts: ["P3", "P4"],
    variants: [
      { topology: chain },
      { topology: viaB },
      { topology: mesh, works: true },
      { topology: removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(mesh) },
      { topology: setPeeringStatus(pcxAc, "pending-acceptance")(mesh) },
    ],
  };
}

/** A, B, C on one transit gateway table (rule TGW-02); faults: association, propagation, VPC routes. */
function transitHub(rng: Rng): Scenario {
  const estate = buildEstate(rng, 3);
  const [a, , c] = estate.sites as [Estate["sites"][0], Estate["sites"][0], Estate["sites"][0]];
  const hub = hubSites(estate, estate.sites);
  const base = estate.builder.build("transit gateway hub");
  const attachA = hub.attachments.get(a) ?? "";
  const attachC = hub.attachments.get(c) ?? "";
  return {
    estate, query: queryOf(estate, 0, 2), shape: "transit gateway hub", concepts: ["V6"],
    variants: [
      { topology: base, works: true },
      { topology: removeTgwPropagation(hub.table.id, attachC)(base) },
      { topology: removeTgwAssociation(hub.table.id, attachA)(base) },
      { topology: removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base) },
      { topology: removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(base) },
    ],
  };
}

/** A peered with B; B and C on a transit gateway: A cannot use B's attachment (rule PCX-10). */
function mixed(rng: Rng): Scenario {
  const estate = buildEstate(rng, 3);
  const [a, b, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0], Estate["sites"][0]];
  const abPcx = peerSites(estate, a, b);
  const hub = hubSites(estate, [b, c]);
  const base = estate.builder.build("peering plus transit gateway");
  const viaB = addRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr), abPcx)(base);
  const attachA = estate.builder.tgwVpcAttachment(hub.tgwId, a.vpc, [a.subnet.id]);
  estate.builder.tgwAssociateAndPropagate(hub.table.id, attachA);
  estate.builder.route(a.subnet.routeTableId, cidrText(c.vpc.cidr), hub.tgwId);
  estate.builder.route(c.subnet.routeTableId, cidrText(a.vpc.cidr), hub.tgwId);
  const attached = estate.builder.build("all on the transit gateway");
  return {
    estate, query: queryOf(estate, 0, 2), shape: "peering plus transit gateway", concepts: ["P3", "V6"],
    variants: [
      { topology: base },
      { topology: viaB },
      { topology: attached, works: true },
      { topology: removeTgwPropagation(hub.table.id, attachA)(attached) },
    ],
  };
}

function drawScenario(rng: Rng, difficulty: Difficulty): Scenario {
  if (difficulty === 1) return rng.pick([directPeering, peeringChain])(rng);
  if (difficulty === 2) return rng.pick([transitHub, peeringChain, directPeering])(rng);
  return rng.pick([mixed, transitHub, (r: Rng) => directPeering(r, { crossRegion: r.chance(1, 2), crossAccount: true })])(rng);
}

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const scenario = drawScenario(rng, difficulty);
  const { estate, query } = scenario;
  const from = estate.sites.find((s) => s.instance.name === query.from);
  const to = estate.sites.find((s) => s.instance.name === query.to);
  const stem =
    `Can ${from?.instance.name ?? query.from} (${from?.instance.ip ?? ""}) in VPC ${from?.vpc.name ?? ""} open a ` +
    `${estate.portName} connection (TCP ${estate.port}) to ${to?.instance.name ?? query.to} (${to?.instance.ip ?? ""}) in VPC ${to?.vpc.name ?? ""}? The setup:`;
  return buildReachQuestion(rng, {
    family: NAME, seed, difficulty, concepts: scenario.concepts, stem, query,
    variants: scenario.variants, describe: true,
  });
}

export const canAReachC: Family = {
  name: NAME,
  title: "Can A reach C?",
  concepts: ["P1", "P3", "P4", "P5", "P7", "P11", "S2", "V6"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
