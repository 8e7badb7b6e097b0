// hybrid: on-premises to a VPC over Site-to-Site VPN (VGW/CGW, two tunnels, route propagation, ASN 64512),
// over Direct Connect through a DX gateway, or over a VPN attached to a transit gateway (its route tables
// decide). Nearby variants flip one hybrid setting; the key and the options are the model's verdicts
// (reach-question engine). rules VPN-01..VPN-05, DX-01, DX-02, TGW-01, TGW-04, TGW-05.
// Client VPN (concept V7) is not in the topology model, so concept-check assesses it, not this family.
import type * as T from "../../net/index";
import type { Family } from "../family";
import { carveVpcCidrs, cidrsOverlap, cidrText, publicIp, type Cidr } from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, type Variant } from "../reach-question";
import { buildEstate, hubSites, type Site } from "../reach-fixtures";
import { createRng, type Rng } from "../rng";
import {
  addRoute,
  removeRoute,
  removeTgwAssociation,
  removeTgwPropagation,
  setSecurityGroupInbound,
} from "../topology-edits";
import { withArticle } from "../article";

const NAME = "hybrid";

type Edit = (t: T.Topology) => T.Topology;

/**
 * Both tunnels down: the fix is on the customer side, and one tunnel is enough (VPN-02). What brings a tunnel
 * up is the device's configuration: IKE and IPsec settings matching the connection, the customer gateway's
 * public IP being the device's, and (dynamic routing) the BGP session.
 */
const tunnelFix = (t: T.Topology): NonNullable<Variant["fix"]> => ({
  cause: "Both tunnels are DOWN, so the VPN connection carries nothing.",
  change:
    "bring at least one tunnel UP on the customer gateway device: its IKE and IPsec settings must match the VPN connection's configuration, the customer gateway's public IP must be the device's own, and with dynamic routing its BGP session must be established",
  topology: setTunnels(["UP", "DOWN"])(t),
});

const setTunnels =
  (status: readonly ("UP" | "DOWN")[]): Edit =>
  (t) => ({
    ...t,
    vpnConnections: t.vpnConnections.map((v) => ({
      ...v,
      tunnels: status.map((s, i) => ({ ...(v.tunnels[i] ?? {}), status: s })),
    })),
  });
const setPropagation =
  (rtbId: string, gatewayIds: string[]): Edit =>
  (t) => ({
    ...t,
    routeTables: t.routeTables.map((rt) =>
      rt.id === rtbId ? { ...rt, propagatingGatewayIds: gatewayIds } : rt,
    ),
  });

type Scenario = { stem: string; query: T.Query; variants: Variant[]; concepts: string[] };

/** An on-premises block that overlaps none of the VPCs (VPN-04: on-premises CIDRs must not overlap). */
function onPremisesCidr(rng: Rng, vpcs: readonly Cidr[]): Cidr {
  for (;;) {
    const [candidate] = carveVpcCidrs(rng, [20]);
    if (candidate && !vpcs.some((v) => cidrsOverlap(v, candidate))) return candidate;
  }
}

/**
 * A Site-to-Site VPN attached to a transit gateway that also attaches two VPCs: on premises reaches a spoke
 * only when the VPN attachment is associated with a TGW route table (TGW-04), its routes are propagated into
 * the table the spoke's attachment uses (TGW-05, for the reply), and the spoke routes on-premises to the TGW.
 */
function tgwVpnScenario(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [shared, spoke] = estate.sites as [Site, Site];
  const b = estate.builder;
  const hub = hubSites(estate, [shared, spoke]);
  const onPrem = cidrText(onPremisesCidr(rng, [shared.vpc.cidr, spoke.vpc.cidr]));
  const onPremName = rng.pick(["head-office", "datacenter-1", "factory-lan", "branch-net"]);
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const attachment = b.tgwVpnAttachment(hub.tgwId, vpn, `${onPremName}-vpn-attachment`);
  b.tgwAssociateAndPropagate(hub.table.id, attachment);
  b.route(spoke.subnet.routeTableId, onPrem, hub.tgwId);
  const t0 = b.build("transit gateway VPN");
  const base: T.Topology = {
    ...t0,
    customerGateways: [{ id: cgw, name: `${onPremName}-router`, ipAddress: publicIp(rng), asn: 65000 }],
    // BGP: the TGW learns the on-premises prefixes and propagates them (TGW-15: ECMP needs dynamic routing).
    vpnConnections: [
      {
        id: vpn,
        name: `${onPremName}-vpn`,
        customerGatewayId: cgw,
        transitGatewayId: hub.tgwId,
        routing: "bgp",
        staticRoutes: [],
        tunnels: [{ status: "UP" }, { status: "UP" }],
        state: "available",
      },
    ],
    onPremisesNetworks: [
      {
        id: `onprem-${onPremName}`,
        name: onPremName,
        cidrBlocks: [onPrem],
        customerGatewayIds: [cgw],
        directConnectGatewayIds: [],
      },
    ],
    securityGroups: t0.securityGroups.map((g) =>
      g.id === spoke.instance.sgId
        ? {
            ...g,
            inbound: [
              { protocol: "tcp" as const, fromPort: estate.port, toPort: estate.port, cidrBlock: onPrem },
            ],
          }
        : g,
    ),
  };
  return {
    stem:
      `The on-premises network ${onPremName} (${onPrem}) connects over a Site-to-Site VPN attached to transit gateway ${hub.tgwId}, ` +
      `which also attaches VPCs ${shared.vpc.name} and ${spoke.vpc.name}. Can a server on premises open ${withArticle(estate.portName)} connection ` +
      `(TCP ${estate.port}) to ${spoke.instance.name} (${spoke.instance.ip}) in ${spoke.vpc.name}? The setup:`,
    query: { from: onPremName, to: spoke.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V1", "V6"],
    variants: [
      { topology: base, works: true },
      { topology: removeRoute(spoke.subnet.routeTableId, onPrem)(base) },
      { topology: removeTgwAssociation(hub.table.id, attachment)(base) },
      { topology: removeTgwPropagation(hub.table.id, attachment)(base) },
      // rule VPN-02: one tunnel up is enough.
      { topology: setTunnels(["UP", "DOWN"])(base), works: true },
      { topology: setTunnels(["DOWN", "DOWN"])(base), fix: tunnelFix(base) },
      { topology: setSecurityGroupInbound(spoke.instance.sgId, [])(base) },
    ],
  };
}

function vpnScenario(rng: Rng, dx: boolean): Scenario {
  const estate = buildEstate(rng, 1);
  const [site] = estate.sites as [Site];
  const b = estate.builder;
  const onPremText = cidrText(onPremisesCidr(rng, [site.vpc.cidr]));
  const vgw = b.id("vgw");
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const dxgw = b.id("dxgw");
  const t0 = b.build("hybrid");
  const onPremName = rng.pick(["head-office", "datacenter-1", "factory-lan", "branch-net"]);
  const base: T.Topology = {
    ...t0,
    vpnGateways: [{ id: vgw, name: `${site.vpc.name}-vgw`, vpcId: site.vpc.id, asn: 64512 }],
    customerGateways: dx
      ? []
      : [{ id: cgw, name: `${onPremName}-router`, ipAddress: publicIp(rng), asn: 65000 }],
    vpnConnections: dx
      ? []
      : [
          {
            id: vpn,
            name: `${onPremName}-vpn`,
            customerGatewayId: cgw,
            vpnGatewayId: vgw,
            routing: "static",
            staticRoutes: [onPremText],
            tunnels: [{ status: "UP" }, { status: "UP" }],
            state: "available",
          },
        ],
    directConnectGateways: dx
      ? [
          {
            id: dxgw,
            name: "corp-dxgw",
            associations: [{ gatewayId: vgw, allowedPrefixes: [cidrText(site.vpc.cidr)] }],
          },
        ]
      : [],
    onPremisesNetworks: [
      {
        id: `onprem-${onPremName}`,
        name: onPremName,
        cidrBlocks: [onPremText],
        customerGatewayIds: dx ? [] : [cgw],
        directConnectGatewayIds: dx ? [dxgw] : [],
      },
    ],
    securityGroups: t0.securityGroups.map((g) =>
      g.id === site.instance.sgId
        ? {
            ...g,
            inbound: [
              { protocol: "tcp" as const, fromPort: estate.port, toPort: estate.port, cidrBlock: onPremText },
            ],
          }
        : g,
    ),
  };
  const rtb = site.subnet.routeTableId;
  const propagated = setPropagation(rtb, [vgw])(base);
  const variants: Variant[] = [
    { topology: propagated, works: true },
    { topology: base },
    { topology: addRoute(rtb, onPremText, vgw)(base), works: true },
    { topology: setSecurityGroupInbound(site.instance.sgId, [])(propagated) },
  ];
  if (!dx) {
    // rule VPN-02: one tunnel up is enough.
    variants.push(
      { topology: setTunnels(["UP", "DOWN"])(propagated), works: true },
      { topology: setTunnels(["DOWN", "DOWN"])(propagated), fix: tunnelFix(propagated) },
    );
  }
  const link = dx
    ? "Direct Connect (private VIF to Direct Connect gateway corp-dxgw, associated with the VPC's virtual private gateway)"
    : "a Site-to-Site VPN to the VPC's virtual private gateway";
  return {
    stem:
      `The on-premises network ${onPremName} (${onPremText}) connects to VPC ${site.vpc.name} (${cidrText(site.vpc.cidr)}) over ${link}. ` +
      `Can a server on premises open ${withArticle(estate.portName)} connection (TCP ${estate.port}) to ${site.instance.name} (${site.instance.ip})? The setup:`,
    query: { from: onPremName, to: site.instance.name, protocol: "tcp", port: estate.port },
    variants,
    concepts: dx ? ["V8"] : ["V1", "V2", "V3"],
  };
}

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const kind =
    difficulty === 1
      ? "vgw"
      : rng.pick(difficulty === 2 ? (["vgw", "tgw"] as const) : (["vgw", "dx", "tgw"] as const));
  const scenario = kind === "tgw" ? tgwVpnScenario(rng) : vpnScenario(rng, kind === "dx");
  return buildReachQuestion(rng, {
    family: NAME,
    seed,
    difficulty,
    concepts: scenario.concepts,
    stem: scenario.stem,
    query: scenario.query,
    variants: scenario.variants,
    describe: true,
  });
}

export const hybrid: Family = {
  name: NAME,
  title: "VPN, Direct Connect and transit gateway VPN",
  concepts: ["V1", "V2", "V3", "V6", "V8"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
