// flow-log-diagnosis: the model produces the flow-log records of a connection attempt over a topology with
// one hidden misconfiguration; which side and which layer is wrong? The key is read from the model's
// blocker (which component, which direction), never from the chosen fault; the records are the model's.
// rules ORD-03..ORD-05: a rejected reply can only be a NACL; a rejected request can be SG or NACL.
import { analyze, formatFlowLogRecord, primaryEniIdFor, type Analysis, type Topology } from "../../net/index";
import { decidingSentence } from "../rule-sentences";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import { cidrText } from "../names";
import type { Difficulty, Question } from "../question";
import { createRng, type Rng } from "../rng";
import { setNacl, setSecurityGroupInbound, setSecurityGroupOutbound } from "../topology-edits";
import { buildNaclPair, tcp, type NaclPair } from "./filtering";

const NAME = "flow-log-diagnosis";

export type Diagnosis = "client-request" | "server-request" | "server-reply" | "client-reply" | "server-sg-reply";

const TEXT: Record<Diagnosis, string> = {
  "client-request": "The client side stops the request on the way out: its security group or network ACL outbound rules",
  "server-request": "The server side rejects the request: its network ACL or security group inbound rules",
  "server-reply": "The server subnet's network ACL blocks the reply (outbound to the client's ephemeral port)",
  "client-reply": "The client subnet's network ACL blocks the reply (inbound to the client's ephemeral port)",
  "server-sg-reply": "The server's security group blocks the reply because it has no outbound rule for it",
};

const WHY: Record<Diagnosis, string> = {
  "client-request": "The only record is a REJECT of the request on the client's ENI: the client's SG egress or NACL outbound dropped it (ORD-01, ORD-04).",
  "server-request": "The request is ACCEPTed leaving the client and REJECTed at the server's ENI, with no reply: the server's NACL inbound or SG inbound rejected it (ORD-05).",
  "server-reply": "The server ACCEPTed the request but its reply is REJECTed on the server's ENI: only a stateless NACL can reject a reply (ORD-03, ORD-05).",
  "client-reply": "The server's reply leaves (ACCEPT) but is REJECTed arriving at the client's ENI: the client's NACL lacks an inbound rule for ephemeral ports (ACL-02, ACL-08).",
  "server-sg-reply": "Security groups are stateful: replies to allowed requests leave regardless of outbound rules, so an SG never rejects a reply (SG-02, ORD-03).",
};

/** Reads the model's first blocker: which side owns the component, and whether it hit the request or the reply. */
export function diagnose(t: Topology, pair: Pick<NaclPair, "client" | "server">, analysis: Analysis): Diagnosis | undefined {
  const blocker = analysis.blockers[0];
  if (!blocker) return undefined;
  const clientSubnet = t.subnets.find((s) => s.id === pair.client.subnet.id);
  const serverSubnet = t.subnets.find((s) => s.id === pair.server.subnet.id);
  const onClient = blocker.component === pair.client.instance.sgId || blocker.component === clientSubnet?.networkAclId;
  const onServer = blocker.component === pair.server.instance.sgId || blocker.component === serverSubnet?.networkAclId;
  const reply = blocker.direction === "return";
  if (onClient) return reply ? "client-reply" : "client-request";
  if (onServer) return reply ? "server-reply" : "server-request";
  return undefined;
}

type Fault = (pair: NaclPair) => Topology;

const FAULTS: readonly Fault[] = [
  (p) => setSecurityGroupInbound(p.server.instance.sgId, [])(p.base),
  (p) => setNacl(p.serverAcl, { inbound: [tcp(100, cidrText(p.client.vpc.cidr), p.estate.port, p.estate.port, "deny")] })(p.base),
  (p) => setNacl(p.serverAcl, { outbound: [tcp(100, cidrText(p.client.vpc.cidr), p.estate.port, p.estate.port)] })(p.base),
  (p) => setNacl(p.serverAcl, { outbound: [] })(p.base),
  (p) => setNacl(p.clientAcl, { inbound: [tcp(100, cidrText(p.server.vpc.cidr), p.estate.port, p.estate.port)] })(p.base),
  (p) => setNacl(p.clientAcl, { outbound: [] })(p.base),
  (p) => setSecurityGroupOutbound(p.client.instance.sgId, [])(p.base),
];

export type FlowLogCase = { readonly question: Question; readonly hiddenTopology: Topology; readonly analysis: Analysis };

function generate(seed: number, difficulty: Difficulty): Question {
  return flowLogCase(seed, difficulty).question;
}

/** The question plus what it hides (the misconfigured topology and the model's analysis), for checks. */
export function flowLogCase(seed: number, difficulty: Difficulty): FlowLogCase {
  const rng: Rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const pair = buildNaclPair(rng);
  const pool = difficulty === 1 ? FAULTS.slice(0, 4) : FAULTS;
  const topology = rng.pick(pool)(pair);
  const query = { from: pair.client.instance.name, to: pair.server.instance.name, protocol: "tcp" as const, port: pair.estate.port };
  const analysis = analyze(topology, query);
  const key = diagnose(topology, pair, analysis);
  if (analysis.reachable || key === undefined) throw new Error(`${NAME} seed ${seed}: the model found no SG/NACL blocker`);
  const clientEni = primaryEniIdFor(pair.client.instance.id);
  const serverEni = primaryEniIdFor(pair.server.instance.id);
  const options: Diagnosis[] = ["client-request", "server-request", "server-reply", "client-reply", "server-sg-reply"];
  const candidates = options.map((d) => ({
    text: TEXT[d],
    correct: d === key,
    why: d === key ? WHY[d] : d === "server-sg-reply" ? WHY[d] : `That fault would leave different records: ${WHY[d]}`,
    proof: d === key ? `analyze(hidden topology): blocker ${analysis.blockers[0]?.code ?? "?"}@${analysis.blockers[0]?.component ?? "?"} = ${key}` : `diagnose(hidden topology) = ${key}, not ${d}`,
  }));
  const stem =
    `${pair.client.instance.name} (${pair.client.instance.ip}, ${clientEni}) in VPC ${pair.client.vpc.name} cannot open a ${pair.estate.portName} ` +
    `connection (TCP ${pair.estate.port}) to ${pair.server.instance.name} (${pair.server.instance.ip}, ${serverEni}) in the peered VPC ${pair.server.vpc.name}. ` +
    `Flow logs on both ENIs show the records below (default format). Which component is misconfigured?`;
  // The topology stays hidden: showing its NACL rules would give the answer away.
  const question = buildQuestion(rng, {
    family: NAME, seed, difficulty, concepts: ["F7", "F8", "S1"], stem, query,
    exhibit: ["version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status", ...analysis.flowLogs.map(formatFlowLogRecord)],
    candidates,
    summary: `${WHY[key]} ${decidingSentence(analysis.blockers[0]?.direction === "return" && analysis.blockers[0]?.code === "SUBNET_ACL_RESTRICTION" ? ["ACL-02"] : analysis.blockers[0]?.rules ?? [])}`.trim(),
    rules: ["ORD-03", "ORD-04", "ORD-05", ...analysis.blockers.flatMap((b) => b.rules)],
  });
  return { question, hiddenTopology: topology, analysis };
}

export const flowLogDiagnosis: Family = {
  name: NAME,
  title: "Diagnose from flow logs",
  concepts: ["F7", "F8", "S1"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
