// hybrid: on-premises to a VPC over Site-to-Site VPN (VGW/CGW, two tunnels, route propagation, ASN 64512),
// over Direct Connect through a DX gateway, or over a VPN attached to a transit gateway (its route tables
// decide). Nearby variants flip one hybrid setting; the key and the options are the model's verdicts
// (reach-question engine). rules VPN-01..VPN-05, DX-01, DX-02, TGW-01, TGW-04, TGW-05.
// Client VPN (concept V7) is not in the topology model, so concept-check assesses it, not this family.
import type * as T from "../../net/index";
import type { Family } from "../family";
import {
  carveVpcCidrs,
  cidrSize,
  cidrsOverlap,
  cidrText,
  customerPublicIp,
  resourceId,
  type Cidr,
} from "../names";
import type { Difficulty, Question } from "../question";
import { buildReachQuestion, lazyFix, lazyMappedFix, lazyVariant, type Variant } from "../reach-question";
import { buildEstate, hubSites, peerSites, type Site } from "../reach-fixtures";
import { forkedRng, type Rng } from "../rng";
import {
  addRoute,
  compose,
  removeRoute,
  setTgwRouteTable,
  removeTgwAssociation,
  removeTgwPropagation,
  retargetRoute,
  setNacl,
  setSecurityGroupInbound,
} from "../topology-edits";
import {
  routeTableWith,
  securityGroupWith,
  subnetWith,
  topologyWith,
  vpnConnectionWith,
} from "../topology-builder";
import { withArticle } from "../article";
import type { ProofSink } from "../proofs";
import { possessive } from "../possessive";

/** The on-premises network behind a customer gateway (Site-to-Site VPN) or a Direct Connect gateway. */
function onPremisesNetwork(
  name: string,
  cidr: string,
  via: { readonly cgw?: string; readonly dxgw?: string },
): T.Topology["onPremisesNetworks"][number] {
  return {
    id: `onprem-${name}`,
    name,
    cidrBlocks: [cidr],
    customerGatewayIds: via.cgw === undefined ? [] : [via.cgw],
    directConnectGatewayIds: via.dxgw === undefined ? [] : [via.dxgw],
  };
}

/** The on-premises router as AWS knows it: its public address and a private ASN. */
function customerGateway(
  id: string,
  onPremName: string,
  ipAddress: string,
): T.Topology["customerGateways"][number] {
  return { id, name: `${onPremName}-router`, ipAddress, asn: 65000 };
}

const NAME = "hybrid";
/** Names drawn for the on-premises network of every hybrid scenario. */
const ON_PREMISES_NAMES = ["head-office", "datacenter-1", "factory-lan", "branch-net"] as const;

type Edit = (t: T.Topology) => T.Topology;

/**
 * Both tunnels down: the fix is on the customer side, and one tunnel is enough (VPN-02). What brings a tunnel
 * up is the device's configuration: IKE and IPsec settings matching the connection, the customer gateway's
 * public IP being the device's, and (dynamic routing) the BGP session.
 */
const tunnelFix = (t: T.Topology): NonNullable<Variant["fix"]> =>
  // Read only when both-down is the shown variant (rarely): its topology is built then.
  lazyFix(
    "Both tunnels are DOWN, so the VPN connection carries nothing.",
    "bring at least one tunnel UP on the customer gateway device: its IKE and IPsec settings must match the VPN connection's configuration, the customer gateway's public IP must be the device's own, and with dynamic routing its BGP session must be established",
    () => setTunnels(["UP", "DOWN"])(t),
  );

const setTunnels =
  (status: readonly ("UP" | "DOWN")[]): Edit =>
  (t) =>
    topologyWith(t, {
      vpnConnections: t.vpnConnections.map((v) =>
        vpnConnectionWith(v, {
          tunnels: status.map((s, i) => ({ ...(v.tunnels[i] ?? {}), status: s })),
        }),
      ),
    });
const setPropagation =
  (rtbId: string, gatewayIds: string[]): Edit =>
  (t) =>
    topologyWith(t, {
      routeTables: t.routeTables.map((rt) =>
        rt.id === rtbId ? routeTableWith(rt, { propagatingGatewayIds: gatewayIds }) : rt,
      ),
    });

/**
 * `optionOnly`: variants that give a "No" option but are not drawn as the shown setup by `pickShown`. Both tunnels
 * DOWN is one: a setup table saying DOWN/DOWN gives the answer away, so it is shown only now and then, at d1 and
 * d2 (withBothTunnelsDown).
 */
type Scenario = {
  stem: string;
  /** The stem for the setup shown, when it must state something only that setup has. */
  stemFor?: (shown: Variant) => string;
  query: T.Query;
  variants: Variant[];
  concepts: string[];
  optionOnly?: readonly Variant[];
  /**
   * Faults any VPC question could have (a security group without the inbound rule): from d2 on they are shown
   * only now and then, so the deciding fault is mostly one of the hybrid link or its routing (`pickShown`).
   */
  generic?: readonly Variant[];
};

/**
 * Half the segmented designs also blackhole the other VPC's CIDR in vpc-routes, the isolation made explicit
 * (TGW-08): the exhibit then shows a static blackhole route that does not match the flow, so "a blackhole route
 * drops the traffic" is a longest-prefix-match misreading to offer, where without it a blackhole option was
 * offered only when keyed (exam17 M1). The option is never offered beside a table that shows no blackhole route
 * (glance-refuted).
 */
function isolationGuard(rng: Rng, otherVpc: string): { destination: string; blackhole: boolean }[] {
  return rng.chance(1, 2) ? [{ destination: otherVpc, blackhole: true }] : [];
}

/** How the question is put: a few phrasings of the same ask, drawn per question. */
function ask(rng: Rng, who: string, portName: string, port: number, target: string): string {
  return rng.pick([
    `Can ${who} open ${withArticle(portName)} connection (TCP ${port}) to ${target}?`,
    `Does ${withArticle(portName)} connection on TCP ${port} from ${who} to ${target} work as configured?`,
    `A new ${portName} service on ${target} must accept connections on TCP ${port} from ${who}. Will it?`,
  ]);
}

/** An on-premises block that overlaps none of the VPCs (AWS recommends non-overlapping CIDR blocks for a VPN). */
function onPremisesCidr(rng: Rng, vpcs: readonly Cidr[]): Cidr {
  for (;;) {
    const [candidate] = carveVpcCidrs(rng, [20]);
    if (candidate && !vpcs.some((v) => cidrsOverlap(v, candidate))) return candidate;
  }
}

/**
 * An on-premises site behind a BGP Site-to-Site VPN on a transit gateway (both tunnels UP), and the spoke
 * instance's security group opened to it on the service port: the shared part of the TGW VPN scenarios.
 */
function bgpVpnSite(
  t0: T.Topology,
  site: {
    cgw: string;
    vpn: string;
    transitGatewayId: string;
    onPremName: string;
    onPrem: string;
    customerIp: string;
  },
  open: { sgId: string; port: number },
): Pick<T.Topology, "customerGateways" | "vpnConnections" | "onPremisesNetworks" | "securityGroups"> {
  const { cgw, vpn, transitGatewayId, onPremName, onPrem, customerIp } = site;
  return {
    customerGateways: [customerGateway(cgw, onPremName, customerIp)],
    // BGP: the TGW learns the on-premises prefixes and propagates them (TGW-15: ECMP needs dynamic routing).
    vpnConnections: [
      {
        id: vpn,
        name: `${onPremName}-vpn`,
        customerGatewayId: cgw,
        transitGatewayId,
        routing: "bgp",
        staticRoutes: [],
        tunnels: [{ status: "UP" }, { status: "UP" }],
        state: "available",
      },
    ],
    onPremisesNetworks: [onPremisesNetwork(onPremName, onPrem, { cgw })],
    securityGroups: admitFromOnPremises(t0.securityGroups, open.sgId, open.port, onPrem),
  };
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
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const attachment = b.tgwVpnAttachment(hub.tgwId, vpn, `${onPremName}-vpn-attachment`);
  b.tgwAssociateAndPropagate(hub.table.id, attachment);
  b.route(spoke.subnet.routeTableId, onPrem, hub.tgwId);
  const t0 = b.build("transit gateway VPN");
  const base: T.Topology = topologyWith(t0, {
    ...bgpVpnSite(
      t0,
      { cgw, vpn, transitGatewayId: hub.tgwId, onPremName, onPrem, customerIp: customerPublicIp(rng) },
      {
        sgId: spoke.instance.sgId,
        port: estate.port,
      },
    ),
  });
  const bothDown = lazyVariant(() => setTunnels(["DOWN", "DOWN"])(base), undefined, tunnelFix(base));
  const closedGroup: Variant = lazyVariant(() => setSecurityGroupInbound(spoke.instance.sgId, [])(base));
  return {
    stem:
      `The on-premises network ${onPremName} (${onPrem}) connects over a Site-to-Site VPN attached to transit gateway ${hub.tgwId}, ` +
      `which also attaches VPCs ${shared.vpc.name} and ${spoke.vpc.name}. ` +
      ask(
        rng,
        "a server on premises",
        estate.portName,
        estate.port,
        `${spoke.instance.name} (${spoke.instance.ip}) in ${spoke.vpc.name}`,
      ) +
      " The setup:",
    query: { from: onPremName, to: spoke.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V1", "V6"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => removeRoute(spoke.subnet.routeTableId, onPrem)(base)),
      lazyVariant(() => removeTgwAssociation(hub.table.id, attachment)(base), undefined, {
        change: `associate ${attachment} with ${hub.table.name} (${hub.table.id})`,
        topology: base,
      }),
      lazyVariant(() => removeTgwPropagation(hub.table.id, attachment)(base)),
      // rule VPN-02: one tunnel up is enough.
      lazyVariant(() => setTunnels(["UP", "DOWN"])(base), true),
      bothDown,
      closedGroup,
    ],
    optionOnly: [bothDown],
    generic: [closedGroup],
  };
}

/**
 * d3: a VPN attached to a transit gateway with segmented route tables (two VPCs that must not reach each other,
 * both reachable from on premises). The VPN attachment is associated with onprem-routes, into which the VPC
 * attachments propagate; the VPC attachments are associated with vpc-routes, into which only the VPN
 * propagates (TGW-04, TGW-05). Faults: a propagation in the wrong table (request or reply dropped at the TGW),
 * a static blackhole route that beats the propagated one (TGW-07, TGW-08), the spoke's own route or SG.
 */
function segmentedTgwVpnScenario(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [shared, spoke] = estate.sites as [Site, Site];
  const b = estate.builder;
  const region = estate.homeRegion.code;
  const onPrem = cidrText(onPremisesCidr(rng, [shared.vpc.cidr, spoke.vpc.cidr]));
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  const tgwId = b.transitGateway(`${region}-hub`, region);
  const vpcTable = b.tgwRouteTable(tgwId, "vpc-routes");
  const vpnTable = b.tgwRouteTable(tgwId, "onprem-routes");
  const attShared = b.tgwVpcAttachment(tgwId, shared.vpc, [shared.subnet.id]);
  const attSpoke = b.tgwVpcAttachment(tgwId, spoke.vpc, [spoke.subnet.id]);
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const attVpn = b.tgwVpnAttachment(tgwId, vpn, `${onPremName}-vpn-attachment`);
  b.route(spoke.subnet.routeTableId, onPrem, tgwId);
  b.route(shared.subnet.routeTableId, onPrem, tgwId);
  const t0 = b.build("segmented transit gateway VPN");
  const guard = isolationGuard(rng, cidrText(shared.vpc.cidr));
  const segmented = compose(
    setTgwRouteTable(vpcTable.id, {
      associations: [attShared, attSpoke],
      propagations: [attVpn],
      routes: guard,
    }),
    setTgwRouteTable(vpnTable.id, {
      associations: [attVpn],
      propagations: [attShared, attSpoke],
      routes: [],
    }),
  );
  const base: T.Topology = segmented(
    topologyWith(t0, {
      ...bgpVpnSite(
        t0,
        { cgw, vpn, transitGatewayId: tgwId, onPremName, onPrem, customerIp: customerPublicIp(rng) },
        {
          sgId: spoke.instance.sgId,
          port: estate.port,
        },
      ),
    }),
  );
  const bothDown = lazyVariant(() => setTunnels(["DOWN", "DOWN"])(base), undefined, tunnelFix(base));
  const closedGroup: Variant = lazyVariant(() => setSecurityGroupInbound(spoke.instance.sgId, [])(base));
  return {
    stem:
      `The on-premises network ${onPremName} (${onPrem}) connects over a Site-to-Site VPN (BGP) attached to transit gateway ${tgwId}. ` +
      `VPCs ${shared.vpc.name} and ${spoke.vpc.name} are attached too and must stay isolated from each other, so the transit gateway has two route tables: vpc-routes and onprem-routes. ` +
      ask(
        rng,
        "a server on premises",
        estate.portName,
        estate.port,
        `${spoke.instance.name} (${spoke.instance.ip}) in ${spoke.vpc.name}`,
      ) +
      " The setup:",
    query: { from: onPremName, to: spoke.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V1", "V6"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => setTunnels(["UP", "DOWN"])(base), true),
      // The spoke propagates into its own table instead of the VPN's: the request finds no route (TGW-05).
      lazyVariant(
        () =>
          setTgwRouteTable(vpnTable.id, { propagations: [attShared] })(
            setTgwRouteTable(vpcTable.id, { propagations: [attVpn, attSpoke] })(base),
          ),
        undefined,
        {
          cause: `${possessive(spoke.vpc.name)} attachment propagates into vpc-routes, the table its own attachment uses, instead of onprem-routes, the table the VPN attachment is associated with; a table routes only the traffic of the attachments associated with it (TGW-04, TGW-05). With no route for ${cidrText(spoke.vpc.cidr)} in onprem-routes, the transit gateway does not advertise that range to the customer gateway over BGP either: the VPN attachment's associated table is what it advertises.`,
          change: `enable propagation of ${attSpoke} into onprem-routes (${vpnTable.id})`,
          topology: base,
        },
      ),
      // The VPN does not propagate into vpc-routes: the reply finds no route back.
      lazyVariant(() => setTgwRouteTable(vpcTable.id, { propagations: [] })(base), undefined, {
        cause: `vpc-routes, the table ${possessive(spoke.vpc.name)} attachment is associated with, learns ${onPrem} only if the VPN attachment propagates into it (TGW-05).`,
        change: `enable propagation of ${attVpn} into vpc-routes (${vpcTable.id})`,
        topology: base,
      }),
      // A static blackhole for the on-premises block beats the propagated BGP route (TGW-07, TGW-08).
      lazyVariant(
        () =>
          setTgwRouteTable(vpcTable.id, { routes: [...guard, { destination: onPrem, blackhole: true }] })(
            base,
          ),
        undefined,
        {
          cause: `A static route beats a propagated route for the same prefix, so the blackhole route ${onPrem} in vpc-routes wins over the BGP route to the VPN and drops the reply (TGW-07, TGW-08).`,
          change: `delete the blackhole route ${onPrem} from vpc-routes (${vpcTable.id})`,
          topology: base,
        },
      ),
      lazyVariant(() => removeTgwAssociation(vpnTable.id, attVpn)(base), undefined, {
        change: `associate ${attVpn} with onprem-routes (${vpnTable.id})`,
        topology: base,
      }),
      lazyVariant(() => removeRoute(spoke.subnet.routeTableId, onPrem)(base)),
      bothDown,
      closedGroup,
    ],
    optionOnly: [bothDown],
    generic: [closedGroup],
  };
}

/** The allowed prefixes of every association of the topology's Direct Connect gateways with `gatewayId` (DX-04). */
const setAllowedPrefixes =
  (gatewayId: string, allowedPrefixes: string[]): Edit =>
  (t) =>
    topologyWith(t, {
      directConnectGateways: t.directConnectGateways.map((d) => ({
        ...d,
        associations: d.associations.map((a) => (a.gatewayId === gatewayId ? { ...a, allowedPrefixes } : a)),
      })),
    });

/**
 * d2, d3: Direct Connect over a transit virtual interface to a Direct Connect gateway associated with a transit
 * gateway that attaches two VPCs (DX-01, DX-04, TGW-01). The association's allowed prefixes are exactly what is
 * advertised to on premises (DX-04: unlike on a virtual private gateway association, a prefix narrower than a
 * VPC's CIDR is advertised as it is, so the server's own subnet is enough); the Direct Connect gateway attachment
 * is associated with a TGW route table into which the spoke propagates (the request) and propagates the
 * on-premises prefixes it learns over BGP into the spoke's table (the reply, TGW-04, TGW-05). At d2 one table
 * holds everything; at d3 the VPCs must stay isolated, so the VPC attachments use vpc-routes and the Direct
 * Connect gateway attachment uses dx-routes, and a static blackhole route can beat the propagated one (TGW-07,
 * TGW-08). The faults: the allowed prefixes leave out the server, the spoke's route, an association, a
 * propagation; the slip of listing the on-premises block as an allowed prefix is offered as an option.
 */
function dxTgwScenario(rng: Rng, level: Difficulty): Scenario {
  const estate = buildEstate(rng, 2);
  const [shared, spoke] = estate.sites as [Site, Site];
  const b = estate.builder;
  const segmented = level > 2;
  const region = estate.homeRegion.code;
  const onPrem = cidrText(onPremisesCidr(rng, [shared.vpc.cidr, spoke.vpc.cidr]));
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  // d3: a second, instance-less subnet in the spoke, shown in the exhibit: its block as the allowed prefix misses
  // the server although it lies in the spoke's range.
  const spare = segmented
    ? b.subnet(spoke.vpc, { role: "data", prefix: spoke.subnet.cidr.prefix })
    : undefined;
  const tgwId = b.transitGateway(`${region}-hub`, region);
  const vpcTable = b.tgwRouteTable(tgwId, segmented ? "vpc-routes" : "hub-routes");
  const dxTable = segmented ? b.tgwRouteTable(tgwId, "dx-routes") : vpcTable;
  const attShared = b.tgwVpcAttachment(tgwId, shared.vpc, [shared.subnet.id]);
  const attSpoke = b.tgwVpcAttachment(tgwId, spoke.vpc, [spoke.subnet.id]);
  const dxgw = b.id("dxgw");
  const attDx = b.tgwDxAttachment(tgwId, dxgw, "corp-dxgw-attachment");
  b.route(shared.subnet.routeTableId, onPrem, tgwId);
  b.route(spoke.subnet.routeTableId, onPrem, tgwId);
  if (!segmented)
    for (const [from, to] of [
      [shared, spoke],
      [spoke, shared],
    ] as const)
      b.route(from.subnet.routeTableId, cidrText(to.vpc.cidr), tgwId);
  const t0 = b.build("Direct Connect gateway on a transit gateway");
  const guard = segmented ? isolationGuard(rng, cidrText(shared.vpc.cidr)) : [];
  const tables = segmented
    ? compose(
        setTgwRouteTable(vpcTable.id, {
          associations: [attShared, attSpoke],
          propagations: [attDx],
          routes: guard,
        }),
        setTgwRouteTable(dxTable.id, {
          associations: [attDx],
          propagations: [attShared, attSpoke],
          routes: [],
        }),
      )
    : setTgwRouteTable(vpcTable.id, {
        associations: [attShared, attSpoke, attDx],
        propagations: [attShared, attSpoke, attDx],
        routes: [],
      });
  const spokeCidr = cidrText(spoke.vpc.cidr);
  const sharedCidr = cidrText(shared.vpc.cidr);
  const allowed = [sharedCidr, spokeCidr];
  const base: T.Topology = tables(
    topologyWith(t0, {
      directConnectGateways: [
        { id: dxgw, name: "corp-dxgw", associations: [{ gatewayId: tgwId, allowedPrefixes: allowed }] },
      ],
      onPremisesNetworks: [onPremisesNetwork(onPremName, onPrem, { dxgw })],
      securityGroups: admitFromOnPremises(t0.securityGroups, spoke.instance.sgId, estate.port, onPrem, true),
    }),
  );
  const prefixesFix = (shown: string[], why: string): NonNullable<Variant["fix"]> => ({
    cause: `On a transit gateway association a Direct Connect gateway advertises to on premises exactly its allowed prefixes (${shown.join(", ")}), ${why}, so on premises has no route to ${spoke.instance.ip} (DX-04).`,
    change: `add ${spokeCidr} to the allowed prefixes of the association of corp-dxgw (${dxgw}) with ${tgwId}`,
    topology: base,
  });
  const withPrefixes = (prefixes: string[], why: string): Variant =>
    lazyVariant(() => setAllowedPrefixes(tgwId, prefixes)(base), undefined, prefixesFix(prefixes, why));
  const closedGroup: Variant = lazyVariant(() =>
    setSecurityGroupInbound(
      spoke.instance.sgId,
      t0.securityGroups.find((g) => g.id === spoke.instance.sgId)?.inbound.slice() ?? [],
    )(base),
  );
  // The slip: the on-premises block listed where the prefixes to advertise to on premises belong. Option only:
  // the exhibit would show it.
  const onPremListed: Variant = lazyVariant(() => setAllowedPrefixes(tgwId, [onPrem])(base));
  const variants: Variant[] = [
    { topology: base, works: true },
    // DX-04: on a transit gateway association a prefix narrower than the VPC's CIDR is advertised as it is.
    lazyVariant(() => setAllowedPrefixes(tgwId, [sharedCidr, cidrText(spoke.subnet.cidr)])(base), true),
    withPrefixes([sharedCidr], `and ${spokeCidr} is not among them`),
    lazyVariant(() => removeRoute(spoke.subnet.routeTableId, onPrem)(base)),
    lazyVariant(() => removeTgwAssociation(dxTable.id, attDx)(base), undefined, {
      change: `associate ${attDx} with ${dxTable.name} (${dxTable.id})`,
      topology: base,
    }),
    // The reply: the spoke's table learns the on-premises block only from the Direct Connect gateway attachment.
    lazyVariant(() => removeTgwPropagation(vpcTable.id, attDx)(base), undefined, {
      cause: `${vpcTable.name}, the table ${possessive(spoke.vpc.name)} attachment is associated with, learns ${onPrem} only if the Direct Connect gateway attachment propagates into it (TGW-05).`,
      change: `enable propagation of ${attDx} into ${vpcTable.name} (${vpcTable.id})`,
      topology: base,
    }),
    // The request: the table the Direct Connect gateway attachment uses needs the spoke's route.
    lazyVariant(() => removeTgwPropagation(dxTable.id, attSpoke)(base), undefined, {
      cause: `${dxTable.name}, the table the Direct Connect gateway attachment is associated with, has a route for ${spokeCidr} only if ${possessive(spoke.vpc.name)} attachment propagates into it (TGW-04, TGW-05).`,
      change: `enable propagation of ${attSpoke} into ${dxTable.name} (${dxTable.id})`,
      topology: base,
    }),
    closedGroup,
    onPremListed,
  ];
  if (spare)
    variants.push(
      withPrefixes(
        [sharedCidr, cidrText(spare.cidr)],
        `and ${cidrText(spare.cidr)}, though inside ${possessive(spoke.vpc.name)} range, does not contain the server's address`,
      ),
      // A static blackhole for the on-premises block beats the propagated route (TGW-07, TGW-08).
      lazyVariant(
        () =>
          setTgwRouteTable(vpcTable.id, { routes: [...guard, { destination: onPrem, blackhole: true }] })(
            base,
          ),
        undefined,
        {
          cause: `A static route beats a propagated route for the same prefix, so the blackhole route ${onPrem} in ${vpcTable.name} wins over the route the Direct Connect gateway attachment propagates and drops the reply (TGW-07, TGW-08).`,
          change: `delete the blackhole route ${onPrem} from ${vpcTable.name} (${vpcTable.id})`,
          topology: base,
        },
      ),
    );
  const isolation = segmented
    ? `The two VPCs must stay isolated from each other, so the transit gateway has two route tables: ${vpcTable.name} and ${dxTable.name}. `
    : "";
  return {
    stem:
      `The on-premises network ${onPremName} (${onPrem}) connects over Direct Connect: a transit VIF to Direct Connect gateway corp-dxgw, which is associated with transit gateway ${tgwId}. ` +
      `The transit gateway also attaches VPCs ${shared.vpc.name} and ${spoke.vpc.name}. ${isolation}` +
      ask(
        rng,
        "a server on premises",
        estate.portName,
        estate.port,
        `${spoke.instance.name} (${spoke.instance.ip}) in ${spoke.vpc.name}`,
      ) +
      " The setup:",
    query: { from: onPremName, to: spoke.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V8", "V6"],
    variants,
    optionOnly: [onPremListed],
    generic: [closedGroup],
  };
}

/**
 * d3: on premises reaches VPC A over a VPN to A's virtual private gateway, and A is peered with B. A VPN is not
 * transitive through a peering (VPN-08, PCX-10): a server on premises reaches B only over a connection of
 * B's own (here a second VPN from the same customer gateway to B's virtual private gateway).
 */
function vpnThroughPeeringScenario(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [a, bSite] = estate.sites as [Site, Site];
  const b = estate.builder;
  const pcx = peerSites(estate, a, bSite);
  const onPremText = cidrText(onPremisesCidr(rng, [a.vpc.cidr, bSite.vpc.cidr]));
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  const vgwA = b.id("vgw");
  const vgwB = b.id("vgw");
  const cgw = b.id("cgw");
  const vpnA = b.id("vpn");
  const vpnB = b.id("vpn");
  // The tempting design: B's table sends on-premises traffic over the peering to A, which has the VPN.
  b.route(bSite.subnet.routeTableId, onPremText, pcx);
  const t0 = b.build("VPN beside a peering");
  const vpn = (id: string, vgw: string, name: string): T.Topology["vpnConnections"][number] => ({
    id,
    name,
    customerGatewayId: cgw,
    vpnGatewayId: vgw,
    routing: "static",
    staticRoutes: [onPremText],
    tunnels: [{ status: "UP" }, { status: "UP" }],
    state: "available",
  });
  const viaA: T.Topology = setPropagation(a.subnet.routeTableId, [vgwA])(
    topologyWith(t0, {
      vpnGateways: [{ id: vgwA, name: `${a.vpc.name}-vgw`, vpcId: a.vpc.id, asn: 64512 }],
      customerGateways: [customerGateway(cgw, onPremName, customerPublicIp(rng))],
      vpnConnections: [vpn(vpnA, vgwA, `${onPremName}-to-${a.vpc.name}`)],
      onPremisesNetworks: [onPremisesNetwork(onPremName, onPremText, { cgw })],
      securityGroups: admitFromOnPremises(t0.securityGroups, bSite.instance.sgId, estate.port, onPremText),
    }),
  );
  // B's own VPN: its virtual private gateway, the second VPN and B's on-premises route to its own gateway.
  const ownVpn: T.Topology = retargetRoute(
    bSite.subnet.routeTableId,
    onPremText,
    vgwB,
  )(
    topologyWith(viaA, {
      vpnGateways: [
        ...viaA.vpnGateways,
        { id: vgwB, name: `${bSite.vpc.name}-vgw`, vpcId: bSite.vpc.id, asn: 64512 },
      ],
      vpnConnections: [...viaA.vpnConnections, vpn(vpnB, vgwB, `${onPremName}-to-${bSite.vpc.name}`)],
    }),
  );
  const closedGroup: Variant = lazyVariant(() => setSecurityGroupInbound(bSite.instance.sgId, [])(ownVpn));
  const lead = `The on-premises network ${onPremName} (${onPremText}) connects to AWS over Site-to-Site VPN; VPC ${a.vpc.name} is peered with VPC ${bSite.vpc.name}. `;
  const question =
    ask(
      rng,
      "a server on premises",
      estate.portName,
      estate.port,
      `${bSite.instance.name} (${bSite.instance.ip}) in ${bSite.vpc.name}`,
    ) + " The setup:";
  return {
    stem: lead + question,
    // With a VPN to each VPC, say which one the on-premises router uses for B's range (the one
    // ending at B, as the model walks it), so the path through A's VPN and the peering is not a second reading.
    stemFor: (shown) =>
      shown.topology.vpnConnections.some((v) => v.id === vpnB)
        ? `${lead}The on-premises router sends traffic for ${cidrText(bSite.vpc.cidr)} over VPN connection ${onPremName}-to-${bSite.vpc.name}. ${question}`
        : lead + question,
    query: { from: onPremName, to: bSite.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V1", "P3"],
    variants: [
      {
        topology: viaA,
        fix: {
          cause: `The VPN ends at ${possessive(a.vpc.name)} virtual private gateway, which delivers only to ${a.vpc.name}; traffic from on premises cannot continue over the peering to ${bSite.vpc.name} (VPN-08, PCX-10).`,
          change: `give ${bSite.vpc.name} its own VPN: a virtual private gateway in ${bSite.vpc.name}, a VPN connection to it from ${onPremName}-router, and the route ${onPremText} in ${bSite.subnet.routeTableId} pointing at that gateway instead of ${pcx}`,
          topology: ownVpn,
        },
      },
      { topology: ownVpn, works: true },
      lazyVariant(() => removeRoute(bSite.subnet.routeTableId, onPremText)(ownVpn)),
      closedGroup,
    ],
    generic: [closedGroup],
  };
}

const setVpnStaticRoutes =
  (vpnId: string, staticRoutes: string[]): Edit =>
  (t) =>
    topologyWith(t, {
      vpnConnections: t.vpnConnections.map((v) =>
        v.id === vpnId ? vpnConnectionWith(v, { staticRoutes }) : v,
      ),
    });

/**
 * d2+: with static routing a virtual private gateway propagates only the prefixes listed on the VPN connection
 * (VPN-05). A connection that lists the upper half of the site's block propagates no route for the server in
 * the lower half (the exhibit gives its address), although the route table propagates from the gateway: the
 * request arrives, the reply finds no route (RT-04).
 */
function vpnStaticRouteFaults(t: T.Topology, site: { vpn: string; onPrem: Cidr; rtb: string }): Variant[] {
  const half: Cidr = {
    base: site.onPrem.base + cidrSize(site.onPrem.prefix + 1),
    prefix: site.onPrem.prefix + 1,
  };
  const onPremText = cidrText(site.onPrem);
  return [
    lazyVariant(() => setVpnStaticRoutes(site.vpn, [cidrText(half)])(t), undefined, {
      cause: `VPN connection ${site.vpn} uses static routing and lists only ${cidrText(half)}, so its virtual private gateway propagates only that prefix into ${site.rtb}; the on-premises server's address is outside it, so the reply finds no route (VPN-05, RT-04).`,
      change: `add ${onPremText} to the static routes of VPN connection ${site.vpn}`,
      topology: t,
    }),
  ];
}

/**
 * d2+: on a virtual private gateway association a Direct Connect gateway advertises the VPC's CIDR, and the
 * allowed prefixes only filter it: the CIDR goes out when an allowed prefix is the same as or wider than it,
 * and a narrower prefix advertises nothing (DX-04, AWS's example: 10.0.0.0/24 on a 10.0.0.0/16 VPC gives no
 * route). Two faults: another subnet's block (`other`), and the server's own subnet, the trap, since it holds the
 * server's address and still leaves on premises without a route. A prefix wider than the VPC works.
 */
function dxPrefixFaults(t: T.Topology, site: Site, vgw: string, other: Cidr | undefined): Variant[] {
  const vpc = site.vpc.cidr;
  if (!other) return [];
  const vpcText = cidrText(vpc);
  const allow = (prefixes: string[]): T.Topology =>
    topologyWith(t, {
      directConnectGateways: t.directConnectGateways.map((d) => ({
        ...d,
        associations: d.associations.map((a) =>
          a.gatewayId === vgw ? { ...a, allowedPrefixes: prefixes } : a,
        ),
      })),
    });
  const narrower = (prefix: Cidr): Variant => ({
    topology: allow([cidrText(prefix)]),
    fix: {
      cause: `The allowed prefixes of the Direct Connect gateway's association with ${vgw} list only ${cidrText(prefix)}, narrower than the VPC's CIDR ${vpcText}. On a virtual private gateway association they only filter the VPC's CIDR, which is advertised when an allowed prefix is the same as or wider than it, so nothing is advertised and on premises has no route to ${site.instance.ip} (DX-04).`,
      change: `set the allowed prefixes of the association with ${vgw} to the VPC's range ${vpcText}`,
      topology: t,
    },
  });
  const widerPrefix = vpc.prefix - 1;
  const wider: Cidr = { base: vpc.base - (vpc.base % cidrSize(widerPrefix)), prefix: widerPrefix };
  return [narrower(other), narrower(site.subnet.cidr), { topology: allow([cidrText(wider)]), works: true }];
}

/**
 * d3: route priority. VPC A reaches on premises over a static VPN to its virtual private gateway (route
 * propagation on) and is attached to a transit gateway with VPC B, whose route table knows nothing of on
 * premises. A static route to the transit gateway for the on-premises block beats the propagated route for the
 * same prefix (RT-06); one for a narrower block holding the server wins by longest prefix (RT-04); a summary
 * route wider than the block loses to the propagated route (a working variant). The reply is what goes astray.
 */
function routePriorityScenario(rng: Rng): Scenario {
  const estate = buildEstate(rng, 2);
  const [site, other] = estate.sites as [Site, Site];
  const b = estate.builder;
  const hub = hubSites(estate, [site, other]);
  const onPrem = onPremisesCidr(rng, [site.vpc.cidr, other.vpc.cidr]);
  const onPremText = cidrText(onPrem);
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  const vgw = b.id("vgw");
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const rtb = site.subnet.routeTableId;
  // The app subnet's network ACL: everything within the VPC (the transit gateway attachment sits in this
  // subnet), the service port from on premises in, the replies to its ephemeral ports out (ACL-02, ACL-08).
  const vpcRange = cidrText(site.vpc.cidr);
  const within = (ruleNumber: number): T.NaclRule => ({
    ruleNumber,
    protocol: "all",
    cidrBlock: vpcRange,
    action: "allow",
  });
  const request: T.NaclRule = {
    ruleNumber: 110,
    protocol: "tcp",
    fromPort: estate.port,
    toPort: estate.port,
    cidrBlock: onPremText,
    action: "allow",
  };
  const acl = b.networkAcl(
    site.vpc,
    `${site.vpc.name}-app-acl`,
    [within(100), request],
    [within(100), { ...request, fromPort: 1024, toPort: 65535 }],
  );
  b.setSubnet(site.subnet.id, { networkAclId: acl });
  const t0 = b.build("VPN beside a transit gateway");
  const unpropagated: T.Topology = topologyWith(t0, {
    vpnGateways: [{ id: vgw, name: `${site.vpc.name}-vgw`, vpcId: site.vpc.id, asn: 64512 }],
    customerGateways: [customerGateway(cgw, onPremName, customerPublicIp(rng))],
    vpnConnections: [
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
    onPremisesNetworks: [onPremisesNetwork(onPremName, onPremText, { cgw })],
    securityGroups: admitFromOnPremises(t0.securityGroups, site.instance.sgId, estate.port, onPremText, true),
  });
  const base = setPropagation(rtb, [vgw])(unpropagated);
  // The server's /24 (the exhibit gives its address: the block's first /24) and a /16 summary around the block.
  const narrow = cidrText({ base: onPrem.base, prefix: 24 });
  const summary = cidrText({ base: onPrem.base - (onPrem.base % cidrSize(16)), prefix: 16 });
  const toTgw = (destination: string, rule: string, why: string): Variant =>
    lazyVariant(() => addRoute(rtb, destination, hub.tgwId)(base), undefined, {
      cause: `The static route ${destination} → ${hub.tgwId} in ${rtb} ${why}, so the reply goes to the transit gateway, whose route table has no route to on premises (${rule}).`,
      change: `delete the route ${destination} → ${hub.tgwId} from ${rtb}`,
      topology: base,
    });
  const bothDown = lazyVariant(() => setTunnels(["DOWN", "DOWN"])(base), undefined, tunnelFix(base));
  const notPropagated: Variant = { topology: unpropagated };
  // A misreading to offer: the request rule written for the other VPC's range instead of on premises.
  const wrongSource = lazyVariant(() =>
    setNacl(acl, { inbound: [within(100), { ...request, cidrBlock: cidrText(other.vpc.cidr) }] })(base),
  );
  const closedGroup = lazyVariant(() =>
    setSecurityGroupInbound(
      site.instance.sgId,
      t0.securityGroups.find((g) => g.id === site.instance.sgId)?.inbound.slice() ?? [],
    )(base),
  );
  return {
    stem:
      `The on-premises network ${onPremName} (${onPremText}) connects over a Site-to-Site VPN (static routing) to the virtual private gateway of VPC ${site.vpc.name} (${cidrText(site.vpc.cidr)}), ` +
      `and ${site.vpc.name} also connects to VPC ${other.vpc.name} through transit gateway ${hub.tgwId}. ` +
      ask(
        rng,
        "a server on premises",
        estate.portName,
        estate.port,
        `${site.instance.name} (${site.instance.ip}) in ${site.vpc.name}`,
      ) +
      " The setup:",
    query: { from: onPremName, to: site.instance.name, protocol: "tcp", port: estate.port },
    concepts: ["V1", "V3", "V6"],
    variants: [
      { topology: base, works: true },
      lazyVariant(() => setTunnels(["UP", "DOWN"])(base), true),
      // Longest prefix first: the propagated /20 beats a static /16 to the transit gateway (RT-04).
      lazyVariant(() => addRoute(rtb, summary, hub.tgwId)(base), true),
      toTgw(
        onPremText,
        "RT-06",
        "has the same prefix as the propagated route and, being static, wins over it",
      ),
      toTgw(
        narrow,
        "RT-04",
        `is more specific than the propagated ${onPremText} and holds the server's address`,
      ),
      notPropagated,
      ...vpnStaticRouteFaults(base, { vpn, onPrem, rtb }),
      bothDown,
      closedGroup,
      wrongSource,
    ],
    // Propagation off is the d1 fault: here only an option, as are the tunnels and the network ACL.
    optionOnly: [bothDown, notPropagated, wrongSource],
    generic: [closedGroup],
  };
}

/**
 * One VPC behind a virtual private gateway, reached over a static VPN or over Direct Connect. From d2 on it adds
 * the faults of the link itself (`level`): the VPN's static routes or the DX association's allowed prefixes.
 */
function vpnScenario(rng: Rng, dx: boolean, level: Difficulty = 1): Scenario {
  const estate = buildEstate(rng, 1);
  const [site] = estate.sites as [Site];
  const b = estate.builder;
  const onPrem = onPremisesCidr(rng, [site.vpc.cidr]);
  const onPremText = cidrText(onPrem);
  const vgw = b.id("vgw");
  const cgw = b.id("cgw");
  const vpn = b.id("vpn");
  const dxgw = b.id("dxgw");
  // d2+ over Direct Connect: a second, instance-less subnet, shown in the exhibit, whose block is the allowed
  // prefix that misses the server.
  const spare =
    dx && level > 1 && site.subnet.cidr.prefix > site.vpc.cidr.prefix
      ? b.subnet(site.vpc, { role: "data", prefix: site.subnet.cidr.prefix })
      : undefined;
  const t0 = b.build("hybrid");
  const onPremName = rng.pick(ON_PREMISES_NAMES);
  const base: T.Topology = topologyWith(t0, {
    vpnGateways: [{ id: vgw, name: `${site.vpc.name}-vgw`, vpcId: site.vpc.id, asn: 64512 }],
    customerGateways: dx ? [] : [customerGateway(cgw, onPremName, customerPublicIp(rng))],
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
    onPremisesNetworks: [onPremisesNetwork(onPremName, onPremText, dx ? { dxgw } : { cgw })],
    securityGroups: admitFromOnPremises(t0.securityGroups, site.instance.sgId, estate.port, onPremText),
  });
  const rtb = site.subnet.routeTableId;
  const propagated = setPropagation(rtb, [vgw])(base);
  const closedGroup: Variant = lazyVariant(() => setSecurityGroupInbound(site.instance.sgId, [])(propagated));
  const variants: Variant[] = [
    { topology: propagated, works: true },
    { topology: base },
    lazyVariant(() => addRoute(rtb, onPremText, vgw)(base), true),
    closedGroup,
  ];
  const optionOnly: Variant[] = [];
  if (level > 1)
    variants.push(
      ...(dx
        ? dxPrefixFaults(propagated, site, vgw, spare?.cidr)
        : vpnStaticRouteFaults(propagated, { vpn, onPrem, rtb })),
    );
  if (dx) {
    // DX-04: the association's allowed prefixes must cover the VPC's range; the tempting slip is to list the
    // on-premises block there instead, so on premises never learns a route to the VPC. Option only: the setup
    // table would show it.
    const wrongPrefixes: Variant = {
      topology: topologyWith(propagated, {
        directConnectGateways: propagated.directConnectGateways.map((d) => ({
          ...d,
          associations: d.associations.map((a) => ({ ...a, allowedPrefixes: [onPremText] })),
        })),
      }),
    };
    variants.push(wrongPrefixes);
    optionOnly.push(wrongPrefixes);
  } else {
    // rule VPN-02: one tunnel up is enough.
    const bothDown = lazyVariant(
      () => setTunnels(["DOWN", "DOWN"])(propagated),
      undefined,
      tunnelFix(propagated),
    );
    variants.push(
      lazyVariant(() => setTunnels(["UP", "DOWN"])(propagated), true),
      bothDown,
    );
    optionOnly.push(bothDown);
  }
  const link = dx
    ? "Direct Connect (private VIF to Direct Connect gateway corp-dxgw, associated with the VPC's virtual private gateway)"
    : "a Site-to-Site VPN to the VPC's virtual private gateway";
  return {
    stem:
      `The on-premises network ${onPremName} (${onPremText}) connects to VPC ${site.vpc.name} (${cidrText(site.vpc.cidr)}) over ${link}. ` +
      ask(
        rng,
        "a server on premises",
        estate.portName,
        estate.port,
        `${site.instance.name} (${site.instance.ip})`,
      ) +
      " The setup:",
    query: { from: onPremName, to: site.instance.name, protocol: "tcp", port: estate.port },
    variants,
    optionOnly,
    generic: [closedGroup],
    concepts: dx ? ["V8"] : ["V1", "V2", "V3"],
  };
}

/**
 * The variant the question shows. About 2 in 7 show a working setup (as reach-question's default); option-only
 * variants are never shown. From d2 on a generic fault (a security group) is shown only 1 time in 8 that a
 * fault is shown, so the question mostly turns on hybrid routing: propagation, the VPN's static routes, allowed
 * prefixes, TGW tables, route priority.
 */
function pickShown(rng: Rng, difficulty: Difficulty, scenario: Scenario): Variant {
  const showable = scenario.variants.filter((v) => !(scenario.optionOnly ?? []).includes(v));
  const yes = showable.filter((v) => v.works === true);
  const no = showable.filter((v) => v.works !== true);
  if (yes.length > 0 && rng.chance(2, 7)) return rng.pick(yes);
  if (difficulty === 1) return rng.pick(no);
  const generic = no.filter((v) => (scenario.generic ?? []).includes(v));
  const specific = no.filter((v) => !generic.includes(v));
  return generic.length > 0 && (specific.length === 0 || rng.chance(1, 8))
    ? rng.pick(generic)
    : rng.pick(specific);
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  // d1: one VPC behind a virtual private gateway; d2: adds Direct Connect and a TGW-attached VPN with one route
  // table, and the link's own faults (VPN static routes, DX allowed prefixes); d3: a TGW-attached VPN with
  // segmented route tables, a VPN beside a transit gateway where route priority decides, a VPN beside a peering,
  // or Direct Connect with its allowed prefixes.
  const kind =
    difficulty === 1
      ? "vgw"
      : rng.pick(
          difficulty === 2
            ? (["vgw", "dx", "tgw", "dx-tgw"] as const)
            : (["segmented", "segmented", "priority", "priority", "peering", "dx", "dx-tgw"] as const),
        );
  const scenario =
    kind === "tgw"
      ? tgwVpnScenario(rng)
      : kind === "dx-tgw"
        ? dxTgwScenario(rng, difficulty)
        : kind === "segmented"
          ? segmentedTgwVpnScenario(rng)
          : kind === "peering"
            ? vpnThroughPeeringScenario(rng)
            : kind === "priority"
              ? routePriorityScenario(rng)
              : vpnScenario(rng, kind === "dx", difficulty);
  const drawn = withBothTunnelsDown(seed, difficulty, scenario, pickShown(rng, difficulty, scenario));
  const tunnels = withTunnelOrder(
    seed,
    difficulty,
    withOneTunnelDown(seed, difficulty, scenario.variants, drawn),
  );
  // The VGW setups have few components of their own: the app subnet's network ACL is one more to be wrong about.
  const { variants, shownVariant } =
    kind === "vgw" || kind === "peering"
      ? withAppSubnetAcl(seed, difficulty, scenario.query, tunnels.variants, tunnels.shownVariant)
      : tunnels;
  return buildReachQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: scenario.concepts,
    stem: scenario.stemFor?.(shownVariant) ?? scenario.stem,
    query: scenario.query,
    variants,
    shown: variants.indexOf(shownVariant),
    describe: true,
    yesKeyNotLongest: true,
  });
}

/**
 * Both tunnels DOWN is a real fault too. At d1 and d2, 1 in 8 questions that show a faulty setup show
 * that one (the model computes the verdict: no tunnel UP, the connection carries nothing), so the tunnel options
 * are sometimes the key. Not at d3, where a DOWN/DOWN table would make the item easier than d2. Drawn from a fork
 * of its own, so the question's other draws stay as they were.
 */
function withBothTunnelsDown(
  seed: number,
  difficulty: Difficulty,
  scenario: Scenario,
  drawn: Variant,
): Variant {
  if (difficulty === 3 || drawn.works === true) return drawn;
  const bothDown = (scenario.optionOnly ?? []).find((v) =>
    v.topology.vpnConnections.some(
      (c) => c.tunnels.length > 0 && c.tunnels.every((x) => x.status === "DOWN"),
    ),
  );
  if (!bothDown || !forkedRng(seed, `${NAME}/${difficulty}/both-down`).chance(1, 8)) return drawn;
  return bothDown;
}

/**
 * Which of the two tunnels is the DOWN one (in every variant, and the fixes) is drawn per question: every exhibit
 * used to show tunnel 1 UP and tunnel 2 DOWN. A fork of its own keeps the other draws.
 */
/**
 * The variant with `f` applied to its topology and its fix's topology, each made only when read (lazyVariant):
 * a question reads the shown variant's fix and only as many other variants as fill its options, and mapping
 * every variant and fix up front (a copy of the whole topology each, twice when the tunnel order and the app
 * subnet's ACL both apply) built topologies nothing read. `f` draws nothing from the rng.
 */
function mapVariant(v: Variant, f: (t: T.Topology) => T.Topology): Variant {
  const fix = v.fix;
  return lazyVariant(
    () => f(v.topology),
    v.works,
    fix !== undefined ? lazyMappedFix(fix, f) : undefined,
    v.lastResort,
  );
}

function withTunnelOrder(
  seed: number,
  difficulty: Difficulty,
  drawn: { variants: Variant[]; shownVariant: Variant },
): { variants: Variant[]; shownVariant: Variant } {
  if (!forkedRng(seed, `${NAME}/${difficulty}/tunnel-order`).chance(1, 2)) return drawn;
  // One flipped copy per topology object: several variants' fixes are the same working setup, and one copy
  // keeps them one object (AnalysisMemo and NetworkCache then find it by identity).
  const flipped = new Map<T.Topology, T.Topology>();
  const flip = (t: T.Topology): T.Topology => {
    let out = flipped.get(t);
    if (out === undefined) {
      out = t.vpnConnections.some(
        (v) => v.tunnels.length === 2 && v.tunnels[0]?.status !== v.tunnels[1]?.status,
      )
        ? topologyWith(t, {
            vpnConnections: t.vpnConnections.map((v) =>
              v.tunnels.length === 2 ? vpnConnectionWith(v, { tunnels: [...v.tunnels].reverse() }) : v,
            ),
          })
        : t;
      flipped.set(t, out);
    }
    return out;
  };
  const mapped = new Map<Variant, Variant>();
  for (const v of drawn.variants) mapped.set(v, mapVariant(v, flip));
  const variants = drawn.variants.map((v) => mapped.get(v) as Variant);
  return { variants, shownVariant: mapped.get(drawn.shownVariant) as Variant };
}

/**
 * Gives the destination's subnet a network ACL of its own in every variant: inbound the service port from on
 * premises, outbound the replies to on-premises ephemeral ports (ACL-02, ACL-08). One more variant (option only,
 * last resort) gets the inbound rule's source wrong, so "the ACL drops the request" is a misreading a learner can
 * make and the model can disprove. Its id comes from a fork of its own, so the question's other draws (and so
 * its key) stay as they were.
 */
function withAppSubnetAcl(
  seed: number,
  difficulty: Difficulty,
  query: T.Query,
  variants: readonly Variant[],
  shown: Variant,
): { variants: Variant[]; shownVariant: Variant } {
  const t0 = shown.topology;
  const instance = t0.instances.find((i) => i.name === query.to);
  const subnet = t0.subnets.find((x) => x.id === instance?.subnetId);
  const onPrem = t0.onPremisesNetworks[0]?.cidrBlocks[0];
  const port = query.port;
  const working = variants.find((v) => v.works === true);
  if (!subnet || onPrem === undefined || port === undefined || !working)
    return { variants: [...variants], shownVariant: shown };
  const aclId = resourceId(forkedRng(seed, `${NAME}/${difficulty}/acl`), "acl");
  const request: T.NaclRule = {
    ruleNumber: 100,
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlock: onPrem,
    action: "allow",
  };
  const replies: T.NaclRule = { ...request, fromPort: 1024, toPort: 65535 };
  const acl: T.NetworkAcl = {
    id: aclId,
    name: `${subnet.name ?? subnet.id}-acl`,
    vpcId: subnet.vpcId,
    isDefault: false,
    inbound: [request],
    outbound: [replies],
  };
  const done = new Map<T.Topology, T.Topology>();
  // One associated copy per subnet object, shared by every variant that holds that object: a new copy per
  // variant made each variant's subnets new objects, and lib/net's NetworkCache then recompiled the whole
  // network core (and every layer on it) for each variant instead of reusing the base's.
  const associated = new Map<T.Subnet, T.Subnet>();
  const withAclId = (x: T.Subnet): T.Subnet => {
    let out = associated.get(x);
    if (!out) associated.set(x, (out = subnetWith(x, { networkAclId: aclId })));
    return out;
  };
  const withAcl = (t: T.Topology): T.Topology => {
    let out = done.get(t);
    if (!out) {
      out = topologyWith(t, {
        networkAcls: [...t.networkAcls, acl],
        subnets: t.subnets.map((x) => (x.id === subnet.id ? withAclId(x) : x)),
      });
      done.set(t, out);
    }
    return out;
  };
  const mapped = new Map<Variant, Variant>();
  for (const v of variants) mapped.set(v, mapVariant(v, withAcl));
  const out = variants.map((v) => mapped.get(v) as Variant);
  // The misreading offered: the inbound rule written for the VPC's own range instead of on premises. (A reply
  // variant, outbound opened only on the service port, reads better but its option carries the stateless lesson
  // as a second sentence and so was the longest option wherever offered.)
  const vpcCidr = t0.vpcs.find((v) => v.id === subnet.vpcId)?.cidrBlocks[0] ?? onPrem;
  out.push(
    lazyVariant(
      () => setNacl(aclId, { inbound: [{ ...request, cidrBlock: vpcCidr }] })(withAcl(working.topology)),
      undefined,
      undefined,
      true,
    ),
  );
  return { variants: out, shownVariant: mapped.get(shown) as Variant };
}

/**
 * Half the faulty setups show tunnel 2 DOWN (the connection still carries traffic, VPN-02), as half the working
 * ones do (the UP/DOWN variant): then "one DOWN tunnel stops the VPN" is a misreading the exhibit invites and can be
 * offered, where beside two UP tunnels a "tunnels are down" option would be refuted at a glance and is dropped.
 * Drawn from a fork of its own so the question's other draws (and so its key) stay as they were.
 */
function withOneTunnelDown(
  seed: number,
  difficulty: Difficulty,
  variants: readonly Variant[],
  drawn: Variant,
): { variants: Variant[]; shownVariant: Variant } {
  const allUp = drawn.topology.vpnConnections.every((v) => v.tunnels.every((x) => x.status === "UP"));
  if (drawn.works === true || !allUp || !forkedRng(seed, `${NAME}/${difficulty}/tunnels`).chance(1, 2))
    return { variants: [...variants], shownVariant: drawn };
  // Key by key rather than `{ ...drawn, topology }`: a spread copies no getter of a lazyVariant.
  const shownVariant: Variant = {
    topology: setTunnels(["UP", "DOWN"])(drawn.topology),
    works: drawn.works,
    fix: drawn.fix,
    lastResort: drawn.lastResort,
  };
  return { variants: variants.map((v) => (v === drawn ? shownVariant : v)), shownVariant };
}

export const hybrid: Family = {
  name: NAME,
  title: "VPN, Direct Connect and transit gateway VPN",
  concepts: ["V1", "V2", "V3", "V6", "V8", "P3"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate,
};

/**
 * The groups with `sgId` admitting TCP `port` from the on-premises block: as its only inbound rule, or (`keep`)
 * after the rules it has.
 */
function admitFromOnPremises(
  groups: readonly T.SecurityGroup[],
  sgId: string,
  port: number,
  cidrBlock: string,
  keep = false,
): T.SecurityGroup[] {
  return groups.map((g) =>
    g.id === sgId
      ? securityGroupWith(g, {
          inbound: [
            ...(keep ? g.inbound : []),
            { protocol: "tcp" as const, fromPort: port, toPort: port, cidrBlock },
          ],
        })
      : g,
  );
}
