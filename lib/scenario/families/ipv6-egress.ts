// ipv6-egress: internet gateway vs egress-only internet gateway vs NAT gateway, and the security-group and
// network-ACL rules IPv6 traffic needs. Each template states a requirement as flows that must or must not
// get through (outbound to the internet, inbound from it, over IPv4 or IPv6); each option is a change to the
// shown setup (a route, an SG rule, a NACL rule); lib/net's analyze runs every flow for every option, and the
// key is the one option whose verdicts meet the requirement (rules EIGW-01, IGW-01, IGW-04, NAT-01, NAT-02,
// NAT-04, RT-04, SG-02, ACL-02). generate() throws unless exactly the option meant to work meets it, so the
// reasons written per option and the model's verdicts cannot drift apart.
import { analyze, buildNetwork, NetworkCache, type Query, type Topology } from "../../net/index";
import { buildQuestion } from "../build-question";
import { traceLines } from "../reach-question";
import { repeatsWhatIsThere } from "../near-misses";
import type { Family } from "../family";
import { accountId, carveVpcCidrs, distinctNames, ipv6Text, publicIp, region, VPC_NAMES } from "../names";
import type { Candidate } from "../options";
import type { Difficulty, Question } from "../question";
import { forkedRng, type Rng } from "../rng";
import { TopologyBuilder } from "../topology-builder";
import {
  addRoute,
  setNacl,
  setSecurityGroupInbound,
  setSecurityGroupOutbound,
  type Edit,
} from "../topology-edits";
import type * as T from "../../net/index";
import type { ProofSink } from "../proofs";

const NAME = "ipv6-egress";

type Setup = {
  base: Topology;
  rtb: string;
  rtbName: string;
  igw: string;
  eigw: string;
  nat: string;
  sg: string;
  acl?: string | undefined;
  instanceName: string;
  ipv6: string;
  internet6: string;
  subnetName: string;
  /** What the instances reach the internet for, "download OS updates" (drawn from its own stream, from the service's purposes). */
  purpose: string;
  /** The service the instances call on the internet (drawn from its own stream, see SERVICES). */
  service: Service;
  /** The port the instances accept connections on (their SG's inbound rules; the inbound flows' port). */
  listen: number;
};

/** A well-known TCP service the instances reach on the internet; its purposes are what a stem says they do with it. */
type Service = {
  readonly name: string;
  readonly port: number;
  readonly purposes: readonly string[];
};

/** "HTTPS, TCP 443": how stems name the service. */
function serviceText(svc: Service): string {
  return `${svc.name}, TCP ${svc.port}`;
}

type SetupSpec = {
  /** An internet gateway in the VPC (and a public NAT gateway); without one the NAT gateway is private. */
  readonly igw: boolean;
  readonly publicIpv4?: boolean;
  /** SG outbound rules for IPv4 only (the IPv6 rule forgotten). */
  readonly sgIpv4Only?: boolean;
  /** A custom NACL whose inbound rules cover IPv4 replies only. */
  readonly aclIpv4RepliesOnly?: boolean;
  /** A custom NACL that lets IPv6 replies in but whose outbound rules cover IPv4 requests only. */
  readonly aclIpv4RequestsOnly?: boolean;
  /** The subnet already routes ::/0 to the egress-only internet gateway. */
  readonly eigwRoute?: boolean;
  readonly role: "private" | "web";
};

function hex4(rng: Rng): string {
  return rng.int(1, 0xffff).toString(16);
}

const ANY4 = "0.0.0.0/0";
const ANY6 = "::/0";

function buildSetup(rng: Rng, spec: SetupSpec, purpose: string, service: Service, listen: number): Setup {
  const home = region(rng);
  const b = new TopologyBuilder(rng, home.code);
  const [cidr] = carveVpcCidrs(rng, [rng.pick([16, 18, 20])]);
  if (!cidr) throw new Error("no cidr");
  const v6prefix = `2600:1f${rng.int(16, 31).toString(16)}:${hex4(rng)}:${rng.int(0, 255).toString(16)}00`;
  // The instances' subnet's /64: the /56 prefix's last "00" becomes "01" (a slice, not a regex replace twice).
  const subnet6 = `${v6prefix.slice(0, -2)}01`;
  const [name] = distinctNames(rng, VPC_NAMES, 1) as [string];
  const vpc = b.vpc({
    name,
    cidr,
    region: home.code,
    accountId: accountId(rng),
    azs: home.azs,
    ipv6Cidr: ipv6Text(`${v6prefix}::/56`),
  });
  // Without an IGW the id still names a gateway that is not in the VPC: the option is then a blackhole route.
  const igw = spec.igw ? b.internetGateway(vpc) : b.id("igw");
  const eigw = b.egressOnlyInternetGateway(vpc);
  const publicRtb = b.routeTable(vpc, `${name}-${spec.igw ? "public" : "nat"}`);
  const pub = b.subnet(vpc, {
    role: spec.igw ? "public" : "nat",
    prefix: Math.min(24, cidr.prefix + 4),
    routeTableId: publicRtb,
  });
  if (spec.igw) b.route(publicRtb, ANY4, igw);
  const natIp = publicIp(rng);
  const nat = b.natGateway(pub, natIp, spec.igw ? "public" : "private");
  const rtbName = `${name}-${spec.role}`;
  const rtb = b.routeTable(vpc, rtbName);
  if (spec.eigwRoute === true) b.route(rtb, ANY6, eigw);
  let acl: string | undefined;
  if (spec.aclIpv4RepliesOnly === true || spec.aclIpv4RequestsOnly === true) {
    const all = (ruleNumber: number, cidrBlock: string, fromPort: number, toPort: number): T.NaclRule => ({
      ruleNumber,
      protocol: "tcp",
      fromPort,
      toPort,
      cidrBlock,
      action: "allow",
    });
    acl = b.networkAcl(
      vpc,
      `${name}-${spec.role}-acl`,
      spec.aclIpv4RequestsOnly === true
        ? [all(100, ANY4, 1024, 65535), all(101, ANY6, 1024, 65535)]
        : [all(100, ANY4, 1024, 65535)],
      spec.aclIpv4RequestsOnly === true
        ? [all(100, ANY4, service.port, service.port)]
        : [all(100, ANY4, service.port, service.port), all(101, ANY6, service.port, service.port)],
    );
  }
  const inst = b.subnet(vpc, {
    role: spec.role,
    prefix: Math.min(24, cidr.prefix + 4),
    routeTableId: rtb,
    networkAclId: acl,
  });
  const ipv6 = ipv6Text(`${subnet6}::${hex4(rng)}`);
  const web = [
    { protocol: "tcp" as const, fromPort: listen, toPort: listen, cidrBlock: ANY4 },
    { protocol: "tcp" as const, fromPort: listen, toPort: listen, cidrBlock: ANY6 },
  ];
  const instanceName = `web-${rng.int(1, 9)}`;
  // Outbound rules cover IPv6 too (rule SG-03: ::/0 when the VPC has IPv6), unless the template forgets it.
  const outbound =
    spec.sgIpv4Only === true
      ? [{ protocol: "all" as const, cidrBlock: ANY4 }]
      : [
          { protocol: "all" as const, cidrBlock: ANY4 },
          { protocol: "all" as const, cidrBlock: ANY6 },
        ];
  const handle = b.instance(inst, {
    name: instanceName,
    hostOffset: 10 + rng.int(0, 40),
    inbound: web,
    outbound,
    ipv6,
    // Undefined keys rather than conditional spreads (V8's slow path); the builder skips them.
    publicIp: spec.publicIpv4 === true ? publicIp(rng, [natIp]) : undefined,
  });
  b.setSubnet(inst.id, { ipv6CidrBlock: ipv6Text(`${subnet6}::/64`) });
  return {
    base: b.build("ipv6 egress"),
    rtb,
    rtbName,
    igw,
    eigw,
    nat,
    sg: handle.sgId,
    acl,
    instanceName,
    ipv6,
    internet6: `2600:9000:${hex4(rng)}::${hex4(rng)}`,
    subnetName: `${name}-${spec.role}`,
    purpose,
    service,
    listen,
  };
}

type Flow = "out4" | "out6" | "in4" | "in6";

function query(s: Setup, flow: Flow): Query {
  switch (flow) {
    case "out4":
      return { from: s.instanceName, to: "internet", protocol: "tcp", port: s.service.port };
    case "in4":
      return { from: "internet", to: s.instanceName, protocol: "tcp", port: s.listen };
    case "out6":
      return { from: s.instanceName, to: s.internet6, protocol: "tcp", port: s.service.port };
    case "in6":
      return { from: s.internet6, to: s.ipv6, protocol: "tcp", port: s.listen };
  }
}

/** A change offered as an option: its text, the edit analyze checks, and the AWS reason it works or not. */
type Change = {
  readonly text: (s: Setup, kind: string) => string;
  readonly edit: (s: Setup) => Edit;
  /** A function of the setup where the reason names the service's port. */
  readonly why: string | ((s: Setup) => string);
  /** A route option's target, named in one of several equivalent phrasings. */
  readonly target?: "igw" | "eigw" | "nat";
  readonly meant?: true;
};

type Template = {
  readonly id: string;
  readonly spec: SetupSpec;
  /** Flows that must get through (true) or must not (false). */
  readonly need: Readonly<Partial<Record<Flow, boolean>>>;
  /** The situation; `difficulty` lets a template drop scaffolding a harder question leaves to the exhibit. */
  readonly stem: (s: Setup, difficulty: Difficulty) => string;
  readonly question: string;
  /** The meant change first; three others are drawn from the rest. */
  readonly changes: readonly Change[];
  readonly rules: readonly string[];
  readonly concepts: readonly string[];
  /**
   * The services the template may draw beyond d1 (d1 always asks about HTTPS). A port inside 1024-65535 (8443) only
   * where no option is an ephemeral-port rule: such a rule would then also match the requests.
   */
  readonly services: readonly Service[];
};

/**
 * Labels for a gateway kind. One is drawn per kind per question and every option naming that gateway uses it: a
 * question calling the same internet gateway "(IGW)" in one option and "(the VPC's internet gateway)" in another
 * lets the odd one out cue the key. Drawn per kind, not one style for all, so label length still varies across
 * questions and the key's length is no cue (check-generator's "longest" check).
 */
const KIND_NAMES: Readonly<Record<"igw" | "eigw" | "nat" | "private-nat", readonly string[]>> = {
  igw: ["internet gateway", "the VPC's internet gateway", "IGW"],
  eigw: ["egress-only internet gateway", "egress-only IGW", "the VPC's egress-only internet gateway"],
  nat: ["NAT gateway", "public NAT gateway", "NAT gateway in the public subnet"],
  "private-nat": [
    "private NAT gateway",
    "NAT gateway, private connectivity",
    "the VPC's private NAT gateway",
  ],
};

/** A route option; the target's name is drawn per question (see generate) so that the key's length is no cue. */
function route(destination: string, target: "igw" | "eigw" | "nat", why: string, meant?: true): Change {
  return {
    text: (s, kind) => `Route ${destination} → ${s[target]} (${kind}) in ${s.rtbName}`,
    edit: (s) => addRoute(s.rtb, destination, s[target]),
    why,
    target,
    ...(meant ? { meant } : {}),
  };
}

/**
 * Two routes at once, for a dual-stack requirement. Every option of the template names each gateway the same
 * short way, so no label is the odd one out, and the key (NAT gateway + egress-only IGW) is not the longest.
 */
const PAIR_NAMES: Readonly<Record<"igw" | "eigw" | "nat", string>> = {
  igw: "internet gateway",
  eigw: "egress-only IGW",
  nat: "NAT gateway",
};
function routePair(
  v4: "igw" | "eigw" | "nat",
  v6: "igw" | "eigw" | "nat",
  why: string,
  meant?: true,
): Change {
  return {
    text: (s) =>
      `Routes ${ANY4} → ${s[v4]} (${PAIR_NAMES[v4]}) and ${ANY6} → ${s[v6]} (${PAIR_NAMES[v6]}) in ${s.rtbName}`,
    edit: (s) => (t) => addRoute(s.rtb, ANY6, s[v6])(addRoute(s.rtb, ANY4, s[v4])(t)),
    why,
    ...(meant ? { meant } : {}),
  };
}

const tcpRule = (cidrBlock: string, fromPort: number, toPort: number): T.SgRule => ({
  protocol: "tcp",
  fromPort,
  toPort,
  cidrBlock,
});
const aclRule = (ruleNumber: number, cidrBlock: string, fromPort: number, toPort: number): T.NaclRule => ({
  ruleNumber,
  protocol: "tcp",
  fromPort,
  toPort,
  cidrBlock,
  action: "allow",
});

function withSgOutbound(extra: T.SgRule): (s: Setup) => Edit {
  return (s) => (t) => {
    const sg = t.securityGroups.find((g) => g.id === s.sg);
    return setSecurityGroupOutbound(s.sg, [...(sg?.outbound ?? []), extra])(t);
  };
}

function withSgInbound(extra: T.SgRule): (s: Setup) => Edit {
  return (s) => (t) => {
    const sg = t.securityGroups.find((g) => g.id === s.sg);
    return setSecurityGroupInbound(s.sg, [...(sg?.inbound ?? []), extra])(t);
  };
}

function withAcl(side: "inbound" | "outbound", extra: T.NaclRule): (s: Setup) => Edit {
  return (s) => (t) => {
    const acl = t.networkAcls.find((a) => a.id === s.acl);
    return setNacl(s.acl ?? "", { [side]: [...(acl?.[side] ?? []), extra] })(t);
  };
}

/** The VPC's IPv6 block as the exhibit shows it. */
function vpcIpv6(s: Setup): string {
  return s.base.vpcs[0]?.ipv6CidrBlocks[0] ?? ANY6;
}

/** What the instances go out to the internet for, per service: the stems name it, so two seeds of one template read differently. */
const HTTPS: Service = {
  name: "HTTPS",
  port: 443,
  purposes: [
    "download OS updates",
    "pull container images from a public registry",
    "call a partner's HTTPS API",
    "send metrics to an external monitoring service",
    "fetch packages from public repositories",
    "upload logs to a third-party service",
    "check software licences with the vendor's server",
    "reach services on the internet",
  ],
};
const HTTP: Service = {
  name: "HTTP",
  port: 80,
  purposes: [
    "download OS updates from a public package mirror",
    "fetch packages from public repositories",
    "call a partner's legacy web service",
    "download files from a vendor's website",
  ],
};
/** An HTTPS API on a non-standard port: 8443 lies inside 1024-65535, so see Template.services. */
const API_8443: Service = {
  name: "HTTPS API",
  port: 8443,
  purposes: [
    "call a partner's API",
    "send metrics to an external monitoring service",
    "check software licences with the vendor's server",
    "upload logs to a third-party service",
  ],
};
const SSH: Service = {
  name: "SSH",
  port: 22,
  purposes: [
    "pull source code from an external Git server",
    "copy backups to an off-site server",
    "exchange files with a partner's SFTP server",
  ],
};
/** Route questions: the port shows in the stem only; no option is a port rule. */
const ROUTE_SERVICES: readonly Service[] = [HTTPS, HTTP, API_8443, SSH];
/** Servers that accept connections from the internet: web services only. */
const SERVER_SERVICES: readonly Service[] = [HTTPS, HTTP, API_8443];
/** SG and NACL questions, whose options include ephemeral-port rules (1024-65535): ports below 1024 only. */
const RULE_SERVICES: readonly Service[] = [HTTPS, HTTP, SSH];

const TEMPLATES: readonly Template[] = [
  {
    id: "eigw-outbound-only",
    spec: { igw: false, role: "private" },
    need: { out6: true, in6: false },
    // At difficulty 1 the stem names the private NAT gateway and the policy; at 2 the exhibit has to be read
    // (the VPC has no internet gateway; the NAT gateway's connectivity type is in its table).
    stem: (s, difficulty) =>
      `Instances such as ${s.instanceName} in the private subnet must ${s.purpose} over IPv6${difficulty === 1 ? "" : ` (${serviceText(s.service)})`}, but nothing on the internet may open connections to them${difficulty === 1 ? ` (a security policy also forbids an internet gateway in this VPC, though not an egress-only internet gateway; its NAT gateway ${s.nat} is a private NAT gateway)` : ""}.`,
    question: "Which single route in the private subnet's route table achieves this?",
    changes: [
      route(
        ANY6,
        "eigw",
        "An egress-only internet gateway lets IPv6 connections out and their replies back in, and drops connections started from the internet (EIGW-01).",
        true,
      ),
      route(
        ANY4,
        "eigw",
        "An egress-only internet gateway is IPv6-only: AWS does not accept a route with an IPv4 destination such as 0.0.0.0/0 to it, since CreateRoute takes an egress-only gateway for IPv6 traffic only (EIGW-01); the IPv6 request needs a ::/0 route, and 0.0.0.0/0 never matches an IPv6 destination (RT-04).",
      ),
      route(
        ANY6,
        "nat",
        "A NAT gateway does not forward native IPv6 traffic: it translates IPv4, and IPv6 only as NAT64 for the 64:ff9b::/96 prefix with DNS64 (NAT-04); and this private NAT gateway gives no internet access: an internet gateway drops traffic routed to it from a private NAT gateway, and this VPC has none (NAT-02).",
      ),
      route(
        ANY4,
        "nat",
        "A 0.0.0.0/0 route never matches an IPv6 destination (RT-04); and this private NAT gateway gives no internet access anyway: an internet gateway drops traffic routed to it from a private NAT gateway, and this VPC has none (NAT-02).",
      ),
    ],
    rules: ["EIGW-01", "NAT-02", "NAT-04", "RT-04"],
    concepts: ["G1", "G3"],
    services: ROUTE_SERVICES,
  },
  {
    // The same IPv6 egress need in a VPC that has an internet gateway: the trap is ::/0 to it, which lets the
    // internet open connections over IPv6 (IPv6 addresses need no translation).
    id: "eigw-outbound-beside-igw",
    spec: { igw: true, role: "private" },
    need: { out6: true, in6: false },
    // At difficulty 1 the stem points at the internet gateway; at 2 the exhibit has to be read.
    stem: (s, difficulty) =>
      `Instances such as ${s.instanceName} (${s.ipv6}) in the private subnet must ${s.purpose} over IPv6${difficulty === 1 ? "" : ` (${serviceText(s.service)})`}, and nothing on the internet may open connections to them.${difficulty === 1 ? ` The VPC's public subnet already routes 0.0.0.0/0 to internet gateway ${s.igw}.` : ""}`,
    question: "Which single route in the private subnet's route table achieves this?",
    changes: [
      route(
        ANY6,
        "eigw",
        "An egress-only internet gateway lets IPv6 connections out and their replies back in, and drops connections started from the internet (EIGW-01).",
        true,
      ),
      route(
        ANY6,
        "igw",
        "IPv6 addresses are globally unique and need no translation, so with ::/0 pointing at the internet gateway, clients on the internet can open connections to the instances over IPv6 (IGW-01); the egress-only internet gateway is the IPv6 way out that admits only replies (EIGW-01).",
      ),
      route(
        ANY6,
        "nat",
        "A NAT gateway does not forward native IPv6 traffic: it translates IPv4, and IPv6 only as NAT64 for the 64:ff9b::/96 prefix with DNS64 (NAT-04).",
      ),
      route(
        ANY4,
        "nat",
        "A 0.0.0.0/0 route never matches an IPv6 destination, so the IPv6 connections still have no route (RT-04).",
      ),
      route(
        ANY4,
        "eigw",
        "An egress-only internet gateway is IPv6-only: AWS does not accept a route with an IPv4 destination such as 0.0.0.0/0 to it, since CreateRoute takes an egress-only gateway for IPv6 traffic only (EIGW-01); the IPv6 connections need a ::/0 route (RT-04).",
      ),
    ],
    rules: ["EIGW-01", "IGW-01", "NAT-04", "RT-04"],
    concepts: ["G1", "G3"],
    services: ROUTE_SERVICES,
  },
  {
    // At d2 the outbound question is dual-stack, so it tests IPv6 rather than repeating d1's IPv4 one.
    id: "dual-stack-outbound",
    spec: { igw: true, role: "private" },
    need: { out4: true, out6: true, in4: false, in6: false },
    stem: (s) =>
      `Instances such as ${s.instanceName} (${s.ipv6}) in the private subnet are dual-stack: they have IPv6 addresses but no public IPv4 addresses. They must ${s.purpose} over both IPv4 and IPv6 (${serviceText(s.service)}), and nothing on the internet may open connections to them.`,
    question: "Which pair of routes in the private subnet's route table achieves this?",
    changes: [
      routePair(
        "nat",
        "eigw",
        "IPv4 leaves through the NAT gateway's Elastic IP (NAT-01) and IPv6 through the egress-only internet gateway (EIGW-01); neither lets the internet open a connection to the instances.",
        true,
      ),
      routePair(
        "nat",
        "igw",
        "IPv6 addresses are globally unique and need no translation, so with ::/0 pointing at the internet gateway, clients on the internet can open connections to the instances over IPv6 (IGW-01); the egress-only internet gateway is the IPv6 way out that admits only replies (EIGW-01).",
      ),
      routePair(
        "igw",
        "eigw",
        "The instances have no public IPv4 address, so the internet gateway cannot translate their IPv4 traffic (IGW-01, IGW-04); private instances need a NAT gateway for IPv4.",
      ),
      routePair(
        "nat",
        "nat",
        "A NAT gateway does not forward native IPv6: it translates IPv4, and IPv6 only as NAT64 for the 64:ff9b::/96 prefix with DNS64 (NAT-04), so the IPv6 connections fail.",
      ),
      routePair(
        "eigw",
        "nat",
        "The targets are swapped: an egress-only internet gateway carries IPv6 only, and AWS does not accept a 0.0.0.0/0 route to it (EIGW-01); a NAT gateway does not forward native IPv6 (NAT-04).",
      ),
    ],
    rules: ["EIGW-01", "IGW-01", "IGW-04", "NAT-01", "NAT-04"],
    concepts: ["G1", "G3"],
    services: ROUTE_SERVICES,
  },
  {
    id: "igw-inbound-ipv6",
    spec: { igw: true, role: "web" },
    need: { in6: true, out6: true },
    stem: (s) =>
      `Web servers such as ${s.instanceName} (${s.ipv6}) in subnet ${s.subnetName} must accept ${s.service.name} connections (TCP ${s.service.port}) that IPv6 clients on the internet open to them, and must also reach IPv6 services themselves.`,
    question: "Which single route in the subnet's route table achieves this?",
    changes: [
      route(
        ANY6,
        "igw",
        "An internet gateway carries IPv6 both ways: with ::/0 pointing at it, internet clients can open connections to the instances' IPv6 addresses and the replies go back out (IGW-01).",
        true,
      ),
      route(
        ANY4,
        "igw",
        "A 0.0.0.0/0 route never matches IPv6 destinations, so the IPv6 replies and requests have no route (RT-04).",
      ),
      // The expert's trap: the right address family and a gateway that lets the instances out, but it admits no
      // connection opened from the internet (EIGW-01). Always offered (the template has exactly three wrong
      // changes); analyze proves it fails the inbound requirement.
      route(
        ANY6,
        "eigw",
        "An egress-only internet gateway is for the IPv6 connections the instances start: it stops clients on the internet from opening connections through it (EIGW-01). A server that must accept connections from the internet needs the internet gateway as its ::/0 route (IGW-01).",
      ),
      route(
        ANY6,
        "nat",
        "A NAT gateway does not forward native IPv6 (NAT-04), and no one on the internet can open a connection through a NAT gateway (NAT-01).",
      ),
    ],
    rules: ["EIGW-01", "IGW-01", "NAT-01", "NAT-04", "RT-04"],
    concepts: ["G1", "G3"],
    services: SERVER_SERVICES,
  },
  {
    id: "sg-ipv6-outbound",
    spec: { igw: false, role: "private", eigwRoute: true, sgIpv4Only: true },
    need: { out6: true, in6: false },
    stem: (s) =>
      `Instances such as ${s.instanceName} (${s.ipv6}) in the private subnet must ${s.purpose} over IPv6 (${serviceText(s.service)}). The subnet routes ::/0 to egress-only internet gateway ${s.eigw}, yet the connections never leave the instance.`,
    question:
      "Which single change makes them work, still without letting the internet open connections to the instances?",
    changes: [
      {
        text: (s) => `Add an outbound rule to ${s.sg} allowing TCP ${s.service.port} to ::/0`,
        edit: (s) => withSgOutbound(tcpRule(ANY6, s.service.port, s.service.port))(s),
        why: "The security group's only outbound rule covers 0.0.0.0/0; IPv6 traffic needs its own ::/0 rule (SG-03), and the reply then comes back because security groups are stateful (SG-02).",
        meant: true,
      },
      {
        text: (s) => `Add an inbound rule to ${s.sg} allowing TCP 1024-65535 from ::/0 for the replies`,
        edit: withSgInbound(tcpRule(ANY6, 1024, 65535)),
        why: "Security groups are stateful, so replies need no inbound rule (SG-02); the request itself is what the missing outbound ::/0 rule stops (SG-03).",
      },
      // Not an inbound rule for the service's port from ::/0: the group already has one (shown in the exhibit).
      {
        text: (s) => `Add an outbound rule to ${s.sg} allowing TCP 1024-65535 to ::/0`,
        edit: withSgOutbound(tcpRule(ANY6, 1024, 65535)),
        why: (s) =>
          `The requests go to port ${s.service.port} on the servers; 1024-65535 are the instances' own ephemeral ports, where the replies arrive, so this rule does not match the requests (SG-03).`,
      },
      // An IPv6 rule, but for the VPC's own block: not the impossible 0.0.0.0/0 → egress-only route (AWS
      // refuses it outright, so it tests nothing at difficulty 3).
      {
        text: (s) => `Add an outbound rule to ${s.sg} allowing TCP ${s.service.port} to ${vpcIpv6(s)}`,
        edit: (s) => withSgOutbound(tcpRule(vpcIpv6(s), s.service.port, s.service.port))(s),
        why: "That is the VPC's own IPv6 block; the internet services' addresses lie outside it, so the instances' requests still match no outbound rule (SG-03).",
      },
    ],
    rules: ["EIGW-01", "SG-02", "SG-03"],
    concepts: ["G3", "S1"],
    services: RULE_SERVICES,
  },
  {
    id: "nacl-ipv6-replies",
    spec: { igw: false, role: "private", eigwRoute: true, aclIpv4RepliesOnly: true },
    need: { out6: true, in6: false },
    stem: (s) =>
      `Instances such as ${s.instanceName} (${s.ipv6}) in the private subnet must ${s.purpose} over IPv6 (${serviceText(s.service)}). The subnet routes ::/0 to egress-only internet gateway ${s.eigw} and has its own network ACL ${s.acl ?? ""}; IPv6 connections time out.`,
    question:
      "Which single change makes them work, still without letting the internet open connections to the instances?",
    changes: [
      {
        text: (s) => `Add inbound rule 110 to ${s.acl ?? ""} allowing TCP 1024-65535 from ::/0`,
        edit: withAcl("inbound", aclRule(110, ANY6, 1024, 65535)),
        why: "The egress-only gateway is stateful and lets the replies in, but the network ACL is stateless: the IPv6 replies to the instances' ephemeral ports need their own inbound ::/0 rule (ACL-02, ACL-08).",
        meant: true,
      },
      {
        text: (s) => `Add an inbound rule to ${s.sg} allowing TCP 1024-65535 from ::/0`,
        edit: withSgInbound(tcpRule(ANY6, 1024, 65535)),
        why: "The security group already lets the replies back because it is stateful (SG-02); the stateless network ACL is what drops them (ACL-02).",
      },
      {
        text: (s) => `Add inbound rule 110 to ${s.acl ?? ""} allowing TCP ${s.service.port} from ::/0`,
        edit: (s) => withAcl("inbound", aclRule(110, ANY6, s.service.port, s.service.port))(s),
        why: (s) =>
          `The replies come back to the instances' ephemeral ports, not to port ${s.service.port}, so this rule does not match them (ACL-08).`,
      },
      {
        text: (s) => `Add outbound rule 110 to ${s.acl ?? ""} allowing TCP 1024-65535 to ::/0`,
        edit: withAcl("outbound", aclRule(110, ANY6, 1024, 65535)),
        why: "The requests already leave under outbound rule 101; it is the replies coming in that no inbound rule allows (ACL-02, ACL-08).",
      },
    ],
    rules: ["ACL-02", "ACL-08", "EIGW-01", "SG-02"],
    concepts: ["G3", "S1"],
    services: RULE_SERVICES,
  },
  {
    // A second NACL fault at d3, on the other leg: the replies are allowed in, the requests not out.
    id: "nacl-ipv6-requests",
    spec: { igw: false, role: "private", eigwRoute: true, aclIpv4RequestsOnly: true },
    need: { out6: true, in6: false },
    stem: (s) =>
      `Instances such as ${s.instanceName} (${s.ipv6}) in the private subnet must ${s.purpose} over IPv6 (${serviceText(s.service)}). The subnet routes ::/0 to egress-only internet gateway ${s.eigw} and has its own network ACL ${s.acl ?? ""}; IPv6 connections time out.`,
    question:
      "Which single change makes them work, still without letting the internet open connections to the instances?",
    changes: [
      {
        text: (s) => `Add outbound rule 101 to ${s.acl ?? ""} allowing TCP ${s.service.port} to ::/0`,
        edit: (s) => withAcl("outbound", aclRule(101, ANY6, s.service.port, s.service.port))(s),
        why: "A network ACL checks the requests as they leave the subnet too, and its only numbered outbound allow rule covers 0.0.0.0/0: IPv6 requests need an outbound ::/0 rule of their own; the replies already come in under inbound rule 101 (ACL-01, ACL-02).",
        meant: true,
      },
      {
        text: (s) => `Add an outbound rule to ${s.sg} allowing TCP ${s.service.port} to ::/0`,
        edit: (s) => withSgOutbound(tcpRule(ANY6, s.service.port, s.service.port))(s),
        why: "The security group's outbound rules already cover ::/0 (SG-03); it is the subnet's network ACL that has no outbound rule for IPv6 (ACL-01).",
      },
      {
        text: (s) => `Add inbound rule 110 to ${s.acl ?? ""} allowing TCP ${s.service.port} from ::/0`,
        edit: (s) => withAcl("inbound", aclRule(110, ANY6, s.service.port, s.service.port))(s),
        why: (s) =>
          `An inbound rule for port ${s.service.port} would admit connections opened from the internet, which the egress-only gateway drops anyway (EIGW-01); the instances' requests leave through the outbound rules, which cover 0.0.0.0/0 only (ACL-01).`,
      },
      {
        text: (s) => `Add outbound rule 101 to ${s.acl ?? ""} allowing TCP 1024-65535 to ::/0`,
        edit: withAcl("outbound", aclRule(101, ANY6, 1024, 65535)),
        why: (s) =>
          `The requests go to port ${s.service.port} on the servers; 1024-65535 are the instances' own ephemeral ports, where the replies arrive, so this rule does not match the requests (ACL-08).`,
      },
    ],
    rules: ["ACL-01", "ACL-02", "ACL-08", "EIGW-01", "SG-03"],
    concepts: ["G3", "S1"],
    services: RULE_SERVICES,
  },
];

// Every template is about IPv6 egress (the family's subject; an examiner found pure IPv4 NAT and IGW items here):
// d1: the egress-only gateway for IPv6, in a VPC without an internet gateway or beside one (the ::/0 → IGW trap);
// d2: the same route questions with less scaffolding, a dual-stack pair of routes (IPv4 through NAT, IPv6 through
// the egress-only gateway) and the inbound IPv6 design (when an egress-only gateway is the wrong choice); d3: the
// SG and NACL rules IPv6 traffic needs beside a route that is already right (two interacting facts: the
// egress-only gateway is stateful, the ACL is not; the IPv4 SG rule does not cover IPv6), plus the inbound IPv6
// design. Complexity by level in docs/quiz-format.md.
const BY_LEVEL: Readonly<Record<Difficulty, readonly string[]>> = {
  1: ["eigw-outbound-beside-igw", "eigw-outbound-only"],
  2: [
    "eigw-outbound-only",
    "igw-inbound-ipv6",
    "dual-stack-outbound",
    "eigw-outbound-beside-igw",
    "dual-stack-outbound",
  ],
  3: [
    "sg-ipv6-outbound",
    "nacl-ipv6-replies",
    "nacl-ipv6-requests",
    "sg-ipv6-outbound",
    "nacl-ipv6-replies",
    "igw-inbound-ipv6",
  ],
};

function whyOf(c: Change, s: Setup): string {
  return typeof c.why === "string" ? c.why : c.why(s);
}

/** Each option is judged by verdicts only: a blocked flow's walk may stop at its first blocker. */
const VERDICT = { firstBlocker: true } as const;

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  const id = rng.pick(BY_LEVEL[difficulty]);
  const template = TEMPLATES.find((t) => t.id === id) as Template;
  // The service and the purpose have their own streams: drawing them from `rng` would shift every later draw of
  // the question. d1 keeps to HTTPS (its stems name no port); the purpose is then drawn as before.
  const service = difficulty === 1 ? HTTPS : forkedRng(seed, `${NAME}/service`).pick(template.services);
  const listen = template.id === "igw-inbound-ipv6" ? service.port : HTTPS.port;
  const setup = buildSetup(
    rng,
    template.spec,
    forkedRng(seed, `${NAME}/purpose`).pick(service.purposes),
    service,
    listen,
  );
  const flows = (Object.keys(template.need) as Flow[]).map((flow) => ({
    flow,
    q: query(setup, flow),
    must: template.need[flow] === true,
  }));
  const meant = template.changes.filter((c) => c.meant === true);
  // Each change's setup, made once: the filter below and the option's analyses read the same object.
  const edited = new Map<Change, Topology>();
  const withChange = (c: Change): Topology => {
    let t = edited.get(c);
    if (t === undefined) edited.set(c, (t = c.edit(setup)(setup.base)));
    return t;
  };
  // Never a wrong option that adds what the exhibit already shows (a rule the group already has).
  const shown = [
    ...meant,
    ...rng.sample(
      template.changes.filter((c) => c.meant !== true && !repeatsWhatIsThere(setup.base, withChange(c))),
      3,
    ),
  ];
  const cache = new NetworkCache();
  const labels = new Map<string, string>();
  const evaluated = shown.map((change) => {
    const names =
      change.target === undefined
        ? undefined
        : KIND_NAMES[change.target === "nat" && !template.spec.igw ? "private-nat" : change.target];
    // Drawn as before, once per option, but the first draw for a kind is the one every option of that kind uses.
    const drawn = names !== undefined ? rng.pick(names) : "";
    const kind = change.target === undefined ? "" : (labels.get(change.target) ?? drawn);
    if (change.target !== undefined && !labels.has(change.target)) labels.set(change.target, drawn);
    const network = buildNetwork(withChange(change), cache);
    // One flow with the wrong verdict settles a wrong option; the flows after it are analysed only for a
    // caller that wants each option's proof (it lists every flow).
    const verdicts: { flow: Flow; reachable: boolean; must: boolean }[] = [];
    for (const f of flows) {
      const reachable = analyze(network, f.q, VERDICT).reachable;
      verdicts.push({ flow: f.flow, reachable, must: f.must });
      if (reachable !== f.must && proofs === undefined) break;
    }
    return {
      change,
      text: change.text(setup, kind),
      meets: verdicts.every((v) => v.reachable === v.must),
      verdicts,
    };
  });
  const right = evaluated.filter((e) => e.meets);
  if (right.length !== 1 || right[0]?.change.meant !== true) {
    throw new Error(
      `${NAME} seed ${seed}: ${right.length} shown options meet the requirement of ${template.id} (expected exactly the one meant to)`,
    );
  }
  const candidates: Candidate[] = evaluated.map((e) => ({
    text: e.text,
    correct: e.meets,
    why: whyOf(e.change, setup),
    proof: `analyze(with this change): ${e.verdicts.map((v) => `${v.flow} ${v.reachable ? "reachable" : "blocked"} (needed ${v.must ? "reachable" : "blocked"})`).join(", ")}`,
  }));
  const primary = flows.find((f) => f.must)?.q ?? query(setup, "out4");
  return buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: template.concepts,
    stem: `${template.stem(setup, difficulty)} ${template.question}`,
    topology: setup.base,
    query: primary,
    candidates,
    summary: whyOf(right[0].change, setup),
    // How far the required flow gets in the shown setup, and where it stops.
    trace: traceLines(analyze(setup.base, primary, { cache })),
    cache,
  });
}

export const ipv6Egress: Family = {
  name: NAME,
  title: "IGW, egress-only IGW or NAT gateway?",
  concepts: ["G1", "G3", "S1"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
