// edge-to-edge: can a VPC use its peer's internet gateway, NAT gateway or gateway endpoint? (rules
// PCX-10, NAT-06, GWE-06: no.) Nearby variants give the VPC its own gateway or route. The same thing through
// a transit gateway works: centralised egress to an egress VPC's NAT gateway (TGW-18). The key and options
// come from the model's analysis (reach-question engine).
import type * as T from "../../net/index";
import type { Family } from "../family";
import { cidrText, publicIp } from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, type Variant } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Site } from "../reach-fixtures";
import { forkedRng, type Rng } from "../rng";
import {
  addRoute,
  removeRoute,
  removeTgwRoute,
  retargetRoute,
  setNacl,
  setSecurityGroupOutbound,
} from "../topology-edits";
import { routeTableWith, topologyWith, withField } from "../topology-builder";
import type { ProofSink } from "../proofs";
import { possessive } from "../possessive";

const NAME = "edge-to-edge";

/**
 * `showable`: the variants a question may show. Only edge-to-edge situations (a way out through the peer, a
 * centralised-egress TGW path, a VPC that has its own way out while peered) are shown; the other variants
 * (a missing route, an SG or NACL fault) give "No" options only.
 */
type Scenario = {
  stem: string;
  query: T.Query;
  variants: Variant[];
  concepts: string[];
  showable: number[];
};

function setPublicIp(instanceId: string, ip: string): (t: T.Topology) => T.Topology {
  return (t) =>
    topologyWith(t, {
      instances: t.instances.map((i) => (i.id === instanceId ? withField(i, { publicIp: ip }) : i)),
    });
}

/** What the instance reaches on the internet: a service, its port, and its host's address. */
type InternetServer = { readonly what: string; readonly port: number; readonly ip: string };

const INTERNET_SERVICES: readonly { readonly what: string; readonly port: number }[] = [
  { what: "a server on the internet", port: 443 },
  { what: "a partner's HTTPS API on the internet", port: 443 },
  { what: "a package mirror on the internet", port: 443 },
  { what: "a software update server on the internet", port: 80 },
  { what: "a supplier's SFTP server on the internet", port: 22 },
];

/**
 * The internet server of a question, drawn per seed from a stream of its own (the question's other draws do not
 * move): its address in an RFC 5737 documentation block other than publicIp's, so no AWS address can equal it.
 */
function internetServer(seed: number, difficulty: Difficulty): InternetServer {
  const rng = forkedRng(seed, `${NAME}/${difficulty}/internet`);
  const service = rng.pick(INTERNET_SERVICES);
  const ip = `${rng.pick(["192.0.2", "198.51.100", "198.51.100"])}.${rng.int(1, 254)}`;
  return { ...service, ip };
}

/** A's default route points at the peering; B owns the internet gateway or NAT gateway. */
function peerGateway(rng: Rng, server: InternetServer): Scenario {
  const estate = buildEstate(rng, 2);
  const [a, b] = estate.sites as [Site, Site];
  const pcx = peerSites(estate, a, b);
  const builder = estate.builder;
  const igw = builder.internetGateway(b.vpc);
  const useNat = rng.chance(1, 2);
  const publicSubnet = builder.subnet(b.vpc, {
    role: "public",
    prefix: Math.min(26, b.vpc.cidr.prefix + 6),
    routeTableId: builder.routeTable(b.vpc, `${b.vpc.name}-public`),
  });
  builder.route(publicSubnet.routeTableId, "0.0.0.0/0", igw);
  let target = igw;
  const taken: string[] = [];
  if (useNat) {
    taken.push(publicIp(rng));
    target = builder.natGateway(publicSubnet, taken[0] ?? "");
    builder.route(b.subnet.routeTableId, "0.0.0.0/0", target);
  } else builder.route(b.subnet.routeTableId, "0.0.0.0/0", igw);
  const ownIp = publicIp(rng, taken);
  const acl = customAcl(estate, a);
  const naclOption = rng.chance(3, 4);
  const base = builder.build("edge to edge");
  const viaPeer = addRoute(a.subnet.routeTableId, "0.0.0.0/0", pcx)(base);
  const withPublicIp = setPublicIp(a.instance.id, ownIp);
  // Nearby: A gets its own internet gateway route (and a public IP), which works (IGW-01).
  const ownIgwId = builder.id("igw");
  const ownIgw: T.Topology = topologyWith(withPublicIp(base), {
    internetGateways: [
      ...base.internetGateways,
      { id: ownIgwId, name: `${a.vpc.name}-igw`, vpcId: a.vpc.id },
    ],
  });
  const ownRoute = addRoute(a.subnet.routeTableId, "0.0.0.0/0", ownIgwId)(ownIgw);
  // A peering carries only traffic for the peer's own addresses (PCX-10): the way out has to be A's own.
  const ownWayOut = {
    cause: `The route 0.0.0.0/0 → ${pcx} in ${a.subnet.routeTableId} sends internet traffic into the peering, which delivers only to addresses inside ${b.vpc.name} (PCX-10).`,
    change: `give ${a.vpc.name} its own internet gateway and point the 0.0.0.0/0 route in ${a.subnet.routeTableId} at it instead of ${pcx}, with a public IPv4 address on ${a.instance.name}`,
    topology: ownRoute,
  };
  return {
    stem:
      `The VPC ${a.vpc.name} is peered with ${b.vpc.name}, whose ${useNat ? "NAT gateway" : "internet gateway"} serves ${possessive(b.vpc.name)} subnets. ` +
      `Can ${a.instance.name} (${a.instance.ip}) in ${a.vpc.name} reach ${server.what} (${server.ip}) on TCP ${server.port}? The setup:`,
    query: { from: a.instance.name, to: server.ip, protocol: "tcp", port: server.port },
    concepts: ["P3"],
    showable: [0, 1],
    variants: [
      { topology: viaPeer, fix: ownWayOut },
      { topology: ownRoute, works: true },
      { topology: removeRoute(a.subnet.routeTableId, "0.0.0.0/0")(ownRoute) },
      {
        topology: base,
        fix: {
          change: `give ${a.vpc.name} its own internet gateway as the target of a 0.0.0.0/0 route in ${a.subnet.routeTableId}, and give ${a.instance.name} a public IPv4 address`,
          topology: ownRoute,
        },
      },
      // Filtering faults on A's side: offered as "No" options only when the shown setup's SG or NACL is fine.
      // The NACL option (a long sentence) is offered in three questions of four, so option length does not
      // predict the key (check-generator's "longest" cue). Beside a shown "route to the peering" setup, the
      // missing-route variant above gives the fourth option when it is not: the route table does have a route
      // that matches (`disproveMatchedRoutes`).
      { topology: setSecurityGroupOutbound(a.instance.sgId, [])(ownRoute) },
      ...(naclOption ? [{ topology: closeReplies(ownRoute, acl) }] : []),
    ],
  };
}

/** B has an S3 gateway endpoint; A routes S3 traffic over the peering (GWE-06). */
function peerEndpoint(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [a, b] = estate.sites as [Site, Site];
  peerSites(estate, a, b);
  const region = estate.homeRegion.code;
  const pl = estate.builder.id("pl");
  // The S3 service of the Region with its AWS-managed prefix list (rule GWE-02). The address ranges
  // are illustrative public blocks; only their membership in the prefix list matters to the model.
  const s3Cidrs = ["52.216.0.0/15", "3.5.0.0/19"];
  const acl = customAcl(estate, a);
  const naclOption = rng.chance(1, 2);
  const base0 = estate.builder.build("peer endpoint");
  const base: T.Topology = topologyWith(base0, {
    prefixLists: [...base0.prefixLists, { id: pl, name: `com.amazonaws.${region}.s3`, cidrBlocks: s3Cidrs }],
    services: [
      ...base0.services,
      { service: "s3", region, prefixListId: pl, cidrBlocks: [], dnsName: `s3.${region}.amazonaws.com` },
    ],
  });
  const vpce = estate.builder.id("vpce");
  const withEndpoint = (t: T.Topology, vpcId: string, rtb: string, id = vpce): T.Topology =>
    topologyWith(t, {
      gatewayEndpoints: [
        ...t.gatewayEndpoints,
        {
          id,
          name: "s3-endpoint",
          vpcId,
          service: "s3",
          region,
          routeTableIds: [rtb],
          policy: "allow-all",
        },
      ],
    });
  const inB = withEndpoint(base, b.vpc.id, b.subnet.routeTableId);
  const pcx = base.peeringConnections[0]?.id ?? "";
  // The tempting mistake: send A's S3 prefix list over the peering to B's endpoint.
  const viaPeer: T.Topology = topologyWith(inB, {
    routeTables: inB.routeTables.map((rt) =>
      rt.id === a.subnet.routeTableId
        ? routeTableWith(rt, {
            routes: [...rt.routes, { destinationPrefixListId: pl, target: pcx, origin: "static" as const }],
          })
        : rt,
    ),
  });
  const inA = withEndpoint(base, a.vpc.id, a.subnet.routeTableId);
  // Shown "Yes" setup: both VPCs have their own endpoint, and A's route uses A's (GWE-02).
  const inBoth = withEndpoint(inB, a.vpc.id, a.subnet.routeTableId, estate.builder.id("vpce"));
  // A gateway endpoint serves only the VPC it belongs to (GWE-06).
  const ownEndpoint = {
    cause:
      `A gateway endpoint is used only through the route ${pl} → ${vpce} that AWS adds to the route tables associated with it (GWE-02), and only ${b.subnet.routeTableId} in ${b.vpc.name} has that route. ` +
      `The endpoint serves only its own VPC, so ${a.vpc.name} cannot use it, directly or over the peering (GWE-06, PCX-10).`,
    change: `create an S3 gateway endpoint in ${a.vpc.name} and associate it with ${a.subnet.routeTableId}`,
    topology: inA,
  };
  return {
    stem: `The VPC ${a.vpc.name} is peered with ${b.vpc.name}. Can ${a.instance.name} (${a.instance.ip}) in ${a.vpc.name} reach Amazon S3 in ${region} privately on TCP 443? The setup:`,
    query: { from: a.instance.name, to: "s3", protocol: "tcp", port: 443 },
    concepts: ["E6", "E3"],
    showable: [0, 1, 6],
    variants: [
      { topology: viaPeer, fix: ownEndpoint },
      // As a distractor ("A's route table has no route for S3") tried after the others: beside a working setup the
      // peering misreading (variant 0) is the one the item is about.
      { topology: inB, fix: ownEndpoint, lastResort: true },
      { topology: inA, works: true },
      // A denying endpoint policy is refuted by reading one cell of the exhibit ("allow all"): offered only when
      // no other distractor is left. The route through the peer's endpoint (variant 0) is the misreading the item
      // tests, and the model disproves it where the shown setup sends nothing into the peering.
      {
        topology: withDenyPolicy(inA),
        fix: { change: `let the endpoint policy of ${vpce} allow the request`, topology: inA },
        lastResort: true,
      },
      { topology: setSecurityGroupOutbound(a.instance.sgId, [])(inA) },
      // Half the questions (as peerGateway) offer the long NACL option; see there.
      { topology: naclOption ? closeReplies(inA, acl) : inBoth, works: !naclOption },
      { topology: inBoth, works: true },
      // Beside a working setup with an endpoint in each VPC: "A's endpoint policy denies it", a fourth option.
      { topology: withDenyPolicy(inBoth), lastResort: true },
    ],
  };
}

/**
 * Centralised egress: spoke A has no internet gateway; egress VPC B has a NAT gateway and an internet
 * gateway. A and B are joined by a transit gateway and by a peering. A's default route to the TGW works
 * (rule TGW-18); the same default route to the peering does not (PCX-10, NAT-06).
 */
function centralEgress(rng: Rng, server: InternetServer): Scenario {
  const estate = buildEstate(rng, 2);
  const [a, b] = estate.sites as [Site, Site];
  const builder = estate.builder;
  const hub = hubSites(estate, [a, b]);
  const pcx = builder.peering(a.vpc, b.vpc, "active");
  const igw = builder.internetGateway(b.vpc);
  // The NAT's subnet shares the AZ of B's TGW attachment subnet (TGW-09: the TGW is usable only from AZs
  // with an attachment subnet, and the NAT sends the replies back through it).
  const publicSubnet = builder.subnet(b.vpc, {
    role: "public",
    prefix: Math.min(26, b.vpc.cidr.prefix + 6),
    azIndex: 0,
    routeTableId: builder.routeTable(b.vpc, `${b.vpc.name}-public`),
  });
  const nat = builder.natGateway(publicSubnet, publicIp(rng));
  builder.route(publicSubnet.routeTableId, "0.0.0.0/0", igw);
  builder.route(publicSubnet.routeTableId, cidrText(a.vpc.cidr), hub.tgwId);
  builder.route(b.subnet.routeTableId, "0.0.0.0/0", nat);
  builder.route(a.subnet.routeTableId, "0.0.0.0/0", hub.tgwId);
  const attachB = hub.attachments.get(b) ?? "";
  builder.tgwRoute(hub.table.id, "0.0.0.0/0", attachB);
  const base = builder.build("centralised egress");
  return {
    stem:
      `The VPC ${a.vpc.name} has no internet gateway. The VPC ${b.vpc.name} is an egress VPC with NAT gateway ${nat} and internet gateway ${igw}; ` +
      `the two VPCs are attached to transit gateway ${hub.tgwId} and also peered (${pcx}). ` +
      `Can ${a.instance.name} (${a.instance.ip}) in ${a.vpc.name} reach ${server.what} (${server.ip}) on TCP ${server.port}? The setup:`,
    query: { from: a.instance.name, to: server.ip, protocol: "tcp", port: server.port },
    concepts: ["P3", "V6"],
    showable: [0, 1, 2, 3, 4],
    variants: [
      { topology: base, works: true },
      {
        topology: retargetRoute(a.subnet.routeTableId, "0.0.0.0/0", pcx)(base),
        fix: {
          cause: `The 0.0.0.0/0 route in ${a.subnet.routeTableId} targets the peering, which cannot carry traffic on to the egress VPC's NAT gateway (PCX-10, TGW-18).`,
          change: `point the 0.0.0.0/0 route in ${a.subnet.routeTableId} at ${hub.tgwId} instead of ${pcx}`,
          topology: base,
        },
      },
      {
        topology: removeTgwRoute(hub.table.id, "0.0.0.0/0")(base),
        fix: {
          cause: `Propagation puts only the egress VPC's own CIDR into ${hub.table.name}, never a default route, so internet-bound traffic matches nothing there (TGW-05).`,
          change: `add a static route 0.0.0.0/0 → ${attachB} to ${hub.table.name} (${hub.table.id})`,
          topology: base,
        },
      },
      {
        topology: removeRoute(publicSubnet.routeTableId, cidrText(a.vpc.cidr))(base),
        fix: {
          cause: `The root cause is the route table ${publicSubnet.routeTableId} of the NAT gateway's subnet: it has no route back to ${cidrText(a.vpc.cidr)}, so the reply follows 0.0.0.0/0 to the internet gateway, which drops a private destination (RT-04, IGW-04).`,
          change: `add a route ${cidrText(a.vpc.cidr)} → ${hub.tgwId} to ${publicSubnet.routeTableId}`,
          topology: base,
        },
      },
      {
        topology: removeRoute(b.subnet.routeTableId, "0.0.0.0/0")(base),
        fix: {
          cause: `Traffic from the transit gateway enters ${b.vpc.name} in the attachment's subnet, whose route table ${b.subnet.routeTableId} has no default route to the NAT gateway (RT-04, TGW-18).`,
          change: `add a route 0.0.0.0/0 → ${nat} to ${b.subnet.routeTableId}`,
          topology: base,
        },
      },
      // Not shown, options only: faults at A's own route table and security group, which the model can
      // disprove where the peering route (dropped at the peering) and a missing route back (dropped at the
      // internet gateway) give no option of their own.
      { topology: removeRoute(a.subnet.routeTableId, "0.0.0.0/0")(base) },
      { topology: setSecurityGroupOutbound(a.instance.sgId, [])(base) },
    ],
  };
}

/**
 * A's subnet gets its own network ACL (shown in the exhibit) that a variant can narrow: inbound it allows HTTPS and,
 * in a rule of its own, the replies' ephemeral ports (ACL-08), outbound everything. Not one allow-all rule: beside
 * that, the distractor "the final * deny rule blocks the reply" would be refuted at a glance, whereas with the
 * ports spelled out it is the misreading the stateless rule (ACL-02) invites.
 */
function customAcl(
  estate: {
    builder: {
      networkAcl: (vpc: { id: string }, name: string, i: T.NaclRule[], o: T.NaclRule[]) => string;
      setSubnet: (id: string, p: { networkAclId: string }) => void;
    };
  },
  site: Site,
): string {
  const all: T.NaclRule = { ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" };
  // Literals in `all`'s key order rather than `{ ...all, protocol: … }`: a spread followed by keys takes V8's
  // slow path, and these two lines were 0.9 % of an edge-to-edge question.
  const https: T.NaclRule = {
    ruleNumber: 100,
    protocol: "tcp",
    cidrBlock: "0.0.0.0/0",
    action: "allow",
    fromPort: 443,
    toPort: 443,
  };
  const replies: T.NaclRule = {
    ruleNumber: 110,
    protocol: "tcp",
    cidrBlock: "0.0.0.0/0",
    action: "allow",
    fromPort: 1024,
    toPort: 65535,
  };
  const acl = estate.builder.networkAcl(site.vpc, `${site.vpc.name}-app-acl`, [https, replies], [all]);
  estate.builder.setSubnet(site.subnet.id, { networkAclId: acl });
  return acl;
}

/**
 * The classic stateless mistake: inbound allows only TCP 443, so the replies, which come back to an ephemeral
 * port, are dropped (ACL-02, ACL-08).
 */
function closeReplies(t: T.Topology, acl: string): T.Topology {
  return setNacl(acl, {
    inbound: [
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrBlock: "0.0.0.0/0",
        action: "allow",
      },
    ],
  })(t);
}

function withDenyPolicy(t: T.Topology): T.Topology {
  return topologyWith(t, {
    gatewayEndpoints: t.gatewayEndpoints.map((e) => ({ ...e, policy: "deny-all" as const })),
  });
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  const server = internetServer(seed, difficulty);
  const scenario =
    difficulty === 1
      ? peerGateway(rng, server)
      : difficulty === 2
        ? rng.pick([peerGateway, peerEndpoint, centralEgress])(rng, server)
        : // d3: more components and hops (a transit gateway hub beside a peering, or an endpoint's prefix list).
          rng.pick([peerEndpoint, centralEgress, centralEgress])(rng, server);
  // About 2 in 7 show a working setup (as pickShown in reach-question), drawn from the showable variants.
  const yes = scenario.showable.filter((i) => scenario.variants[i]?.works === true);
  const no = scenario.showable.filter((i) => scenario.variants[i]?.works !== true);
  const shown = yes.length > 0 && rng.chance(2, 7) ? rng.pick(yes) : rng.pick(no);
  return buildReachQuestion(rng, {
    proofs,
    shown,
    family: NAME,
    seed,
    difficulty,
    concepts: scenario.concepts,
    stem: scenario.stem,
    query: scenario.query,
    variants: scenario.variants,
    describe: true,
    disproveMatchedRoutes: true,
    yesAsLongAsNoKey: true,
  });
}

export const edgeToEdge: Family = {
  name: NAME,
  title: "Edge-to-edge routing",
  concepts: ["P3", "E3", "E6", "V6"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
