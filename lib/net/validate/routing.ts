// Route tables: one main table per VPC (RT-01), destinations, targets (RT-08, RT-09, PCX-08, IGW-01).
import { cidrContainsCidr, cidrsOverlap, toCidr } from "../cidr";
import { firstById, type ValidationContext } from "./context";

/** Each route table and its routes. */
export function checkRouteTables(v: ValidationContext): void {
  const peerings = firstById(v.topology.peeringConnections);
  const internetGateways = firstById(v.topology.internetGateways);
  const mains = new Map<string, number>();
  v.topology.routeTables.forEach((rt, i) => {
    v.ref(`routeTables[${i}].vpcId`, rt.vpcId, "VPC");
    if (rt.main) {
      if (mains.has(rt.vpcId))
        v.add(
          "RCH_DUPLICATE_MAIN_ROUTE_TABLE",
          `routeTables[${i}].main`,
          `VPC ${rt.vpcId} already has a main route table (routeTables[${mains.get(rt.vpcId)}]).`,
          ["RT-01"],
        );
      else mains.set(rt.vpcId, i);
    }
    // RT-06: CreateRoute refuses a second static route to a destination the table already has
    // (RouteAlreadyExists), so two of them cannot come from AWS; which one the model used would be a guess.
    // A propagated route may share a static route's destination: the static one wins.
    const staticDestinations = new Map<string, number>();
    rt.routes.forEach((r, j) => {
      const path = `routeTables[${i}].routes[${j}]`;
      const key =
        r.destination !== undefined
          ? v.cidrOf(r.destination)?.text
          : r.destinationPrefixListId !== undefined
            ? r.destinationPrefixListId
            : undefined;
      if (key !== undefined && r.origin !== "propagated") {
        const first = staticDestinations.get(key);
        if (first !== undefined)
          v.add(
            "RCH_DUPLICATE_ROUTE",
            `${path}.${r.destination !== undefined ? "destination" : "destinationPrefixListId"}`,
            `Route table ${rt.id} already has a route to ${key} (routes[${first}]); AWS keeps one route per destination in a table (a second CreateRoute fails with RouteAlreadyExists; ReplaceRoute changes the target).`,
            ["RT-06"],
          );
        else staticDestinations.set(key, j);
      }
      if (r.destination === undefined && r.destinationPrefixListId === undefined)
        v.add(
          "RCH_ROUTE_WITHOUT_DESTINATION",
          path,
          "A route needs a destination CIDR or a prefix list.",
          [],
        );
      v.ref(`${path}.destinationPrefixListId`, r.destinationPrefixListId, "Prefix list");
      const d = r.destination !== undefined ? v.cidrOf(r.destination) : undefined;
      if (d && d.family === 4 && cidrsOverlap(d, toCidr("169.254.168.0/22")) && d.prefix >= 22)
        v.add(
          "RCH_RESERVED_ROUTE",
          `${path}.destination`,
          `Routes to 169.254.168.0/22 or its subsets cannot be added.`,
          ["RT-09"],
        );
      if (r.target === "local" || r.target === "blackhole") return;
      if (!v.has(r.target)) {
        v.add(
          "RCH_UNKNOWN_REFERENCE",
          `${path}.target`,
          `Route target "${r.target}" does not exist in this topology. AWS shows a route whose target was deleted as a blackhole route: write target: blackhole to model one, or remove the route.`,
          ["RT-08"],
        );
        return;
      }
      // RT-03: only a middlebox (NAT gateway, network interface, Gateway Load Balancer endpoint) may take
      // traffic inside the VPC's own range; CreateRoute refuses a gateway there, so such a snapshot cannot exist.
      // A propagated route (BGP over a VPN or Direct Connect) is installed by AWS, not by CreateRoute, so it can
      // exist; the local route wins over it however specific it is (RT-05).
      if (d && /^(igw|eigw|vgw)-/.test(r.target)) {
        const local = v.vpcCidrs(rt.vpcId).find((c) => cidrContainsCidr(c, d));
        if (local && r.origin === "propagated")
          v.add(
            "RCH_ROUTE_MORE_SPECIFIC_THAN_LOCAL",
            `${path}.destination`,
            `${r.destination ?? "?"} is inside VPC ${rt.vpcId}'s own ${local.text}; this route is propagated from ${r.target}, so the local route wins over it and it carries no traffic.`,
            ["RT-05"],
            "warning",
          );
        else if (local)
          v.add(
            "RCH_ROUTE_MORE_SPECIFIC_THAN_LOCAL",
            `${path}.destination`,
            `${r.destination ?? "?"} is inside VPC ${rt.vpcId}'s own ${local.text} (the local route); a route there may only target a NAT gateway, a network interface or a Gateway Load Balancer endpoint, not ${r.target}.`,
            ["RT-03"],
          );
      }
      if (r.target.startsWith("pcx-")) {
        const pcx = peerings.get(r.target);
        if (pcx && pcx.requesterVpcId !== rt.vpcId && pcx.accepterVpcId !== rt.vpcId) {
          v.add(
            "RCH_PEERING_NOT_IN_VPC",
            `${path}.target`,
            `Peering connection ${pcx.id} does not connect VPC ${rt.vpcId}.`,
            ["PCX-08"],
          );
        } else if (pcx && pcx.status !== "active") {
          v.add(
            "RCH_ROUTE_TO_INACTIVE_PEERING",
            `${path}.target`,
            `Peering connection ${pcx.id} is ${pcx.status}, so this route is a blackhole until it is active.`,
            ["PCX-05", "PCX-08", "RT-08"],
            "warning",
          );
        }
        if (pcx && d && r.destination !== undefined) {
          const peer = pcx.requesterVpcId === rt.vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
          // A peer VPC unknown to the snapshot (another account's, behind an inactive peering) has no CIDRs to check.
          if (v.has(peer) && !v.vpcCidrs(peer).some((c) => cidrsOverlap(c, d))) {
            v.add(
              "RCH_ROUTE_OUTSIDE_PEER",
              `${path}.destination`,
              `${r.destination} is not inside peer VPC ${peer}; a peering only carries traffic to the peer's own addresses.`,
              ["PCX-02", "PCX-10"],
              "warning",
            );
          }
        }
      }
      if (r.target.startsWith("igw-")) {
        const igw = internetGateways.get(r.target);
        // AWS keeps the route after detach-internet-gateway and shows it with State blackhole (RT-08): an
        // ordinary state to explain per path, not a snapshot that cannot exist.
        if (igw && igw.vpcId !== rt.vpcId)
          v.add(
            "RCH_GATEWAY_NOT_ATTACHED",
            `${path}.target`,
            `Internet gateway ${igw.id} is not attached to VPC ${rt.vpcId}, so this route is a blackhole: traffic it matches is dropped.`,
            ["IGW-01", "RT-08"],
            "warning",
          );
      }
    });
    rt.propagatingGatewayIds.forEach((g, j) =>
      v.ref(`routeTables[${i}].propagatingGatewayIds[${j}]`, g, "Virtual private gateway"),
    );
  });
}
