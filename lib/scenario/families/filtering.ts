// filtering: security groups versus network ACLs. Stateless NACL replies need ephemeral ports (rules
// ACL-02, ACL-08), NACL rules apply in rule-number order (ACL-03), SGs are stateful (SG-02) and must admit
// the source (SG-05), SG references across peering work in one Region only (PCX-11). The key and the
// options come from the model's verdicts on the shown variant and its neighbours.
import type * as T from "../../net/index";
import type { Family } from "../family";
import { cidrSize, cidrText, type Cidr } from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, lazyVariant, pickShownAmong, type Variant } from "../reach-question";
import { buildEstate, peerSites, type Estate, type Site } from "../reach-fixtures";
import { forkedRng, type Rng } from "../rng";
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

type Scenario = {
  estate: Estate;
  variants: Variant[];
  concepts: string[];
  client: Site;
  server: Site;
  /**
   * The variants a question may show (the rest are distractors only): d3's two-fact faults, or the SG case's
   * filtering ones, so a filtering question is never keyed to a missing route.
   */
  showable?: number[] | undefined;
};

export type NaclPair = {
  estate: Estate;
  client: Site;
  server: Site;
  base: T.Topology;
  clientAcl: string;
  serverAcl: string;
};

/** Client and server in peered VPCs, each subnet with its own custom NACL that is correct (ACL-02, ACL-08). */
export function buildNaclPair(rng: Rng, crossRegion = false): NaclPair {
  const estate = buildEstate(rng, 2, { crossRegion });
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

/**
 * A block of the client VPC's subnet size next to the client's subnet, inside the client VPC and without the
 * client: a deny for it, numbered before the allow, does not touch the client.
 */
export function siblingSubnet(client: Site): Cidr {
  const size = cidrSize(client.subnet.cidr.prefix);
  const after = { base: client.subnet.cidr.base + size, prefix: client.subnet.cidr.prefix };
  const vpcEnd = client.vpc.cidr.base + cidrSize(client.vpc.cidr.prefix);
  return after.base + size <= vpcEnd ? after : { base: client.subnet.cidr.base - size, prefix: after.prefix };
}

/**
 * replies: offer the stateless-reply faults (d2, d3); d1 keeps to the request's side and the stateful SG.
 * twoFact (d3): add faults that need two facts at once (rule order with a narrower deny that does or does not
 * hold the client, a reply rule naming the wrong network, a deny read before the reply's allow) and show only
 * those, so d3 is never a lone port typo or an empty group.
 */
function naclCase(rng: Rng, replies: boolean, twoFact = false): Scenario {
  // d3's pair is peered across Regions, as its inter-Region SG case was (CIDR rules only there, PCX-11).
  const { estate, client, server, base, clientAcl, serverAcl } = buildNaclPair(rng, twoFact);
  const clientCidr = cidrText(client.vpc.cidr);
  const p = estate.port;
  const serverCidr = cidrText(server.vpc.cidr);
  const serverIn = [tcp(100, clientCidr, p, p)];
  const denyFirst = rng.int(1, 9) * 10;
  // Each faulty variant is built only if the question reads it (lazyVariant): these edits draw nothing.
  return {
    estate,
    client,
    server,
    concepts: ["S1", "P11"],
    variants: [
      { topology: base, works: true },
      // Reply blocked: the server subnet's outbound rule only covers the service port, not ephemeral ports.
      ...(replies
        ? [lazyVariant(() => setNacl(serverAcl, { outbound: [tcp(100, clientCidr, p, p)] })(base))]
        : []),
      // Rule order: a lower-numbered deny wins over the allow (ACL-03).
      lazyVariant(() =>
        setNacl(serverAcl, {
          inbound: [tcp(100, clientCidr, p, p, "deny"), tcp(100 + denyFirst, clientCidr, p, p)],
        })(base),
      ),
      // The server subnet's allow names the server's own VPC instead of the client's.
      lazyVariant(() => setNacl(serverAcl, { inbound: [tcp(100, serverCidr, p, p)] })(base)),
      // The client subnet's outbound rule names the client's own VPC instead of the server's.
      lazyVariant(() => setNacl(clientAcl, { outbound: [tcp(100, clientCidr, p, p)] })(base)),
      // The client's group restricts outbound traffic to its own VPC.
      lazyVariant(() =>
        setSecurityGroupOutbound(client.instance.sgId, [
          { protocol: "tcp", fromPort: p, toPort: p, cidrBlock: clientCidr },
        ])(base),
      ),
      // Same rules, deny numbered after the allow: the allow matches first.
      lazyVariant(
        () => setNacl(serverAcl, { inbound: [...serverIn, tcp(200, clientCidr, p, p, "deny")] })(base),
        true,
      ),
      ...(replies ? [lazyVariant(() => setNacl(clientAcl, { inbound: [] })(base))] : []),
      lazyVariant(() => setSecurityGroupInbound(server.instance.sgId, [])(base)),
      // Stateful SG: no outbound rules on the server does not block the reply.
      lazyVariant(() => setSecurityGroupOutbound(server.instance.sgId, [])(base), true),
      ...(twoFact ? twoFactVariants(base, client, server, { serverAcl, clientAcl }, p) : []),
    ],
    // Rule order (2), deny after the allow (6), stateful SG (9), and the two-fact variants below (10-13).
    // An undefined key rather than a conditional spread (V8's slow path).
    showable: twoFact ? [2, 6, 9, 10, 11, 12, 13] : undefined,
  };
}

function twoFactVariants(
  base: T.Topology,
  client: Site,
  server: Site,
  acls: { serverAcl: string; clientAcl: string },
  p: number,
): Variant[] {
  const clientCidr = cidrText(client.vpc.cidr);
  const serverCidr = cidrText(server.vpc.cidr);
  const clientSubnet = cidrText(client.subnet.cidr);
  const sibling = cidrText(siblingSubnet(client));
  return [
    // A deny for the client's own subnet, numbered before the allow for its VPC: it holds the client (ACL-03).
    lazyVariant(() =>
      setNacl(acls.serverAcl, {
        inbound: [tcp(90, clientSubnet, p, p, "deny"), tcp(100, clientCidr, p, p)],
      })(base),
    ),
    // The same shape for a neighbouring subnet that does not hold the client: the allow matches.
    lazyVariant(
      () =>
        setNacl(acls.serverAcl, {
          inbound: [tcp(90, sibling, p, p, "deny"), tcp(100, clientCidr, p, p)],
        })(base),
      true,
    ),
    // The reply rule is there, on the ephemeral ports, but names the server's own VPC (stateless + wrong network).
    lazyVariant(() => setNacl(acls.serverAcl, { outbound: [tcp(100, serverCidr, 1024, 65535)] })(base)),
    // The client's reply allow is there, but a deny for the server's VPC is read first (stateless + rule order).
    lazyVariant(() =>
      setNacl(acls.clientAcl, {
        inbound: [tcp(90, serverCidr, 1024, 65535, "deny"), tcp(100, serverCidr, 1024, 65535)],
      })(base),
    ),
  ];
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
  // Rule PCX-11: a security group can reference a peer VPC's group in the same Region only. Across Regions AWS
  // refuses to create such a rule at all, so no question may show one: there the reference variant is left out.
  const filters: Variant[] = [
    { topology: base, works: true },
    ...(crossRegion ? [] : [lazyVariant(() => byReference(base), true)]),
    lazyVariant(() => wrongPort(base)),
    lazyVariant(() => setSecurityGroupOutbound(client.instance.sgId, [])(base)),
  ];
  return {
    estate,
    client,
    server,
    concepts: ["P6", "P12", "S2", "P11"],
    // The missing routes are distractors only: shown, they would key a filtering question to a routing fault.
    variants: [
      ...filters,
      lazyVariant(() => removeRoute(client.subnet.routeTableId, cidrText(server.vpc.cidr))(base)),
      lazyVariant(() => removeRoute(server.subnet.routeTableId, cidrText(client.vpc.cidr))(base)),
    ],
    showable: filters.map((_, i) => i),
  };
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  // d1: NACL rules within one Region; d2: also SG references across a same-Region peering; d3: only
  // faults that need two facts together. The inter-Region SG case d3 used to draw showed a lone port typo or an
  // empty group (a reference across Regions cannot be shown at all, PCX-11).
  const scenario =
    difficulty === 3
      ? naclCase(rng, true, true)
      : difficulty !== 1 && rng.chance(1, 2)
        ? sgReferenceCase(rng, false)
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
    shown: scenario.showable ? pickShownAmong(rng, scenario.variants, scenario.showable) : undefined,
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
