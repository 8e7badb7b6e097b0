// hybrid: on-premises to a VPC over Site-to-Site VPN (VGW/CGW, two tunnels, route propagation, ASN 64512)
// or over Direct Connect through a DX gateway. Nearby variants flip one hybrid setting; the key and the
// options are the model's verdicts (reach-question engine). aws-rules VPN-01..VPN-05, DX-01, DX-02.
import type * as T from "../../net/index";
import type { Family } from "../family";
import { carveVpcCidrs, cidrText, publicIp } from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, type Variant } from "../reach-question";
import { buildEstate, type Site } from "../reach-fixtures";
import { createRng, type Rng } from "../rng";
import { addRoute, setSecurityGroupInbound } from "../topology-edits";

const NAME = "hybrid";

type Edit = (t: T.Topology) => T.Topology;

const setTunnels = (status: readonly ("UP" | "DOWN")[]): Edit => (t) => ({
  ...t,
  vpnConnections: t.vpnConnections.map((v) => ({ ...v, tunnels: status.map((s, i) => ({ ...(v.tunnels[i] ?? {}), status: s })) })),
});
const setPropagation = (rtbId: string, gatewayIds: string[]): Edit => (t) => ({
  ...t,
  routeTables: t.routeTables.map((rt) => (rt.id === rtbId ? { ...rt, propagatingGatewayIds: gatewayIds } : rt)),
});

function vpnScenario(rng: Rng, dx: boolean): { stem: string; query: T.Query; variants: Variant[]; concepts: string[] } {
  const estate = buildEstate(rng, 1);
  const [site] = estate.sites as [Site];
  const b = estate.builder;
  const [onPremCidr] = carveVpcCidrs(rng, [20]).filter((c) => c.base !== site.vpc.cidr.base);
  const onPremText = cidrText(onPremCidr ?? { base: 0xac100000, prefix: 20 });
  const vgw = b.id("vgw");
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const dxgw = b.id("dxgw");
  const t0 = b.build("hybrid");
  const onPremName = rng.pick(["head-office", "datacenter-1", "factory-lan", "branch-net"]);
  const base: T.Topology = {
    ...t0,
    vpnGateways: [{ id: vgw, name: `${site.vpc.name}-vgw`, vpcId: site.vpc.id, asn: 64512 }],
    customerGateways: dx ? [] : [{ id: cgw, name: `${onPremName}-router`, ipAddress: publicIp(rng), asn: 65000 }],
    vpnConnections: dx ? [] : [{ id: vpn, name: `${onPremName}-vpn`, customerGatewayId: cgw, vpnGatewayId: vgw, routing: "static", staticRoutes: [onPremText], tunnels: [{ status: "UP" }, { status: "UP" }], state: "available" }],
    directConnectGateways: dx ? [{ id: dxgw, name: "corp-dxgw", associations: [{ gatewayId: vgw, allowedPrefixes: [cidrText(site.vpc.cidr)] }] }] : [],
    onPremisesNetworks: [{ id: `onprem-${onPremName}`, name: onPremName, cidrBlocks: [onPremText], customerGatewayIds: dx ? [] : [cgw], directConnectGatewayIds: dx ? [dxgw] : [] }],
    securityGroups: t0.securityGroups.map((g) => (g.id === site.instance.sgId ? { ...g, inbound: [{ protocol: "tcp" as const, fromPort: estate.port, toPort: estate.port, cidrBlock: onPremText }] } : g)),
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
    // aws-rules VPN-02: one tunnel up is enough.
    variants.push({ topology: setTunnels(["UP", "DOWN"])(propagated), works: true }, { topology: setTunnels(["DOWN", "DOWN"])(propagated) });
  }
  const link = dx ? "Direct Connect (private VIF to Direct Connect gateway corp-dxgw, associated with the VPC's virtual private gateway)" : "a Site-to-Site VPN to the VPC's virtual private gateway";
  return {
    stem: `The on-premises network ${onPremName} (${onPremText}) connects to VPC ${site.vpc.name} (${cidrText(site.vpc.cidr)}) over ${link}. ` +
      `Can a server on premises open a ${estate.portName} connection (TCP ${estate.port}) to ${site.instance.name} (${site.instance.ip})? The setup:`,
    query: { from: onPremName, to: site.instance.name, protocol: "tcp", port: estate.port },
    variants,
    concepts: dx ? ["V8"] : ["V1", "V2", "V3"],
  };
}

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const scenario = vpnScenario(rng, difficulty === 3 && rng.chance(1, 2));
  return buildReachQuestion(rng, { family: NAME, seed, difficulty, concepts: scenario.concepts, stem: scenario.stem, query: scenario.query, variants: scenario.variants, describe: true });
}

export const hybrid: Family = {
  name: NAME,
  title: "VPN and Direct Connect",
  concepts: ["V1", "V2", "V3", "V8"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};
