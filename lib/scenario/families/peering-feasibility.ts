// peering-feasibility: can these two VPCs be peered? Overlapping primary or secondary CIDRs (checked with
// lib/net's CIDR model, rule PCX-03), an existing peering between the pair (PCX-04), and the
// distractors "different Region/account" (PCX-01) and "route only the non-overlapping block" (PCX-03).
import { cidrsOverlap, parseCidr, type Cidr as NetCidr, type Topology } from "../../net/index";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import {
  accountId,
  carveVpcCidrs,
  cidrText,
  distinctNames,
  overlappingCidr,
  region,
  REGIONS,
  VPC_NAMES,
  type Cidr,
} from "../names";
import type { Candidate } from "../options";
import type { Difficulty, Question } from "../question";
import { createRng, type Rng } from "../rng";
import { TopologyBuilder, type VpcHandle } from "../topology-builder";

const NAME = "peering-feasibility";
const LIVE_STATES = new Set(["initiating-request", "pending-acceptance", "provisioning", "active"]);

type Case = "clean" | "primary-overlap" | "secondary-overlap" | "duplicate";

type Setup = { topology: Topology; x: VpcHandle; y: VpcHandle; crossRegion: boolean; crossAccount: boolean };

function buildSetup(rng: Rng, kind: Case, difficulty: Difficulty): Setup {
  const home = region(rng);
  const other = rng.pick(REGIONS.filter((r) => r.code !== home.code));
  const crossRegion = difficulty >= 2 && rng.chance(1, 2);
  const crossAccount = rng.chance(1, 2);
  const builder = new TopologyBuilder(rng, home.code);
  const [nameX, nameY] = distinctNames(rng, VPC_NAMES, 2) as [string, string];
  const blocks = carveVpcCidrs(rng, [
    rng.pick([16, 18, 20]),
    rng.pick([16, 18, 20]),
    rng.pick([20, 22, 24]),
    rng.pick([20, 22, 24]),
  ]);
  const [px, py, sx, sy] = blocks as [Cidr, Cidr, Cidr, Cidr];
  let primaryY = py;
  if (kind === "primary-overlap")
    primaryY = overlappingCidr(rng, px, rng.pick([px.prefix, Math.min(24, px.prefix + 2)]));
  const owner = accountId(rng);
  const x = builder.vpc({ name: nameX, cidr: px, region: home.code, accountId: owner, azs: home.azs });
  const yRegion = crossRegion ? other : home;
  const y = builder.vpc({
    name: nameY,
    cidr: primaryY,
    region: yRegion.code,
    accountId: crossAccount ? accountId(rng) : owner,
    azs: yRegion.azs,
  });
  // Secondary CIDRs (rule VPC-01) appear from difficulty 2 on; the overlap case hides the clash there.
  if (difficulty >= 2 || kind === "secondary-overlap") {
    builder.addVpcCidr(x.id, cidrText(sx));
    builder.addVpcCidr(
      y.id,
      cidrText(kind === "secondary-overlap" ? overlappingCidr(rng, rng.pick([px, sx]), 24) : sy),
    );
  }
  if (kind === "duplicate") builder.peering(x, y, rng.pick(["active", "pending-acceptance"] as const));
  return { topology: builder.build("peering feasibility"), x, y, crossRegion, crossAccount };
}

type Clash = { a: string; b: string };

function toCidr(text: string): NetCidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`generated an invalid CIDR ${text}: ${parsed.message}`);
  return parsed.value;
}

/** Every overlapping pair of CIDRs between the two VPCs, per lib/net's CIDR model. */
function overlaps(t: Topology, xId: string, yId: string): Clash[] {
  const vx = t.vpcs.find((v) => v.id === xId);
  const vy = t.vpcs.find((v) => v.id === yId);
  if (!vx || !vy) return [];
  const out: Clash[] = [];
  for (const a of [...vx.cidrBlocks, ...vx.ipv6CidrBlocks]) {
    for (const b of [...vy.cidrBlocks, ...vy.ipv6CidrBlocks])
      if (cidrsOverlap(toCidr(a), toCidr(b))) out.push({ a, b });
  }
  return out;
}

function existingPeering(t: Topology, xId: string, yId: string): string | undefined {
  return t.peeringConnections.find(
    (p) =>
      LIVE_STATES.has(p.status) &&
      ((p.requesterVpcId === xId && p.accepterVpcId === yId) ||
        (p.requesterVpcId === yId && p.accepterVpcId === xId)),
  )?.id;
}

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  // About one key in four is "Yes" (the chance of a four-option question): check-generator's "always Yes" cue.
  const kinds: Case[] =
    difficulty === 1
      ? ["clean", "primary-overlap", "duplicate"]
      : ["clean", "primary-overlap", "secondary-overlap", "duplicate"];
  const setup = buildSetup(rng, rng.pick(kinds), difficulty);
  const { topology: t, x, y } = setup;
  const clashes = overlaps(t, x.id, y.id);
  const duplicate = existingPeering(t, x.id, y.id);
  const vx = t.vpcs.find((v) => v.id === x.id);
  const vy = t.vpcs.find((v) => v.id === y.id);
  if (!vx || !vy) throw new Error("vpc missing");
  const feasible = clashes.length === 0 && duplicate === undefined;
  // The setups never combine an overlap with an existing peering, so exactly one reason holds.
  if (clashes.length > 0 && duplicate !== undefined)
    throw new Error(`${NAME} seed ${seed}: overlap and duplicate together`);

  const clash = clashes[0];
  const overlapWhy = clash
    ? `${clash.a} (${x.name}) overlaps ${clash.b} (${y.name}); one overlapping IPv4 block, primary or secondary, rules peering out (PCX-03).`
    : "";
  const candidates: Candidate[] = [];
  candidates.push({
    text: "Yes: no CIDR block of one VPC overlaps the other's and no peering joins them yet",
    correct: feasible,
    why: feasible
      ? "No block overlaps (PCX-03) and no live peering joins the pair (PCX-04)."
      : clash
        ? "Wrong: an overlapping block rules the peering out, whatever is routed over it (PCX-03)."
        : `Peering ${duplicate ?? ""} already joins them; only one may exist (PCX-04).`,
    proof: `cidrsOverlap over all blocks: ${clashes.length} clash(es); live peering between the pair: ${duplicate ?? "none"}`,
  });
  // A "No: X overlaps Y" option: the real clash, or a plausible false one between two non-overlapping blocks.
  const falsePair = { a: vx.cidrBlocks[vx.cidrBlocks.length - 1] ?? "", b: vy.cidrBlocks[0] ?? "" };
  const shownPair = clash ?? falsePair;
  const pairTrue = clash !== undefined;
  candidates.push({
    text: `No: ${shownPair.a} of ${x.name} overlaps ${shownPair.b} of ${y.name}`,
    correct: pairTrue,
    why: pairTrue
      ? overlapWhy
      : `${shownPair.a} and ${shownPair.b} do not overlap: their address ranges are disjoint (PCX-03).`,
    proof: `cidrsOverlap(${shownPair.a}, ${shownPair.b}) = ${String(pairTrue)}`,
  });
  candidates.push({
    text:
      duplicate !== undefined
        ? "No: a peering connection already joins these two VPCs"
        : "No: only one peering per VPC is allowed and one already exists elsewhere",
    correct: duplicate !== undefined && !pairTrue,
    why:
      duplicate !== undefined
        ? `Peering ${duplicate} already joins them (status ${t.peeringConnections.find((p) => p.id === duplicate)?.status ?? "?"}); at most one between the same two VPCs (PCX-04).`
        : "A VPC can have many peerings (up to 50 active by default); the one-peering limit is per pair of VPCs (PCX-04, PCX-17).",
    proof: `live peering between the pair: ${duplicate ?? "none"}; overlap: ${String(pairTrue)}`,
  });
  if (pairTrue) {
    candidates.push({
      text: "Yes, as long as only the non-overlapping blocks are routed over the peering",
      correct: false,
      why: "Any overlapping IPv4 block makes peering impossible, even if you only route the others (PCX-03).",
      proof: `cidrsOverlap: ${clashes.length} clash(es), so no peering (PCX-03)`,
    });
  } else {
    const text = setup.crossRegion
      ? "No: VPCs in different Regions cannot be peered"
      : setup.crossAccount
        ? "No: VPCs owned by different accounts cannot be peered"
        : "No: the VPCs must first be attached to a common transit gateway";
    const why =
      setup.crossRegion || setup.crossAccount
        ? "Peering works across accounts and across Regions (PCX-01)."
        : "Peering is a direct one-to-one link; it needs no transit gateway (PCX-01).";
    candidates.push({
      text,
      correct: false,
      why,
      proof: "no clash and no duplicate, so the stated obstacle is not what decides (PCX-01)",
    });
  }

  const stem =
    `${x.name} (${vx.region}, account ${vx.accountId}) has ${vx.cidrBlocks.join(" and ")}; ${y.name} (${vy.region}, account ${vy.accountId}) has ${vy.cidrBlocks.join(" and ")}.` +
    (duplicate !== undefined
      ? ` Peering ${duplicate} between them is ${t.peeringConnections.find((p) => p.id === duplicate)?.status ?? ""}.`
      : "") +
    ` Can a new VPC peering connection between ${x.name} and ${y.name} be created and used?`;
  const concepts = [
    "P2",
    ...(duplicate !== undefined ? ["P10"] : []),
    ...(setup.crossRegion || setup.crossAccount ? ["P5"] : []),
  ];
  return buildQuestion(rng, {
    family: NAME,
    seed,
    difficulty,
    concepts,
    stem,
    topology: t,
    candidates,
    summary: feasible
      ? "The blocks are disjoint and no peering joins the pair yet, so the peering can be created."
      : clash
        ? overlapWhy
        : (candidates[2]?.why ?? ""),
    rules: ["PCX-03", "PCX-04", "PCX-01"],
  });
}

export const peeringFeasibility: Family = {
  name: NAME,
  title: "Can these VPCs be peered?",
  concepts: ["P2", "P5", "P10"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
