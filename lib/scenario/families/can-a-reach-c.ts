// can-a-reach-c: two subnets of one VPC, peering pairs, chains and meshes, transit gateway hubs, mixed.
// Yes/no plus "why" options; the key and every option come from the model's analysis of the shown variant and
// its nearby variants. Which frame and which of its variants a question shows is drawn by the seed from a
// catalogue per difficulty (seed mod its length), so that nearby seeds ask different problems (a different
// topology shape or blocker), not the same problem with renamed resources.
import { cidrText } from "../names";
import type { Family } from "../family";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, lazyVariant, type Variant } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Estate } from "../reach-fixtures";
import { forkedRng, type Rng } from "../rng";
import {
  addRoute,
  removeRoute,
  setNacl,
  setPeeringStatus,
  removeTgwAssociation,
  removeTgwPropagation,
  setSecurityGroupInbound,
  setSecurityGroupOutbound,
  retargetRoute,
  addTgwRoute,
  compose,
} from "../topology-edits";
import type { Topology } from "../../net/index";
import { siblingSubnet, tcp } from "./filtering";
import type { Query } from "../../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../../net/flow-logs";
import { withArticle } from "../article";
import type { ProofSink } from "../proofs";

const NAME = "can-a-reach-c";

type Scenario = {
  readonly estate: Estate;
  readonly query: Query;
  /** One-edit variants are lazyVariants, built only if the question reads them (their edits draw nothing). */
  readonly variants: Variant[];
  readonly concepts: string[];
  readonly shape: string;
};

function queryOf(estate: Estate, from: number, to: number): Query {
  const a = estate.sites[from];
  const c = estate.sites[to];
  if (!a || !c) throw new Error("site index out of range");
  return { from: a.instance.name, to: c.instance.name, protocol: "tcp", port: estate.port };
}

/**
 * C's subnet gets a network ACL that admits the service port from A's VPC (rule 100) and denies everything else
 * from that VPC (rule 110), with the rest of the world allowed (rule 200). `swapped` is the classic fault: the
 * deny numbered 100 and the allow 110, so the deny is read first and wins (ACL-03).
 */
function guardAcl(
  estate: Estate,
  site: Estate["sites"][0],
  source: string,
): { swapped: (t: Topology) => Topology; replyToPortOnly: (t: Topology) => Topology } {
  const p = estate.port;
  const all = { protocol: "all" as const, cidrBlock: "0.0.0.0/0", action: "allow" as const };
  const denyFrom = (n: number) => ({
    ruleNumber: n,
    protocol: "all" as const,
    cidrBlock: source,
    action: "deny" as const,
  });
  const rest = { ruleNumber: 200, ...all };
  const id = estate.builder.networkAcl(
    site.vpc,
    `${site.vpc.name}-app-acl`,
    [tcp(100, source, p, p), denyFrom(110), rest],
    [{ ruleNumber: 100, ...all }],
  );
  estate.builder.setSubnet(site.subnet.id, { networkAclId: id });
  return {
    swapped: setNacl(id, { inbound: [denyFrom(100), tcp(110, source, p, p), rest] }),
    // The outbound rules mirror the inbound ones (the service port to A, then a deny for A): the reply goes to
    // A's ephemeral port, so the deny drops it (stateless, ACL-02, and rule order, ACL-03).
    replyToPortOnly: setNacl(id, { outbound: [tcp(100, source, p, p), denyFrom(110), rest] }),
  };
}

/** The server's group admits the service port from the wrong network (its own VPC's range instead of the client's). */
function wrongSource(site: Estate["sites"][0], port: number): (t: Topology) => Topology {
  return setSecurityGroupInbound(site.instance.sgId, [
    { protocol: "tcp", fromPort: port, toPort: port, cidrBlock: cidrText(site.vpc.cidr) },
  ]);
}

/**
 * The root cause of a static TGW route to the wrong attachment: the packet is sent into the wrong VPC, whose route
 * table hands it back to the transit gateway, round and round. Removing the static route lets the propagated one
 * (to the right attachment) decide again.
 */
function wrongAttachmentFix(
  table: { readonly id: string; readonly name: string },
  destination: string,
  attachment: string,
  vpcName: string,
  working: Topology,
): NonNullable<Variant["fix"]> {
  return {
    cause: `The static route ${destination} → ${attachment} (${vpcName}) in TGW route table ${table.name} wins over the propagated route to the destination's attachment (TGW-07), so the request is sent into ${vpcName}, whose route table returns it to the transit gateway.`,
    change: `delete the static route ${destination} → ${attachment} from transit gateway route table ${table.name} (${table.id})`,
    topology: working,
  };
}

/** A and C peered directly; faults: a missing route on either side, C's SG closed. */
function directPeering(rng: Rng, opts: { crossRegion?: boolean; crossAccount?: boolean } = {}): Scenario {
  const estate = buildEstate(rng, 2, opts);
  const [a, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0]];
  const pcx = peerSites(estate, a, c);
  const acl = guardAcl(estate, c, cidrText(a.vpc.cidr));
  const base = estate.builder.build("direct peering");
  // Drawn here, where the expired variant's literal used to draw it, so that building that variant only when the
  // question reads it (lazyVariant) moves no draw.
  const expiredAt = DEFAULT_FLOW_LOG_NOW - 7 * 86400 - rng.int(1, 47) * 3600;
  return {
    estate,
    query: queryOf(estate, 0, 1),
    shape: "direct peering",
    concepts: [
      "P1",
      "P4",
      "P7",
      "P11",
      "S2",
      ...(opts.crossRegion === true || opts.crossAccount === true ? ["P5"] : []),
    ],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base)),
      lazyVariant(() => removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(base)),
      lazyVariant(() => setSecurityGroupInbound(c.instance.sgId, [])(base)),
      lazyVariant(() => setPeeringStatus(pcx, "pending-acceptance")(base)),
      // rule PCX-06: an unanswered request expires after 7 days, and AWS lists an expired connection for only
      // 2 more days, so the exhibit's age is 7-8 whole days (7 days plus 1-47 hours), never older.
      lazyVariant(() => setPeeringStatus(pcx, "pending-acceptance", expiredAt)(base)),
      lazyVariant(() => acl.swapped(base)),
      // Two faults: the request is dropped by C's group before the missing route back could matter.
      lazyVariant(() =>
        compose(wrongSource(c, estate.port), removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr)))(base),
      ),
      // d3 (cross-Region) only, each needing two facts: a reply rule that mirrors the request's, and a route
      // back that names a neighbouring subnet of A's VPC rather than A's own range.
      ...(opts.crossRegion === true
        ? [
            lazyVariant(() => acl.replyToPortOnly(base)),
            lazyVariant(() =>
              compose(
                removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr)),
                addRoute(c.subnet.routeTableId, cidrText(siblingSubnet(a)), pcx),
              )(base),
            ),
          ]
        : []),
    ],
  };
}

/** A–B–C chain: A cannot reach C through B (rule PCX-02); the nearby variant adds an A–C peering. */
function peeringChain(rng: Rng, opts: { crossRegion?: boolean } = {}): Scenario {
  const estate = buildEstate(rng, 3, opts);
  const [a, b, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0], Estate["sites"][0]];
  peerSites(estate, a, b);
  const bcPcx = peerSites(estate, b, c);
  const acl = guardAcl(estate, c, cidrText(a.vpc.cidr));
  const chain = estate.builder.build("peering chain");
  // The tempting mistake: route A's traffic for C at the A–B peering. Still no (not transitive).
  const abPcx = chain.peeringConnections[0]?.id ?? "";
  const viaB = addRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr), abPcx)(chain);
  const pcxAc = estate.builder.peering(a.vpc, c.vpc, "active");
  estate.builder.route(a.subnet.routeTableId, cidrText(c.vpc.cidr), pcxAc);
  estate.builder.route(c.subnet.routeTableId, cidrText(a.vpc.cidr), pcxAc);
  const mesh = estate.builder.build("peering mesh");
  return {
    estate,
    query: queryOf(estate, 0, 2),
    shape: "peering chain",
    concepts: ["P3", "P4"],
    variants: [
      { topology: mesh, works: true },
      { topology: chain },
      { topology: viaB },
      lazyVariant(() => removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(mesh)),
      lazyVariant(() => setPeeringStatus(pcxAc, "pending-acceptance")(mesh)),
      // The reply's route points at the wrong peering connection (B–C instead of A–C): not transitive (PCX-02).
      lazyVariant(() => retargetRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr), bcPcx)(mesh)),
      lazyVariant(() => acl.swapped(mesh)),
      lazyVariant(() => setSecurityGroupInbound(c.instance.sgId, [])(mesh)),
    ],
  };
}

/** A, B, C on one transit gateway table (rule TGW-02); faults: association, propagation, VPC routes. */
function transitHub(rng: Rng): Scenario {
  const estate = buildEstate(rng, 3);
  const [a, b, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0], Estate["sites"][0]];
  const hub = hubSites(estate, estate.sites);
  const base = estate.builder.build("transit gateway hub");
  const attachA = hub.attachments.get(a) ?? "";
  const attachB = hub.attachments.get(b) ?? "";
  const attachC = hub.attachments.get(c) ?? "";
  return {
    estate,
    query: queryOf(estate, 0, 2),
    shape: "transit gateway hub",
    concepts: ["V6"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => removeTgwPropagation(hub.table.id, attachC)(base)),
      lazyVariant(() => removeTgwAssociation(hub.table.id, attachA)(base)),
      lazyVariant(() => removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base)),
      lazyVariant(() => removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(base)),
      lazyVariant(() => setSecurityGroupInbound(c.instance.sgId, [])(base)),
      // A static route for C's range to the wrong attachment (B's) wins over the propagated one (TGW-07).
      {
        topology: addTgwRoute(hub.table.id, cidrText(c.vpc.cidr), attachB)(base),
        fix: wrongAttachmentFix(hub.table, cidrText(c.vpc.cidr), attachB, b.vpc.name, base),
      },
    ],
  };
}

/** Two VPCs on one transit gateway table; faults: association, propagation, a VPC route. */
function twoOnHub(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [Estate["sites"][0], Estate["sites"][0]];
  const hub = hubSites(estate, estate.sites);
  const base = estate.builder.build("two VPCs on a transit gateway");
  const attachA = hub.attachments.get(a) ?? "";
  const attachC = hub.attachments.get(c) ?? "";
  return {
    estate,
    query: queryOf(estate, 0, 1),
    shape: "two VPCs on a transit gateway",
    concepts: ["V6"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => removeTgwPropagation(hub.table.id, attachA)(base)),
      lazyVariant(() => removeTgwAssociation(hub.table.id, attachC)(base)),
      lazyVariant(() => removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base)),
      lazyVariant(() => removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(base)),
      lazyVariant(() => wrongSource(c, estate.port)(base)),
      // No network ACL variant: the attachment sits in the instance's subnet, where no ACL applies (the trace
      // shows "same subnet").
    ],
  };
}

/**
 * Two subnets of one VPC, each with its own network ACL: the local route always covers the VPC (RT-02), so only
 * security groups and network ACLs can stop the connection (SG-05, ACL-01, ACL-02).
 */
function sameVpc(rng: Rng): Scenario {
  const estate = buildEstate(rng, 1);
  const [a] = estate.sites as [Estate["sites"][0]];
  const b = estate.builder;
  const p = estate.port;
  const serverSubnet = b.subnet(a.vpc, { role: "data", prefix: Math.min(24, a.vpc.cidr.prefix + 4) });
  const clientNet = cidrText(a.subnet.cidr);
  const serverNet = cidrText(serverSubnet.cidr);
  const server = b.instance(serverSubnet, {
    name: `db-${rng.int(2, 9)}`,
    hostOffset: 10 + rng.int(0, 40),
    inbound: [{ protocol: "tcp", fromPort: p, toPort: p, cidrBlock: clientNet }],
  });
  const clientAcl = b.networkAcl(
    a.vpc,
    `${a.vpc.name}-app-acl`,
    [tcp(100, serverNet, 1024, 65535)],
    [tcp(100, serverNet, p, p)],
  );
  const serverAcl = b.networkAcl(
    a.vpc,
    `${a.vpc.name}-data-acl`,
    [tcp(100, clientNet, p, p)],
    [tcp(100, clientNet, 1024, 65535)],
  );
  b.setSubnet(a.subnet.id, { networkAclId: clientAcl });
  b.setSubnet(serverSubnet.id, { networkAclId: serverAcl });
  const base = b.build("two subnets of one VPC");
  const sites = [a, { vpc: a.vpc, subnet: serverSubnet, instance: server }];
  const twoSites: Estate = { ...estate, sites };
  return {
    estate: twoSites,
    query: queryOf(twoSites, 0, 1),
    shape: "two subnets",
    concepts: ["S1", "S2"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => setSecurityGroupInbound(server.sgId, [])(base)),
      lazyVariant(() =>
        setNacl(serverAcl, {
          inbound: [tcp(90, clientNet, p, p, "deny"), tcp(100, clientNet, p, p)],
        })(base),
      ),
      lazyVariant(() => setNacl(serverAcl, { outbound: [tcp(100, clientNet, p, p)] })(base)),
      lazyVariant(() => setNacl(clientAcl, { inbound: [tcp(100, serverNet, p, p)] })(base)),
      // The client subnet's outbound rule names the client's own subnet instead of the server's.
      lazyVariant(() => setNacl(clientAcl, { outbound: [tcp(100, clientNet, p, p)] })(base)),
      lazyVariant(() =>
        setSecurityGroupInbound(server.sgId, [
          { protocol: "tcp", fromPort: p, toPort: p, cidrBlock: serverNet },
        ])(base),
      ),
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
    estate,
    query: queryOf(estate, 0, 2),
    shape: "peering plus transit gateway",
    concepts: ["P3", "V6"],
    variants: [
      { topology: attached, works: true },
      { topology: base },
      { topology: viaB },
      lazyVariant(() => removeTgwPropagation(hub.table.id, attachA)(attached)),
      lazyVariant(() => removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr))(attached)),
      // A's route for C points at the A–B peering although the A attachment exists: not transitive (PCX-10).
      lazyVariant(() => retargetRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr), abPcx)(attached)),
      lazyVariant(() => setSecurityGroupInbound(c.instance.sgId, [])(attached)),
      // Two faults: C's group drops the request; C's route back is missing too.
      lazyVariant(() =>
        compose(
          setSecurityGroupInbound(c.instance.sgId, []),
          removeRoute(c.subnet.routeTableId, cidrText(a.vpc.cidr)),
        )(attached),
      ),
      {
        topology: addTgwRoute(hub.table.id, cidrText(c.vpc.cidr), hub.attachments.get(b) ?? "")(attached),
        fix: wrongAttachmentFix(
          hub.table,
          cidrText(c.vpc.cidr),
          hub.attachments.get(b) ?? "",
          b.vpc.name,
          attached,
        ),
      },
      lazyVariant(() => setSecurityGroupOutbound(a.instance.sgId, [])(attached)),
    ],
  };
}

type Frame = { readonly build: (rng: Rng) => Scenario; readonly variants: number };
type Catalogue = {
  readonly frames: readonly Frame[];
  readonly order: readonly (readonly [number, number])[];
};

// Each difficulty's catalogue lists its frames' variants as [frame, variant] entries (variant 0 is the working
// setup). The working setups appear twice so that about 3 in 10 keys are "Yes" (near the chance of a three- or
// four-option question, check-generator's "always Yes" cue). A question shows entry seed mod 23 (the list length). The order was
// chosen so that the 6 or 7 seeds of one difficulty within any 20 consecutive seeds (check-generator rotates the
// difficulties seed by seed) never land on the same entry twice; 23 is prime to that rotation of 3. The frames of
// one difficulty differ in shape from the others' (one VPC, a second account or Region, a transit gateway), so
// problems never repeat across difficulties either.
const CATALOGUE: Readonly<Record<Difficulty, Catalogue>> = {
  1: {
    frames: [
      { build: sameVpc, variants: 7 },
      { build: (r) => directPeering(r), variants: 8 },
      { build: (r) => peeringChain(r), variants: 8 },
    ],
    order: [
      [1, 0],
      [0, 4],
      [2, 0],
      [1, 5],
      [2, 2],
      [0, 3],
      [1, 4],
      [0, 1],
      [0, 2],
      [1, 2],
      [0, 0],
      [1, 0],
      [0, 0],
      [2, 0],
      [2, 3],
      [1, 3],
      [2, 4],
      [1, 1],
      [2, 1],
      [1, 6],
      [2, 5],
      [0, 5],
      [2, 6],
    ],
  },
  2: {
    frames: [
      { build: transitHub, variants: 7 },
      { build: (r) => directPeering(r, { crossAccount: true }), variants: 8 },
      { build: twoOnHub, variants: 6 },
    ],
    order: [
      [1, 0],
      [0, 2],
      [1, 0],
      [1, 3],
      [1, 1],
      [2, 0],
      [2, 3],
      [1, 4],
      [0, 5],
      [0, 0],
      [0, 4],
      [0, 1],
      [1, 5],
      [2, 0],
      [0, 0],
      [0, 3],
      [2, 2],
      [1, 2],
      [2, 1],
      [0, 6],
      [1, 6],
      [1, 7],
      [2, 5],
    ],
  },
  3: {
    frames: [
      { build: mixed, variants: 10 },
      { build: (r) => directPeering(r, { crossRegion: true, crossAccount: true }), variants: 10 },
      { build: (r) => peeringChain(r, { crossRegion: true }), variants: 8 },
    ],
    // No d3 entry is answered by one fact alone (a group with no rules, a missing route in a direct
    // peering, a pending peering): [1, 1], [1, 3], [1, 4], [2, 4] and [0, 7] gave way to a swapped NACL, a reply
    // rule that mirrors the request's, a route back to a neighbouring subnet and a wrong-source group.
    order: [
      [0, 1],
      [0, 4],
      [0, 0],
      [2, 1],
      [2, 3],
      [1, 6],
      [1, 5],
      [2, 6],
      [2, 0],
      [1, 8],
      [0, 0],
      [2, 2],
      [1, 0],
      [2, 0],
      [0, 2],
      [0, 3],
      [1, 9],
      [1, 0],
      [1, 2],
      [0, 5],
      [1, 7],
      [0, 8],
      [2, 5],
    ],
  },
};

/** The frame and the variant shown for this seed. */
function drawScenario(rng: Rng, difficulty: Difficulty, seed: number): { scenario: Scenario; shown: number } {
  const { frames, order } = CATALOGUE[difficulty];
  const [frameIndex, shown] = order[seed % order.length] as readonly [number, number];
  const frame = frames[frameIndex] as Frame;
  const scenario = frame.build(rng);
  if (scenario.variants.length !== frame.variants)
    throw new Error(
      `${NAME}: frame ${scenario.shape} has ${scenario.variants.length} variants, catalogue says ${frame.variants}`,
    );
  return { scenario, shown };
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  const { scenario, shown } = drawScenario(rng, difficulty, seed);
  const { estate, query } = scenario;
  const from = estate.sites.find((s) => s.instance.name === query.from);
  const to = estate.sites.find((s) => s.instance.name === query.to);
  const stem =
    `Can ${from?.instance.name ?? query.from} (${from?.instance.ip ?? ""}) in VPC ${from?.vpc.name ?? ""} open ` +
    `${withArticle(estate.portName)} connection (TCP ${estate.port}) to ${to?.instance.name ?? query.to} (${to?.instance.ip ?? ""}) in VPC ${to?.vpc.name ?? ""}? The setup:`;
  return buildReachQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: scenario.concepts,
    stem,
    query,
    variants: scenario.variants,
    shown,
    describe: true,
    yesAsLongAsNoKey: true,
  });
}

export const canAReachC: Family = {
  name: NAME,
  title: "Can A reach C?",
  concepts: ["P1", "P3", "P4", "P5", "P7", "P11", "S1", "S2", "V6"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
