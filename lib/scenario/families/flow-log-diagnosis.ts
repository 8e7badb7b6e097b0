// flow-log-diagnosis: the model produces the flow-log records of a connection attempt over a topology with
// one hidden misconfiguration; which side and which layer is wrong? The key is read from the model's first
// blocker (which component, which direction, which side of a NACL), never from the chosen fault; the records
// are the model's. Three settings give different record patterns: a client and a server in peered VPCs
// (IPv4), the same in one dual-stack VPC over IPv6 (d2), and (d3) a private instance going out through a NAT
// gateway, where the NAT gateway's own ENI logs the forwarded request and the reply (AWS "Flow log record
// examples", NAT gateway section).
// rules ORD-03..ORD-05: a rejected reply can only be a NACL; a rejected request can be SG or NACL.
import {
  analyze,
  formatFlowLogRecord,
  primaryEniIdFor,
  type FlowLogRecord,
  INTERNET_SERVER_IP,
  type Analysis,
  type Blocker,
  type Query,
  type Topology,
} from "../../net/index";
import { DEFAULT_FLOW_LOG_NOW } from "../../net/flow-logs";
import { CLIENT_EPHEMERAL_PORT } from "../../net/query";
import { decidingSentence } from "../rule-sentences";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { accountId, carveVpcCidrs, cidrText, distinctNames, publicIp, region, VPC_NAMES } from "../names";
import type { Difficulty, Question } from "../question";
import { createRng, forkedRng, type Rng } from "../rng";
import { TopologyBuilder } from "../topology-builder";
import { setNacl, setSecurityGroupInbound, setSecurityGroupOutbound } from "../topology-edits";
import { buildNaclPair, tcp, type NaclPair } from "./filtering";
import { withArticle } from "../article";
import { lowerInitial } from "../lower-initial";
import type { ProofSink } from "../proofs";

const NAME = "flow-log-diagnosis";
const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

export type Diagnosis =
  | "client-request"
  | "server-request"
  | "server-reply"
  | "client-reply"
  | "server-sg-reply"
  | "nat-request-in"
  | "nat-reply-in"
  | "nat-reply-out"
  | "nat-sg";

/**
 * The interface id as AWS would print it. The model names a NAT gateway's interface `eni-<NAT gateway id>`
 * ("eni-nat-0772…"), which is no valid ENI id; the record shows `eni-` and the gateway's 17 hex digits instead.
 */
export function shownEniId(id: string): string {
  const m = /^eni-nat-([0-9a-f]{8,17})$/.exec(id);
  return m ? `eni-${m[1] ?? ""}` : id;
}

/** A diagnosis offered as an option: its text, why it fits its records, and which blockers it stands for. */
type Layer = {
  readonly diagnosis: Diagnosis;
  readonly text: string;
  readonly why: string;
  readonly owns: (b: Blocker) => boolean;
};

/** How the NAT path's records are read: the translation is why the NAT gateway's ENI logs the request twice. */
const NAT_RECORDS =
  "When the NAT gateway passes the request, its ENI logs it twice: once as it arrives from the instance and once as it leaves toward the server with the NAT gateway's own address as the source (NAT-01).";

type Setting = {
  readonly topology: Topology;
  readonly query: Query;
  /**
   * The flow as the question's Flow line names it, when the model's query gives an end by address (an IPv6
   * flow asks for the server's IPv6 address). The topology stays hidden, so nothing analyses this one.
   */
  readonly shownQuery?: Query;
  readonly stem: string;
  readonly layers: readonly Layer[];
  readonly concepts: readonly string[];
};

const PAIR_TEXT: Record<
  "client-request" | "server-request" | "server-reply" | "client-reply" | "server-sg-reply",
  string
> = {
  "client-request":
    "The client side stops the request on the way out: its security group or network ACL outbound rules",
  "server-request": "The server side rejects the request: its network ACL or security group inbound rules",
  "server-reply":
    "The server subnet's network ACL blocks the reply (outbound to the client's ephemeral port)",
  "client-reply": "The client subnet's network ACL blocks the reply (inbound to the client's ephemeral port)",
  "server-sg-reply": "The server's security group blocks the reply because it has no outbound rule for it",
};

const PAIR_WHY: Record<keyof typeof PAIR_TEXT, string> = {
  "client-request":
    "The only record is a REJECT of the request on the client's ENI: the client's SG egress or NACL outbound dropped it (ORD-01, ORD-04).",
  "server-request":
    "The request is ACCEPTed leaving the client and REJECTed at the server's ENI, with no reply: the server's NACL inbound or SG inbound rejected it (ORD-05).",
  "server-reply":
    "The server ACCEPTed the request but its reply is REJECTed on the server's ENI: only a stateless NACL can reject a reply (ORD-03, ORD-05).",
  "client-reply":
    "The server's reply leaves (ACCEPT) but is REJECTed arriving at the client's ENI: the client's NACL lacks an inbound rule for ephemeral ports (ACL-02, ACL-08).",
  "server-sg-reply":
    "Security groups are stateful: replies to allowed requests leave regardless of outbound rules, so an SG never rejects a reply (SG-02, ORD-03).",
};

/** The four places a client–server pair can drop traffic, plus the stateful-SG misconception. */
function pairLayers(
  clientParts: readonly string[],
  serverParts: readonly string[],
  serverAcl: string,
): Layer[] {
  const on = (parts: readonly string[], b: Blocker): boolean => parts.includes(b.component);
  const layer = (d: keyof typeof PAIR_TEXT, owns: (b: Blocker) => boolean): Layer => ({
    diagnosis: d,
    text: PAIR_TEXT[d],
    why: PAIR_WHY[d],
    owns,
  });
  return [
    layer("client-request", (b) => on(clientParts, b) && b.direction !== "return"),
    layer("server-request", (b) => on(serverParts, b) && b.direction !== "return"),
    layer("server-reply", (b) => b.component === serverAcl && b.direction === "return"),
    layer("client-reply", (b) => on(clientParts, b) && b.direction === "return"),
    layer("server-sg-reply", () => false),
  ];
}

type PairFault = (p: {
  base: Topology;
  clientAcl: string;
  serverAcl: string;
  clientSg: string;
  serverSg: string;
  clientCidr: string;
  serverCidr: string;
  port: number;
}) => Topology;

// Each leaves one fault; which records it produces, and so the key, is the model's business.
const PAIR_FAULTS: readonly PairFault[] = [
  (p) => setSecurityGroupInbound(p.serverSg, [])(p.base),
  (p) => setNacl(p.serverAcl, { inbound: [tcp(100, p.clientCidr, p.port, p.port, "deny")] })(p.base),
  (p) => setNacl(p.serverAcl, { outbound: [tcp(100, p.clientCidr, p.port, p.port)] })(p.base),
  (p) => setNacl(p.serverAcl, { outbound: [] })(p.base),
  (p) => setNacl(p.clientAcl, { inbound: [tcp(100, p.serverCidr, p.port, p.port)] })(p.base),
  (p) => setNacl(p.clientAcl, { outbound: [] })(p.base),
  (p) => setSecurityGroupOutbound(p.clientSg, [])(p.base),
];

/** Client and server in peered VPCs over IPv4 (the filtering family's NACL pair). */
function peeredPair(rng: Rng, difficulty: Difficulty): Setting {
  const pair: NaclPair = buildNaclPair(rng);
  const faults = difficulty === 1 ? PAIR_FAULTS.slice(0, 4) : PAIR_FAULTS;
  const topology = rng.pick(faults)({
    base: pair.base,
    clientAcl: pair.clientAcl,
    serverAcl: pair.serverAcl,
    clientSg: pair.client.instance.sgId,
    serverSg: pair.server.instance.sgId,
    clientCidr: cidrText(pair.client.vpc.cidr),
    serverCidr: cidrText(pair.server.vpc.cidr),
    port: pair.estate.port,
  });
  const clientEni = primaryEniIdFor(pair.client.instance.id);
  const serverEni = primaryEniIdFor(pair.server.instance.id);
  return {
    topology,
    query: {
      from: pair.client.instance.name,
      to: pair.server.instance.name,
      protocol: "tcp",
      port: pair.estate.port,
    },
    concepts: ["F7", "F8", "S1"],
    layers: pairLayers(
      [pair.client.instance.sgId, pair.clientAcl],
      [pair.server.instance.sgId, pair.serverAcl],
      pair.serverAcl,
    ),
    stem:
      `${pair.client.instance.name} (${pair.client.instance.ip}, ${clientEni}) in VPC ${pair.client.vpc.name} cannot open ${withArticle(pair.estate.portName)} ` +
      `connection (TCP ${pair.estate.port}) to ${pair.server.instance.name} (${pair.server.instance.ip}, ${serverEni}) in the peered VPC ${pair.server.vpc.name}. ` +
      `Flow logs on both ENIs show the records below (default format). Which component is misconfigured?`,
  };
}

function hex4(rng: Rng): string {
  return rng.int(1, 0xffff).toString(16);
}

/** Two subnets of one dual-stack VPC, each with its own NACL written for IPv6; the client connects over IPv6. */
function ipv6Pair(rng: Rng): Setting {
  const home = region(rng);
  const b = new TopologyBuilder(rng, home.code);
  const [cidr] = carveVpcCidrs(rng, [rng.pick([16, 18, 20])]);
  if (!cidr) throw new Error("no cidr");
  const prefix56 = `2600:1f${rng.int(16, 31).toString(16)}:${hex4(rng)}:${rng.int(1, 255).toString(16)}`;
  const [name] = distinctNames(rng, VPC_NAMES, 1) as [string];
  const vpc = b.vpc({
    name,
    cidr,
    region: home.code,
    accountId: accountId(rng),
    azs: home.azs,
    ipv6Cidr: `${prefix56}00::/56`,
  });
  const clientNet = `${prefix56}01::/64`;
  const serverNet = `${prefix56}02::/64`;
  const [port, portName] = rng.pick([
    [443, "HTTPS"],
    [5432, "PostgreSQL"],
    [22, "SSH"],
    [6379, "Redis"],
  ] as const);
  const clientAcl = b.networkAcl(
    vpc,
    `${name}-app-acl`,
    [tcp(100, serverNet, 1024, 65535)],
    [tcp(100, serverNet, port, port)],
  );
  const serverAcl = b.networkAcl(
    vpc,
    `${name}-data-acl`,
    [tcp(100, clientNet, port, port)],
    [tcp(100, clientNet, 1024, 65535)],
  );
  const clientSubnet = b.subnet(vpc, {
    role: "app",
    prefix: Math.min(24, cidr.prefix + 4),
    networkAclId: clientAcl,
  });
  const serverSubnet = b.subnet(vpc, {
    role: "data",
    prefix: Math.min(24, cidr.prefix + 4),
    networkAclId: serverAcl,
  });
  b.setSubnet(clientSubnet.id, { ipv6CidrBlock: clientNet });
  b.setSubnet(serverSubnet.id, { ipv6CidrBlock: serverNet });
  const clientIp6 = `${prefix56}01::${hex4(rng)}`;
  const serverIp6 = `${prefix56}02::${hex4(rng)}`;
  const client = b.instance(clientSubnet, {
    name: "app-1",
    hostOffset: 10 + rng.int(0, 40),
    ipv6: clientIp6,
  });
  const server = b.instance(serverSubnet, {
    name: "db-1",
    hostOffset: 10 + rng.int(0, 40),
    ipv6: serverIp6,
    inbound: [{ protocol: "tcp", fromPort: port, toPort: port, cidrBlock: clientNet }],
  });
  const base = b.build("ipv6 flow logs");
  const topology = rng.pick(PAIR_FAULTS)({
    base,
    clientAcl,
    serverAcl,
    clientSg: client.sgId,
    serverSg: server.sgId,
    clientCidr: clientNet,
    serverCidr: serverNet,
    port,
  });
  return {
    topology,
    query: { from: client.name, to: serverIp6, protocol: "tcp", port },
    shownQuery: { from: client.name, to: server.name, protocol: "tcp", port },
    concepts: ["F7", "F8", "S1", "G3"],
    layers: pairLayers([client.sgId, clientAcl], [server.sgId, serverAcl], serverAcl),
    stem:
      `In the dual-stack VPC ${name}, ${client.name} (${clientIp6}, ${primaryEniIdFor(client.id)}) in subnet ${name}-app cannot open ${withArticle(portName)} connection ` +
      `(TCP ${port}) over IPv6 to ${server.name} (${serverIp6}, ${primaryEniIdFor(server.id)}) in subnet ${name}-data; each subnet has its own network ACL. ` +
      `Flow logs on both ENIs show the records below (default format; IPv6 records carry the IPv6 addresses). Which component is misconfigured?`,
  };
}

const NAT_TEXT: Record<
  "client-request" | "nat-request-in" | "nat-reply-in" | "nat-reply-out" | "client-reply" | "nat-sg",
  string
> = {
  "client-request":
    "The instance's security group or its subnet's network ACL stops the request before it reaches the NAT gateway",
  "nat-request-in":
    "The public subnet's network ACL drops the request coming from the private subnet before the NAT gateway forwards it",
  "nat-reply-in":
    "The public subnet's network ACL drops the internet server's reply to the NAT gateway (inbound to ephemeral ports)",
  "nat-reply-out":
    "The public subnet's network ACL drops the reply the NAT gateway sends back to the instance's ephemeral port",
  "client-reply":
    "The private subnet's network ACL drops the reply arriving at the instance (inbound to its ephemeral port)",
  "nat-sg": "The NAT gateway's security group has no inbound rule for the internet server's reply",
};

const NAT_WHY: Record<keyof typeof NAT_TEXT, string> = {
  "client-request":
    "The only record is a REJECT of the request on the instance's ENI: its SG egress or its subnet's NACL outbound dropped it (ORD-04).",
  "nat-request-in":
    "The instance's ENI ACCEPTs the request out, and the NAT gateway's ENI REJECTs it coming in: the public subnet's NACL has no inbound rule allowing it from the private subnet (or a lower-numbered deny matches), so it never leaves toward the server and has no second record (ACL-01, ACL-03).",
  "nat-reply-in":
    "The NAT gateway's ENI ACCEPTs the request in and out, then REJECTs the reply from the server: the public subnet's NACL must allow the ephemeral ports inbound from the internet (ACL-02, ACL-08).",
  "nat-reply-out":
    "The reply reaches the NAT gateway (ACCEPT) but is REJECTed leaving its ENI for the instance: the public subnet's NACL outbound lacks the instance's ephemeral ports (ACL-02, ACL-08).",
  "client-reply":
    "Every NAT gateway record is ACCEPT and the reply is REJECTed arriving at the instance's ENI: the private subnet's NACL lacks an inbound rule for ephemeral ports (ACL-02, ACL-08).",
  "nat-sg":
    "A NAT gateway has no security group; only the network ACL of its subnet filters its traffic (NAT-05).",
};

/** A private instance going out to the internet through a public NAT gateway, both subnets with custom NACLs. */
function natPath(rng: Rng): Setting {
  const home = region(rng);
  const b = new TopologyBuilder(rng, home.code);
  const [cidr] = carveVpcCidrs(rng, [rng.pick([16, 18, 20])]);
  if (!cidr) throw new Error("no cidr");
  const [name] = distinctNames(rng, VPC_NAMES, 1) as [string];
  const vpc = b.vpc({ name, cidr, region: home.code, accountId: accountId(rng), azs: home.azs });
  const igw = b.internetGateway(vpc);
  const pubRtb = b.routeTable(vpc, `${name}-public`);
  const privRtb = b.routeTable(vpc, `${name}-private`);
  const pub = b.subnet(vpc, { role: "public", prefix: Math.min(24, cidr.prefix + 4), routeTableId: pubRtb });
  const priv = b.subnet(vpc, {
    role: "private",
    prefix: Math.min(24, cidr.prefix + 4),
    routeTableId: privRtb,
  });
  b.route(pubRtb, "0.0.0.0/0", igw);
  const nat = b.natGateway(pub, publicIp(rng));
  b.route(privRtb, "0.0.0.0/0", nat);
  const privCidr = cidrText(priv.cidr);
  const any = "0.0.0.0/0";
  const pubAcl = b.networkAcl(
    vpc,
    `${name}-public-acl`,
    [tcp(100, privCidr, 443, 443), tcp(110, any, 1024, 65535)],
    [tcp(100, any, 443, 443), tcp(110, privCidr, 1024, 65535)],
  );
  const privAcl = b.networkAcl(
    vpc,
    `${name}-private-acl`,
    [tcp(100, any, 1024, 65535)],
    [tcp(100, any, 443, 443)],
  );
  b.setSubnet(pub.id, { networkAclId: pubAcl });
  b.setSubnet(priv.id, { networkAclId: privAcl });
  const instance = b.instance(priv, { name: `worker-${rng.int(1, 9)}`, hostOffset: 10 + rng.int(0, 40) });
  const base = b.build("nat gateway flow logs");
  // The NAT path is d3's setting: its faults mostly drop the reply somewhere on the translated path, so the
  // records of both legs must be read together, and each needs a second fact (a deny read before the allow, a
  // rule naming the wrong range, the reply keeping the server's address). A REJECT of the request on the
  // instance's own ENI (d1's pattern) is left to the distractors.
  const natIp0 = base.natGateways.find((n) => n.id === nat)?.privateIp ?? "";
  const faults: readonly ((t: Topology) => Topology)[] = [
    // The request from the private subnet is not admitted into the public subnet.
    setNacl(pubAcl, { inbound: [tcp(110, any, 1024, 65535)] }),
    setNacl(pubAcl, { inbound: [tcp(100, privCidr, 443, 443)] }),
    setNacl(pubAcl, { outbound: [tcp(100, any, 443, 443)] }),
    // The public subnet's outbound reply rule names the public subnet's own range instead of the private one.
    setNacl(pubAcl, { outbound: [tcp(100, any, 443, 443), tcp(110, cidrText(pub.cidr), 1024, 65535)] }),
    // The reply rule for the private subnet is there, but a deny numbered before it is read first.
    setNacl(pubAcl, {
      outbound: [
        tcp(100, any, 443, 443),
        tcp(105, privCidr, 1024, 65535, "deny"),
        tcp(110, privCidr, 1024, 65535),
      ],
    }),
    setNacl(privAcl, { inbound: [tcp(100, any, 443, 443)] }),
    setNacl(privAcl, { inbound: [tcp(90, any, 1024, 65535, "deny"), tcp(100, any, 1024, 65535)] }),
    // The private subnet admits replies from the VPC or from the NAT gateway's own address only: the reply reaches
    // the instance from the internet server's address, which the NAT gateway leaves as it is (NAT-03).
    setNacl(privAcl, { inbound: [tcp(100, cidrText(cidr), 1024, 65535)] }),
    setNacl(privAcl, { inbound: [tcp(100, `${natIp0}/32`, 1024, 65535)] }),
  ];
  const topology = rng.pick(faults)(base);
  const natIp = base.natGateways.find((n) => n.id === nat)?.privateIp ?? "";
  const layer = (d: keyof typeof NAT_TEXT, owns: (x: Blocker) => boolean): Layer => ({
    diagnosis: d,
    text: NAT_TEXT[d],
    why: NAT_WHY[d],
    owns,
  });
  const side = (x: Blocker): string | undefined =>
    x.detail.kind === "network-acl" ? x.detail.side : undefined;
  return {
    topology,
    query: { from: instance.name, to: "internet", protocol: "tcp", port: 443 },
    concepts: ["F7", "F8", "S1", "G1"],
    layers: [
      layer(
        "client-request",
        (x) => (x.component === instance.sgId || x.component === privAcl) && x.direction !== "return",
      ),
      layer(
        "nat-request-in",
        (x) => x.component === pubAcl && x.direction !== "return" && side(x) === "inbound",
      ),
      layer(
        "nat-reply-in",
        (x) => x.component === pubAcl && x.direction === "return" && side(x) === "inbound",
      ),
      layer(
        "nat-reply-out",
        (x) => x.component === pubAcl && x.direction === "return" && side(x) === "outbound",
      ),
      layer("client-reply", (x) => x.component === privAcl && x.direction === "return"),
      layer("nat-sg", () => false),
    ],
    stem:
      `${instance.name} (${instance.ip}, ${primaryEniIdFor(instance.id)}) in the private subnet of VPC ${name} cannot download from ${INTERNET_SERVER_IP} on TCP 443. ` +
      `Its route 0.0.0.0/0 points at NAT gateway ${nat} (private IP ${natIp}, network interface ${shownEniId(`eni-${nat}`)}) in the public subnet, whose route 0.0.0.0/0 points at ${igw}; each subnet has its own network ACL. ` +
      `Flow logs on the instance's ENI and on the NAT gateway's ENI show the records below (default format). Which component is misconfigured?`,
  };
}

export type FlowLogCase = {
  readonly question: Question;
  readonly hiddenTopology: Topology;
  readonly analysis: Analysis;
};

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  return flowLogCase(seed, difficulty, proofs).question;
}

function drawSetting(rng: Rng, difficulty: Difficulty): Setting {
  // d1: the two-ENI pair over IPv4 with a request or server-side fault; d2 adds client-side faults and IPv6;
  // d3: the NAT gateway path only (records on an intermediate ENI, read through the translation). d3 used to draw
  // the IPv6 pair a third of the time: d2's record patterns with IPv6 addresses.
  if (difficulty === 1) return peeredPair(rng, 1);
  if (difficulty === 2) return rng.chance(2, 3) ? peeredPair(rng, 2) : ipv6Pair(rng);
  return natPath(rng);
}

/** The question plus what it hides (the misconfigured topology and the model's analysis), for checks. */
export function flowLogCase(seed: number, difficulty: Difficulty, proofs?: ProofSink): FlowLogCase {
  const rng: Rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const setting = drawSetting(rng, difficulty);
  const { topology, query } = setting;
  const analysis = analyze(topology, query);
  const first = analysis.blockers[0];
  const owners = first ? setting.layers.filter((l) => l.owns(first)) : [];
  const key = owners[0];
  if (analysis.reachable || !first || owners.length !== 1 || !key)
    throw new Error(`${NAME} seed ${seed}: the model found no single SG/NACL layer at fault`);
  // Five options: the key and four others, the stateful-SG misconception among them when there are more.
  const others = setting.layers.filter((l) => l !== key);
  const shown = others.length > 4 ? rng.sample(others, 4) : others;
  const candidates = [key, ...shown].map((l) => ({
    text: l.text,
    correct: l === key,
    why:
      l === key || l.diagnosis === "server-sg-reply" || l.diagnosis === "nat-sg"
        ? l.why
        : `That fault would leave different records: ${lowerInitial(l.why)}`,
    proof:
      l === key
        ? `analyze(hidden topology): blocker ${first.code}@${first.component} (${first.direction ?? "forward"}) = ${key.diagnosis}`
        : `analyze(hidden topology): first blocker is ${key.diagnosis}, not ${l.diagnosis}`,
  }));
  // The records of a dropped request cannot tell a security group from a network ACL (the key says "SG or NACL"),
  // so the hidden fault's own rule sentence would not fit the question: said only when the
  // records point at one layer.
  const eitherLayer = key.diagnosis === "client-request" || key.diagnosis === "server-request";
  const deciding = eitherLayer
    ? []
    : first.direction === "return" && first.code === "SUBNET_ACL_RESTRICTION"
      ? ["ACL-02"]
      : first.rules;
  // The topology stays hidden: showing its NACL rules would give the answer away.
  const question = buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: setting.concepts,
    stem: setting.stem,
    query: setting.shownQuery ?? query,
    exhibit: [
      HEADER,
      ...recordsAsLogged(analysis.flowLogs, seed, difficulty).map((r) =>
        formatFlowLogRecord({ ...r, interfaceId: shownEniId(r.interfaceId) }),
      ),
    ],
    candidates,
    summary:
      `${key.why} ${decidingSentence(deciding, first)}${setting.topology.natGateways.length > 0 ? ` ${NAT_RECORDS}` : ""}`.trim(),
  });
  return { question, hiddenTopology: topology, analysis };
}

/**
 * The model's records with the details that do not bear on the diagnosis drawn per seed, so that two seeds with
 * the same fault do not print the same numbers: the client's ephemeral port (one port, in every record that
 * carries the model's CLIENT_EPHEMERAL_PORT, inside the Linux range ACL-08 names), the packet count (one for every record:
 * each request packet has its reply) the bytes (one packet size per direction) and the capture window.
 * Actions, addresses, ENIs and the service port stay the model's. Drawn from their own stream, so the question's
 * other draws do not move.
 */
function recordsAsLogged(
  records: readonly FlowLogRecord[],
  seed: number,
  difficulty: Difficulty,
): FlowLogRecord[] {
  const look = forkedRng(seed, `${NAME}/${difficulty}/records`);
  const port = look.int(32768, 60999);
  const start = DEFAULT_FLOW_LOG_NOW + look.int(0, 30 * 24 * 60) * 60;
  const packets = look.int(2, 12);
  const size = { request: look.int(52, 120), reply: look.int(52, 120) };
  return records.map((r) => {
    const leg = r.srcPort === CLIENT_EPHEMERAL_PORT ? "request" : "reply";
    return {
      ...r,
      srcPort: r.srcPort === CLIENT_EPHEMERAL_PORT ? port : r.srcPort,
      dstPort: r.dstPort === CLIENT_EPHEMERAL_PORT ? port : r.dstPort,
      packets,
      bytes: packets * size[leg],
      start: start + (r.start - DEFAULT_FLOW_LOG_NOW),
      end: start + (r.end - DEFAULT_FLOW_LOG_NOW),
    };
  });
}

export const flowLogDiagnosis: Family = {
  name: NAME,
  title: "Diagnose from flow logs",
  concepts: ["F7", "F8", "S1", "G1", "G3"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
