// ipv6-egress: internet gateway vs egress-only internet gateway vs NAT gateway. Each option is a route for
// the private subnet; lib/net's analyze runs the outbound flow and the internet-initiated flow for every
// option, and the key is the one option whose two verdicts match the requirement (rules EIGW-01,
// IGW-01, NAT-01, RT-04). Options that fail get the model's blocker (or "inbound is possible") as reason.
import { analyze, buildNetwork, NetworkCache, type Query, type Topology } from "../../net/index";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { accountId, carveVpcCidrs, distinctNames, publicIp, region, VPC_NAMES } from "../names";
import type { Candidate } from "../options";
import type { Difficulty, Question } from "../question";
import { createRng, type Rng } from "../rng";
import { TopologyBuilder } from "../topology-builder";
import { addRoute } from "../topology-edits";

const NAME = "ipv6-egress";

type Need = { readonly family: 4 | 6; readonly outbound: boolean; readonly inbound: boolean; readonly text: string; readonly concepts: string[] };

// The IPv6 case uses a VPC without an internet gateway (a policy forbids one): with an IGW attached, the
// model lets internet-initiated IPv6 in whatever the subnet's ::/0 route says, so eigw and igw would not
// differ on the inbound flow there.
const NEEDS: readonly Need[] = [
  { family: 6, outbound: true, inbound: false, text: "must reach IPv6 internet services over IPv6, but nothing on the internet may open connections to them (a security policy also forbids an internet gateway in this VPC)", concepts: ["G1", "G3"] },
  { family: 4, outbound: true, inbound: false, text: "have no public IPv4 addresses and must download updates over IPv4, without being reachable from the internet", concepts: ["G1"] },
];

type Setup = { base: Topology; rtb: string; igw: string; eigw: string; nat: string; instanceName: string; ipv6: string; internet6: string };

function hex4(rng: Rng): string {
  return rng.int(0, 0xffff).toString(16);
}

function buildSetup(rng: Rng, withIgw: boolean): Setup {
  const home = region(rng);
  const b = new TopologyBuilder(rng, home.code);
  const [cidr] = carveVpcCidrs(rng, [rng.pick([16, 18, 20])]);
  if (!cidr) throw new Error("no cidr");
  const v6prefix = `2600:1f${rng.int(16, 31).toString(16)}:${hex4(rng)}:${rng.int(0, 255).toString(16)}00`;
  // The private subnet's /64: the /56 prefix's last "00" becomes "01" (a slice, not a regex replace twice).
  const subnet6 = `${v6prefix.slice(0, -2)}01`;
  const [name] = distinctNames(rng, VPC_NAMES, 1) as [string];
  const vpc = b.vpc({ name, cidr, region: home.code, accountId: accountId(rng), azs: home.azs, ipv6Cidr: `${v6prefix}::/56` });
  // Without an IGW the id still names a gateway in another VPC-less state: the option is then a blackhole route.
  const igw = withIgw ? b.internetGateway(vpc) : b.id("igw");
  const eigw = b.egressOnlyInternetGateway(vpc);
  const publicRtb = b.routeTable(vpc, `${name}-${withIgw ? "public" : "nat"}`);
  const pub = b.subnet(vpc, { role: withIgw ? "public" : "nat", prefix: Math.min(24, cidr.prefix + 4), routeTableId: publicRtb });
  if (withIgw) b.route(publicRtb, "0.0.0.0/0", igw);
  const nat = b.natGateway(pub, publicIp(rng), withIgw ? "public" : "private");
  const privateRtb = b.routeTable(vpc, `${name}-private`);
  const priv = b.subnet(vpc, { role: "private", prefix: Math.min(24, cidr.prefix + 4), routeTableId: privateRtb });
  const ipv6 = `${subnet6}::${hex4(rng)}`;
  const web = [
    { protocol: "tcp" as const, fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
    { protocol: "tcp" as const, fromPort: 443, toPort: 443, cidrBlock: "::/0" },
  ];
  const instanceName = `web-${rng.int(1, 9)}`;
  // Outbound rules cover IPv6 too (rule SG-03: ::/0 when the VPC has IPv6).
  const outbound = [{ protocol: "all" as const, cidrBlock: "0.0.0.0/0" }, { protocol: "all" as const, cidrBlock: "::/0" }];
  b.instance(priv, { name: instanceName, hostOffset: 10 + rng.int(0, 40), inbound: web, outbound, ipv6 });
  b.setSubnet(priv.id, { ipv6CidrBlock: `${subnet6}::/64` });
  return { base: b.build("ipv6 egress"), rtb: privateRtb, igw, eigw, nat, instanceName, ipv6, internet6: `2600:9000:${hex4(rng)}::${hex4(rng)}` };
}

/** `meant`: the option built to meet the need; it picks which options are shown, analyze decides the key. */
type RouteOption = { readonly destination: string; readonly target: "igw" | "eigw" | "nat"; readonly meant?: true };

const ROUTE_OPTIONS: Readonly<Record<4 | 6, readonly RouteOption[]>> = {
  6: [
    { destination: "::/0", target: "eigw", meant: true },
    { destination: "0.0.0.0/0", target: "eigw" },
    { destination: "::/0", target: "nat" },
    { destination: "0.0.0.0/0", target: "nat" },
  ],
  4: [
    { destination: "0.0.0.0/0", target: "nat", meant: true },
    { destination: "0.0.0.0/0", target: "igw" },
    { destination: "0.0.0.0/0", target: "eigw" },
    { destination: "::/0", target: "eigw" },
    { destination: "::/0", target: "nat" },
  ],
};

function flows(s: Setup, need: Need): { out: Query; in: Query } {
  if (need.family === 6) {
    return {
      out: { from: s.instanceName, to: s.internet6, protocol: "tcp", port: 443 },
      in: { from: s.internet6, to: s.ipv6, protocol: "tcp", port: 443 },
    };
  }
  return { out: { from: s.instanceName, to: "internet", protocol: "tcp", port: 443 }, in: { from: "internet", to: s.instanceName, protocol: "tcp", port: 443 } };
}

/**
 * Why a route meets the requirement or not, by the AWS rule that decides it. analyze still decides the key;
 * generate() throws unless exactly the option meant to work meets the requirement, so these reasons and the
 * verdicts cannot drift apart. In the IPv6 case the VPC has no internet gateway and its NAT gateway is private.
 */
function reasonFor(family: 4 | 6, o: RouteOption): string {
  const v6 = o.destination === "::/0";
  if (family === 6) {
    if (o.target === "eigw") {
      return v6
        ? "An egress-only internet gateway lets IPv6 connections out and their replies back in, and drops connections started from the internet (EIGW-01)."
        : "An egress-only internet gateway carries IPv6 only, and a 0.0.0.0/0 route never matches an IPv6 destination, so the IPv6 request still has no route (EIGW-01, RT-04).";
    }
    return v6
      ? "A NAT gateway does not forward native IPv6 (it translates IPv4, and IPv6 only through NAT64) (NAT-04), and a private NAT gateway has no path to the internet at all (NAT-02)."
      : "A 0.0.0.0/0 route never matches an IPv6 destination (RT-04), and a private NAT gateway has no path to the internet anyway (NAT-02).";
  }
  if (o.target === "nat") {
    return v6
      ? "A ::/0 route never matches the IPv4 downloads (RT-04), and a NAT gateway does not forward native IPv6 (NAT-04)."
      : "A public NAT gateway gives the private instances outbound IPv4 access through its Elastic IP, and the internet cannot open connections through it (NAT-01).";
  }
  if (o.target === "igw") {
    return "The instances have no public IPv4 address, so the internet gateway cannot translate their traffic (IGW-01, IGW-04); private instances need a NAT gateway.";
  }
  return v6
    ? "A ::/0 route never matches the IPv4 downloads, so they still have no route (RT-04)."
    : "An egress-only internet gateway carries IPv6 only, not IPv4 traffic (EIGW-01).";
}

const KIND_NAMES: Readonly<Record<"igw" | "eigw" | "nat" | "private-nat", readonly string[]>> = {
  igw: ["internet gateway", "the VPC's internet gateway", "IGW"],
  eigw: ["egress-only internet gateway", "egress-only IGW", "the VPC's egress-only internet gateway"],
  nat: ["NAT gateway", "public NAT gateway", "NAT gateway in the public subnet"],
  "private-nat": ["private NAT gateway", "NAT gateway, private connectivity", "the VPC's private NAT gateway"],
};

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  // d1: IPv4 behind a NAT gateway; d3: IPv6 with an egress-only gateway (dual-stack reasoning); d2: either.
  const need = difficulty === 1 ? (NEEDS[1] as Need) : difficulty === 3 ? (NEEDS[0] as Need) : rng.pick(NEEDS);
  const setup = buildSetup(rng, need.family === 4);
  const { out, in: inbound } = flows(setup, need);
  const targetId = { igw: setup.igw, eigw: setup.eigw, nat: setup.nat };
  // The shown options: the one meant to work and three others. Only shown options are analysed (both flows
  // on one compiled network per option); exactly one of them must meet the need, per the model.
  const options = ROUTE_OPTIONS[need.family];
  const shownOptions = [...options.filter((o) => o.meant === true), ...rng.sample(options.filter((o) => o.meant !== true), 3)];
  const cache = new NetworkCache();
  const evaluated = shownOptions.map((option) => {
    const topology = addRoute(setup.rtb, option.destination, targetId[option.target])(setup.base);
    const network = buildNetwork(topology, cache);
    const o = analyze(network, out);
    const i = analyze(network, inbound);
    const meets = o.reachable === need.outbound && i.reachable === need.inbound;
    // Each target's name in one of several equivalent phrasings (drawn per option), so that the key's text
    // length is no cue (check-generator's "longest option" check).
    const kind = rng.pick(KIND_NAMES[option.target === "nat" && need.family === 6 ? "private-nat" : option.target]);
    const text = `Route ${option.destination} → ${targetId[option.target]} (${kind}) in ${setup.base.routeTables.find((r) => r.id === setup.rtb)?.name ?? setup.rtb}`;
    const why = reasonFor(need.family, option);
    return { option, text, meets, why, topology, outReachable: o.reachable, inReachable: i.reachable };
  });
  const right = evaluated.filter((e) => e.meets);
  if (right.length !== 1 || right[0]?.option.meant !== true) {
    throw new Error(`${NAME} seed ${seed}: ${right.length} shown route options meet the requirement (expected exactly the one meant to)`);
  }
  const candidates: Candidate[] = evaluated.map((e) => ({ text: e.text, correct: e.meets, why: e.why, proof: `analyze(with this route): outbound ${e.outReachable ? "reachable" : "blocked"}, inbound ${e.inReachable ? "reachable" : "blocked"}` }));
  const stem = `Instances such as ${setup.instanceName} in the private subnet ${need.text}. Which single route in the private subnet's route table achieves this?`;
  return buildQuestion(rng, {
    family: NAME, seed, difficulty, concepts: need.concepts, stem, topology: setup.base, query: out, candidates,
    summary: right[0]!.why, rules: need.family === 6 ? ["EIGW-01", "NAT-02", "NAT-04", "RT-04"] : ["EIGW-01", "IGW-01", "IGW-04", "NAT-01", "NAT-04", "RT-04"],
  });
}

export const ipv6Egress: Family = {
  name: NAME,
  title: "IGW, egress-only IGW or NAT gateway?",
  concepts: ["G1", "G3"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
