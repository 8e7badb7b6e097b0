// filtering: security groups versus network ACLs. Stateless NACL replies need ephemeral ports (rules
// ACL-02, ACL-08), NACL rules apply in rule-number order (ACL-03), SGs are stateful (SG-02) and must admit
// the source (SG-05), SG references across peering work in one Region only (PCX-11). The key and the
// options come from the model's verdicts on the shown variant and its neighbours.
import type * as T from "../../net/index";
import type { Family } from "../family";
import { cidrText } from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, type Variant } from "../reach-question";
import { buildEstate, peerSites, type Estate, type Site } from "../reach-fixtures";
import { createRng, type Rng } from "../rng";
import { removeRoute, setNacl, setSecurityGroupInbound, setSecurityGroupOutbound } from "../topology-edits";
import { withArticle } from "../article";
import type { ProofSink } from "../proofs";

const NAME = "filtering";

export const tcp = (
  ruleNumber: number,
  cidrBlock: string,
  fromPort: number,
  toPort: number,
  action: "allow" | "deny" = "allow",
): T.NaclRule => ({
  ruleNumber,
  protocol: "tcp",
  fromPort,
  toPort,
  cidrBlock,
  action,
});

type Scenario = { estate: Estate; variants: Variant[]; concepts: string[]; client: Site; server: Site };

export type NaclPair = {
  estate: Estate;
  client: Site;
  server: Site;
  base: T.Topology;
  clientAcl: string;
  serverAcl: string;
};

/** Client and server in peered VPCs, each subnet with its own custom NACL that is correct (ACL-02, ACL-08). */
export function buildNaclPair(rng: Rng): NaclPair {
  const estate = buildEstate(rng, 2);
  const [client, server] = estate.sites as [Site, Site];
  peerSites(estate, client, server);
  const b = estate.builder;
  const clientCidr = cidrText(client.vpc.cidr);
  const serverCidr = cidrText(server.vpc.cidr);
  const p = estate.port;
  const serverAcl = b.networkAcl(
    server.vpc,
    `${server.vpc.name}-app-acl`,
    [tcp(100, clientCidr, p, p)],
    [tcp(100, clientCidr, 1024, 65535)],
  );
  const clientAcl = b.networkAcl(
    client.vpc,
    `${client.vpc.name}-app-acl`,
    [tcp(100, serverCidr, 1024, 65535)],
    [tcp(100, serverCidr, p, p)],
  );
  b.setSubnet(server.subnet.id, { networkAclId: serverAcl });
  b.setSubnet(client.subnet.id, { networkAclId: clientAcl });
  return { estate, client, server, base: b.build("custom NACLs"), clientAcl, serverAcl };
}

/** replies: offer the stateless-reply faults (d2, d3); d1 keeps to the request's side and the stateful SG. */
function naclCase(rng: Rng, replies: boolean): Scenario {
  const { estate, client, server, base, clientAcl, serverAcl } = buildNaclPair(rng);
  const clientCidr = cidrText(client.vpc.cidr);
  const p = estate.port;
  const serverCidr = cidrText(server.vpc.cidr);
  const serverIn = [tcp(100, clientCidr, p, p)];
  const denyFirst = rng.int(1, 9) * 10;
  return {
    estate,
    client,
    server,
    concepts: ["S1", "P11"],
    variants: [
      { topology: base, works: true },
      // Reply blocked: the server subnet's outbound rule only covers the service port, not ephemeral ports.
      ...(replies
        ? [{ topology: setNacl(serverAcl, { outbound: [tcp(100, clientCidr, p, p)] })(base) }]
        : []),
      // Rule order: a lower-numbered deny wins over the allow (ACL-03).
      {
        topology: setNacl(serverAcl, {
          inbound: [tcp(100, clientCidr, p, p, "deny"), tcp(100 + denyFirst, clientCidr, p, p)],
        })(base),
      },
      // The server subnet's allow names the server's own VPC instead of the client's.
      { topology: setNacl(serverAcl, { inbound: [tcp(100, serverCidr, p, p)] })(base) },
      // The client subnet's outbound rule names the client's own VPC instead of the server's.
      { topology: setNacl(clientAcl, { outbound: [tcp(100, clientCidr, p, p)] })(base) },
      // The client's group restricts outbound traffic to its own VPC.
      {
        topology: setSecurityGroupOutbound(client.instance.sgId, [
          { protocol: "tcp", fromPort: p, toPort: p, cidrBlock: clientCidr },
        ])(base),
      },
      // Same rules, deny numbered after the allow: the allow matches first.
      {
        topology: setNacl(serverAcl, { inbound: [...serverIn, tcp(200, clientCidr, p, p, "deny")] })(base),
        works: true,
      },
      ...(replies ? [{ topology: setNacl(clientAcl, { inbound: [] })(base) }] : []),
      { topology: setSecurityGroupInbound(server.instance.sgId, [])(base) },
      // Stateful SG: no outbound rules on the server does not block the reply.
      { topology: setSecurityGroupOutbound(server.instance.sgId, [])(base), works: true },
    ],
  };
}

/** The server's SG admits the client's SG by reference across a same-Region peering (PCX-11), or by CIDR across Regions. */
function sgReferenceCase(rng: Rng, crossRegion: boolean): Scenario {
  const estate = buildEstate(rng, 2, { crossRegion });
  const [client, server] = estate.sites as [Site, Site];
  peerSites(estate, client, server);
  const base = estate.builder.build("SG reference across peering");
  const p = estate.port;
  const byReference = setSecurityGroupInbound(server.instance.sgId, [
    { protocol: "tcp", fromPort: p, toPort: p, securityGroupId: client.instance.sgId },
  ]);
  const wrongPort = setSecurityGroupInbound(server.instance.sgId, [
    { protocol: "tcp", fromPort: p + 1, toPort: p + 1, cidrBlock: cidrText(client.vpc.cidr) },
  ]);
  return {
    estate,
    client,
    server,
    concepts: ["P6", "P12", "S2", "P11"],
    // Rule PCX-11: a security group can reference a peer VPC's group in the same Region only. Across Regions AWS
    // refuses to create such a rule at all, so no question may show one: there the reference variant is left out.
    variants: [
      { topology: base, works: true },
      ...(crossRegion ? [] : [{ topology: byReference(base), works: true }]),
      { topology: wrongPort(base) },
      { topology: setSecurityGroupOutbound(client.instance.sgId, [])(base) },
      { topology: removeRoute(client.subnet.routeTableId, cidrText(server.vpc.cidr))(base) },
      { topology: removeRoute(server.subnet.routeTableId, cidrText(client.vpc.cidr))(base) },
    ],
  };
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  // d1: NACL rules within one Region; d2: also SG references across a same-Region peering; d3: also the
  // inter-Region peering, where a reference is impossible and only CIDR rules work (PCX-11).
  const scenario =
    difficulty !== 1 && rng.chance(1, 2)
      ? sgReferenceCase(rng, difficulty === 3)
      : naclCase(rng, difficulty !== 1);
  const { estate, client, server } = scenario;
  const query = {
    from: client.instance.name,
    to: server.instance.name,
    protocol: "tcp" as const,
    port: estate.port,
  };
  const stem =
    `${client.instance.name} (${client.instance.ip}) in VPC ${client.vpc.name} opens ${withArticle(estate.portName)} connection (TCP ${estate.port}) ` +
    `to ${server.instance.name} (${server.instance.ip}) in the peered VPC ${server.vpc.name}. Does it work? The setup:`;
  return buildReachQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: scenario.concepts,
    stem,
    query,
    variants: scenario.variants,
    describe: true,
  });
}

export const filtering: Family = {
  name: NAME,
  title: "Security groups versus network ACLs",
  concepts: ["S1", "S2", "P6", "P11", "P12"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
