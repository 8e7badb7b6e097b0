// peering-feasibility: can these two VPCs be peered? Overlapping primary or secondary CIDRs (checked with
// lib/net's CIDR model, rule PCX-03), an existing peering between the pair (PCX-04), and the
// distractors "different Region/account" (PCX-01) and "route only the non-overlapping block" (PCX-03).
import { cidrsOverlap, parseCidr, type Cidr as NetCidr, type Topology } from "../../net/index";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import {
  accountId,
  carveVpcCidrs,
  cidrSize,
  cidrText,
  distinctNames,
  ipToInt,
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
import type { ProofSink } from "../proofs";
import { nearbyDisjointCidr, sharedLeadingBits } from "../near-cidr";

const NAME = "peering-feasibility";
const LIVE_STATES = new Set(["initiating-request", "pending-acceptance", "provisioning", "active"]);

type Case = "clean" | "primary-overlap" | "secondary-overlap" | "duplicate";

type Setup = { topology: Topology; x: VpcHandle; y: VpcHandle; crossRegion: boolean; crossAccount: boolean };

function buildSetup(rng: Rng, kind: Case, difficulty: Difficulty, near: Rng): Setup {
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
  // Without an overlap to find, the second VPC's range sits right next to the first's, so the "X overlaps Y"
  // distractor is a near miss to check, not 192.168.x against 10.x. Drawn from its own stream: the rest of the
  // setup (and the key) is what the seed always drew.
  // A /16 cannot sit next to a block in 192.168.0.0/16: the next prefix lengths are tried in turn.
  const avoid = difficulty >= 2 || kind !== "clean" ? [sx, sy] : [];
  let primaryY = py;
  if (kind === "clean" || kind === "duplicate")
    for (const prefix of [py.prefix, Math.max(py.prefix, px.prefix), 20, 22, 24]) {
      const nearby = nearbyDisjointCidr(near, px, prefix, avoid);
      if (nearby === undefined) continue;
      primaryY = nearby;
      break;
    }
  // At difficulty 3 an overlap is never two equal blocks: a smaller block inside the other, off its first address,
  // so finding it takes the CIDR arithmetic (10.131.64.0/18 against 10.131.100.0/22), not a glance.
  if (kind === "primary-overlap")
    primaryY =
      difficulty === 3
        ? partialOverlap(rng, px, px.prefix + rng.pick([2, 4]))
        : overlappingCidr(rng, px, rng.pick([px.prefix, Math.min(24, px.prefix + 2)]));
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
      cidrText(kind === "secondary-overlap" ? secondaryOverlap(rng, difficulty, px, sx) : sy),
    );
  }
  // The existing peering is active: AWS documents one peering connection between the same two VPCs at a time
  // (PCX-04), but not whether a request still pending acceptance already counts, so no key rests on that. The
  // state is still drawn (the seed's later draws do not move).
  if (kind === "duplicate") {
    rng.pick(["active", "pending-acceptance"] as const);
    builder.peering(x, y, "active");
  }
  return { topology: builder.build("peering feasibility"), x, y, crossRegion, crossAccount };
}

/**
 * A block of `prefix` (longer than other's) inside `other` but not at its first address: the two overlap, and
 * neither their texts nor their network addresses are equal.
 */
function partialOverlap(rng: Rng, other: Cidr, prefix: number): Cidr {
  const size = cidrSize(prefix);
  const slots = cidrSize(other.prefix) / size;
  return { base: other.base + rng.int(1, slots - 1) * size, prefix };
}

/**
 * The second VPC's secondary block that overlaps a block of the first: a /24 in either of its blocks, and at
 * difficulty 3 a block two to four bits longer inside one of them (never the same block, never at its first address).
 */
function secondaryOverlap(rng: Rng, difficulty: Difficulty, px: Cidr, sx: Cidr): Cidr {
  if (difficulty < 3) return overlappingCidr(rng, rng.pick([px, sx]), 24);
  const inside = rng.pick([px, sx].filter((c) => c.prefix <= 22));
  return partialOverlap(rng, inside, Math.min(24, inside.prefix + rng.pick([2, 4])));
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

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  // About one key in four is "Yes" (the chance of a four-option question): check-generator's "always Yes" cue.
  const kinds: Case[] =
    difficulty === 1
      ? ["clean", "primary-overlap", "duplicate"]
      : ["clean", "primary-overlap", "secondary-overlap", "duplicate"];
  const setup = buildSetup(
    rng,
    rng.pick(kinds),
    difficulty,
    createRng(seed).fork(`${NAME}/${difficulty}/near`),
  );
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
  // The deciding rule in one sentence, where the request fails, and the one change that would let it through.
  const rule =
    "AWS refuses a peering between two VPCs when any CIDR block of one overlaps any block of the other, primary or secondary, IPv4 or IPv6, even if only the non-overlapping blocks would be routed (PCX-03).";
  const secondaryClash = clash
    ? clash.b !== vy.cidrBlocks[0]
      ? { vpc: y.name, block: clash.b }
      : clash.a !== vx.cidrBlocks[0]
        ? { vpc: x.name, block: clash.a }
        : undefined
    : undefined;
  const overlapFix = secondaryClash
    ? `Fix: disassociate the secondary block ${secondaryClash.block} from ${secondaryClash.vpc} (or re-address what uses it), then request the peering again.`
    : "Fix: a VPC's primary block cannot be changed, so one of the two VPCs has to be re-created with a range disjoint from the other's.";
  const overlapWhy = clash
    ? `${rule} Here ${clash.a} of ${x.name} overlaps ${clash.b} of ${y.name}, so the peering request fails as soon as it is made. ${overlapFix}`
    : "";
  const duplicateWhy =
    duplicate !== undefined
      ? `AWS allows only one VPC peering connection between the same two VPCs at a time (PCX-04); ${duplicate} between ${x.name} and ${y.name} is already active, so AWS will not create a second, usable one. Fix: use ${duplicate}: add routes to it in both VPCs instead of requesting a new one.`
      : "";
  const feasibleWhy =
    `Nothing rules this peering out. AWS refuses a new peering when a block of one VPC overlaps a block of the other (PCX-03) or a peering connection between the pair already exists (PCX-04), and it counts active and pending peerings against quotas (PCX-17); ` +
    `here every block of ${x.name} (${vx.cidrBlocks.join(", ")}) is disjoint from every block of ${y.name} (${vy.cidrBlocks.join(", ")}) and no peering connection exists between them, so the request can be created and, once accepted, used with a route to it in each VPC (PCX-08).`;
  const candidates: Candidate[] = [];
  // Beside a connection the stem shows, "Yes: … no peering connection exists yet" would contradict the stem: the
  // "Yes" is then the misreading that the existing connection leaves room for another.
  const yesText =
    duplicate === undefined
      ? "Yes: no CIDR block of one VPC overlaps the other's and no peering connection exists between them yet"
      : "Yes: a second peering connection can run beside the active one, for example to carry other routes";
  candidates.push({
    text: yesText,
    correct: feasible,
    why: feasible
      ? "Right: no block overlaps (PCX-03) and no peering connection exists between the pair yet (PCX-04)."
      : clash
        ? `Wrong: ${clash.a} overlaps ${clash.b}, and one overlapping block rules the peering out (PCX-03).`
        : `Wrong: AWS allows only one peering connection between the same two VPCs at a time, and ${duplicate ?? ""} is already active for this pair; more routes go over that one (PCX-04).`,
    proof: `cidrsOverlap over all blocks: ${clashes.length} clash(es); live peering between the pair: ${duplicate ?? "none"}`,
  });
  // A "No: X overlaps Y" option: the real clash, or a plausible false one between two non-overlapping blocks.
  const falsePair = closestPair(vx.cidrBlocks, vy.cidrBlocks);
  const shownPair = clash ?? falsePair;
  const pairTrue = clash !== undefined;
  candidates.push({
    text: `No: ${shownPair.a} of ${x.name} overlaps ${shownPair.b} of ${y.name}`,
    correct: pairTrue,
    why: pairTrue
      ? `Right: ${shownPair.a} and ${shownPair.b} share addresses, and any overlap refuses the peering (PCX-03).`
      : `Wrong: ${shownPair.a} and ${shownPair.b} are disjoint ranges, so they are no obstacle (PCX-03).`,
    proof: `cidrsOverlap(${shownPair.a}, ${shownPair.b}) = ${String(pairTrue)}`,
  });
  candidates.push({
    text:
      duplicate !== undefined
        ? // Not "joins": a pending-acceptance connection joins nothing until accepted. AWS's own refusal
          // (VpcPeeringConnectionAlreadyExists) says the connection between the VPCs already exists.
          "No: a peering connection between these two VPCs already exists"
        : "No: only one peering per VPC is allowed and one already exists elsewhere",
    correct: duplicate !== undefined && !pairTrue,
    why:
      duplicate !== undefined
        ? `Right: peering connection ${duplicate} (active) already exists between them, so a second connection for the pair cannot be used (PCX-04).`
        : "Wrong: a VPC can have many peerings (up to 50 active by default); the one-peering limit is per pair of VPCs (PCX-04, PCX-17).",
    proof: `live peering between the pair: ${duplicate ?? "none"}; overlap: ${String(pairTrue)}`,
  });
  if (pairTrue) {
    candidates.push({
      text: "Yes, as long as only the non-overlapping blocks are routed over the peering",
      correct: false,
      why: `Wrong: routing only some blocks does not help; the overlap of ${shownPair.a} and ${shownPair.b} refuses the request itself (PCX-03).`,
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
        ? "Wrong: a peering can join VPCs in different accounts and in different Regions (PCX-01)."
        : "Wrong: a peering is a direct link between two VPCs and needs no transit gateway (PCX-01).";
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
      : " No peering connection exists between them yet.") +
    ` Can a new VPC peering connection between ${x.name} and ${y.name} be created and used?`;
  const concepts = [
    "P2",
    ...(duplicate !== undefined ? ["P10"] : []),
    ...(setup.crossRegion || setup.crossAccount ? ["P5"] : []),
  ];
  return buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts,
    stem,
    topology: t,
    candidates,
    summary: feasible ? feasibleWhy : clash ? overlapWhy : duplicateWhy,
  });
}

/** The pair of IPv4 blocks, one per VPC, whose network addresses look closest (the most plausible false clash). */
function closestPair(xs: readonly string[], ys: readonly string[]): Clash {
  let best: Clash = { a: xs[xs.length - 1] ?? "", b: ys[0] ?? "" };
  let bestBits = -1;
  for (const a of xs)
    for (const b of ys) {
      const bits = sharedLeadingBits(toNamesCidr(a), toNamesCidr(b));
      if (bits > bestBits) {
        best = { a, b };
        bestBits = bits;
      }
    }
  return best;
}

function toNamesCidr(text: string): Cidr {
  const [ip, prefix] = text.split("/");
  return { base: ipToInt(ip ?? ""), prefix: Number(prefix) };
}

export const peeringFeasibility: Family = {
  name: NAME,
  title: "Can these VPCs be peered?",
  concepts: ["P2", "P5", "P10"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
