// Small, named edits that turn a working topology into a "nearby variant" with one fault. Each returns a
// new topology and leaves its input untouched (families analyse several variants of one base).
import type * as T from "../net/index";
import {
  networkAclWith,
  routeTableWith,
  securityGroupWith,
  tgwRouteTableWith,
  topologyWith,
  withField,
} from "./topology-builder";

type Edit = (t: T.Topology) => T.Topology;

export function removeRoute(routeTableId: string, destination: string): Edit {
  return (t) =>
    topologyWith(t, {
      routeTables: t.routeTables.map((rt) =>
        rt.id === routeTableId
          ? routeTableWith(rt, { routes: rt.routes.filter((r) => r.destination !== destination) })
          : rt,
      ),
    });
}

export function addRoute(routeTableId: string, destination: string, target: string): Edit {
  return (t) =>
    topologyWith(t, {
      routeTables: t.routeTables.map((rt) =>
        rt.id === routeTableId
          ? routeTableWith(rt, { routes: [...rt.routes, { destination, target, origin: "static" as const }] })
          : rt,
      ),
    });
}

export function setPeeringStatus(pcxId: string, status: T.PeeringStatus, createdAt?: number): Edit {
  return (t) =>
    topologyWith(t, {
      peeringConnections: t.peeringConnections.map((p) =>
        p.id === pcxId ? withField(p, createdAt !== undefined ? { status, createdAt } : { status }) : p,
      ),
    });
}

/** Turns on the peering's DNS resolution option for both VPCs (rule PCX-13): it changes no route and no rule. */
export function enablePeeringDnsResolution(pcxId: string): Edit {
  return (t) =>
    topologyWith(t, {
      peeringConnections: t.peeringConnections.map((p) =>
        p.id === pcxId
          ? withField(p, {
              requesterAllowDnsResolutionFromRemoteVpc: true,
              accepterAllowDnsResolutionFromRemoteVpc: true,
            })
          : p,
      ),
    });
}

export function removePeering(pcxId: string): Edit {
  return (t) =>
    topologyWith(t, {
      peeringConnections: t.peeringConnections.filter((p) => p.id !== pcxId),
      routeTables: t.routeTables.map((rt) =>
        routeTableWith(rt, {
          routes: rt.routes.filter((r) => r.target !== pcxId),
        }),
      ),
    });
}

export function setSecurityGroupInbound(sgId: string, inbound: T.SgRule[]): Edit {
  return (t) =>
    topologyWith(t, {
      securityGroups: t.securityGroups.map((sg) =>
        sg.id === sgId ? securityGroupWith(sg, { inbound }) : sg,
      ),
    });
}

export function setSecurityGroupOutbound(sgId: string, outbound: T.SgRule[]): Edit {
  return (t) =>
    topologyWith(t, {
      securityGroups: t.securityGroups.map((sg) =>
        sg.id === sgId ? securityGroupWith(sg, { outbound }) : sg,
      ),
    });
}

export function setNacl(aclId: string, patch: Partial<Pick<T.NetworkAcl, "inbound" | "outbound">>): Edit {
  return (t) =>
    topologyWith(t, {
      networkAcls: t.networkAcls.map((acl) => (acl.id === aclId ? networkAclWith(acl, patch) : acl)),
    });
}

export function setTgwRouteTable(
  tableId: string,
  patch: Partial<Pick<T.TransitGatewayRouteTable, "associations" | "propagations" | "routes">>,
): Edit {
  return (t) =>
    topologyWith(t, {
      transitGatewayRouteTables: t.transitGatewayRouteTables.map((rtb) =>
        rtb.id === tableId ? tgwRouteTableWith(rtb, { ...patch }) : rtb,
      ),
    });
}

/** Stops propagating an attachment's routes into a TGW route table (rule TGW-05). */
export function removeTgwPropagation(tableId: string, attachmentId: string): Edit {
  return (t) =>
    topologyWith(t, {
      transitGatewayRouteTables: t.transitGatewayRouteTables.map((rtb) =>
        rtb.id === tableId
          ? tgwRouteTableWith(rtb, { propagations: rtb.propagations.filter((x) => x !== attachmentId) })
          : rtb,
      ),
    });
}

/** Disassociates an attachment from a TGW route table (rule TGW-04). */
export function removeTgwAssociation(tableId: string, attachmentId: string): Edit {
  return (t) =>
    topologyWith(t, {
      transitGatewayRouteTables: t.transitGatewayRouteTables.map((rtb) =>
        rtb.id === tableId
          ? tgwRouteTableWith(rtb, { associations: rtb.associations.filter((x) => x !== attachmentId) })
          : rtb,
      ),
    });
}

/** Removes a static TGW route (rule TGW-07). */
export function removeTgwRoute(tableId: string, destination: string): Edit {
  return (t) =>
    topologyWith(t, {
      transitGatewayRouteTables: t.transitGatewayRouteTables.map((rtb) =>
        rtb.id === tableId
          ? tgwRouteTableWith(rtb, { routes: rtb.routes.filter((r) => r.destination !== destination) })
          : rtb,
      ),
    });
}

/** Points an existing route at another target (e.g. a default route from the TGW to a peering). */
export function retargetRoute(routeTableId: string, destination: string, target: string): Edit {
  return (t) =>
    topologyWith(t, {
      routeTables: t.routeTables.map((rt) =>
        rt.id === routeTableId
          ? routeTableWith(rt, {
              routes: rt.routes.map((r) => (r.destination === destination ? { ...r, target } : r)),
            })
          : rt,
      ),
    });
}

export function compose(...edits: Edit[]): Edit {
  return (t) => edits.reduce((acc, edit) => edit(acc), t);
}

export type { Edit };

/** Adds one inbound rule to a security group, keeping its other rules. */
export function addSecurityGroupInbound(sgId: string, rule: T.SgRule): Edit {
  return (t) =>
    topologyWith(t, {
      securityGroups: t.securityGroups.map((sg) =>
        sg.id === sgId ? securityGroupWith(sg, { inbound: [...sg.inbound, rule] }) : sg,
      ),
    });
}

/** Adds one outbound rule; an omitted outbound list is the default allow-all rule (SG-03), kept explicitly. */
export function addSecurityGroupOutbound(sgId: string, rule: T.SgRule): Edit {
  const allowAll: T.SgRule = { protocol: "all", cidrBlock: "0.0.0.0/0" };
  return (t) =>
    topologyWith(t, {
      securityGroups: t.securityGroups.map((sg) =>
        sg.id === sgId ? securityGroupWith(sg, { outbound: [...(sg.outbound ?? [allowAll]), rule] }) : sg,
      ),
    });
}

/** Adds a static route to a TGW route table (rule TGW-07: static routes win over propagated ones). */
export function addTgwRoute(tableId: string, destination: string, attachmentId: string): Edit {
  return (t) =>
    topologyWith(t, {
      transitGatewayRouteTables: t.transitGatewayRouteTables.map((rtb) =>
        rtb.id === tableId
          ? tgwRouteTableWith(rtb, {
              routes: [...rtb.routes, { destination, attachmentId, blackhole: false }],
            })
          : rtb,
      ),
    });
}
