// Site-to-Site VPN CloudHub (aws-rules VPN-09). Several customer gateways on one virtual private gateway: the
// virtual private gateway re-advertises each site's prefixes to the others, so a site reaches another site
// through it. Traffic from one site to an address in another site whose VPN connection ends on the same
// virtual private gateway goes out over that connection (up, VPN-02) instead of being refused as outside the
// VPC (VPN-07). Direct Connect sites on the gateway are not included.
import { cidrContainsIp } from "./cidr";
import { namedAs } from "./explanations";
import type { OnPremisesNetwork, VpnConnection, VpnGateway } from "./topology";
import { isVpnUp, staleRoutesDetail } from "./vpn-links";
import { addHop, block, type Delivered, gatewayHop, HOP, type Pkt, ref, type Walk } from "./walk-state";

/** The other site and its VPN connections on `vgw` when `p` is CloudHub traffic from `from`, else undefined. */
export function cloudHubTarget(
  w: Walk,
  vgw: VpnGateway,
  p: Pkt,
  from: OnPremisesNetwork,
): { site: OnPremisesNetwork; vpns: VpnConnection[] } | undefined {
  const site = w.net.onPrem.find(
    (o) => o.net.id !== from.id && o.cidrs.some((c) => cidrContainsIp(c, p.dst)),
  )?.net;
  if (!site) return undefined;
  const vpns = w.net.topology.vpnConnections.filter(
    (v) => v.vpnGatewayId === vgw.id && site.customerGatewayIds.includes(v.customerGatewayId),
  );
  return vpns.length > 0 ? { site, vpns } : undefined;
}

/** Out over the other site's VPN connection to that site. */
export function sendThroughCloudHub(
  w: Walk,
  vgw: VpnGateway,
  p: Pkt,
  target: { site: OnPremisesNetwork; vpns: VpnConnection[] },
): Delivered | undefined {
  const vpn = target.vpns.find(isVpnUp) ?? target.vpns[0];
  if (!vpn) return undefined;
  const up = isVpnUp(vpn);
  addHop(w, ref(vpn.id, "vpn-connection", vpn.name), up ? "forward" : "drop", gatewayHop(vpn.id), {
    inbound: p,
    outbound: p,
  });
  if (!up) {
    block(w, "BAD_STATE_VPN", vpn.id, {
      kind: "gateway",
      gateway: namedAs(vpn, "vpn-connection"),
      state: "down",
      ...staleRoutesDetail(w.net.topology, vpn),
    });
    return undefined;
  }
  const site = target.site;
  addHop(w, ref(site.id, "on-premises-network", site.name), "deliver", HOP.deliverOnPremises, { inbound: p });
  return { kind: "onprem", id: site.id, pkt: p, via: { kind: "vgw", id: vgw.id } };
}
