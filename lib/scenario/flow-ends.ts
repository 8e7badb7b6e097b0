// The ends of a question's flow as the "Flow:" line names them. A query may give an instance by address (an
// IPv6 flow-log question asks for the instance's IPv6 address, so that the model picks IPv6); the line still
// names the host, as the stem and every other question do, with the address beside it.
import type { Topology } from "../net/index";

function hostName(topology: Topology | undefined, ref: string): string | undefined {
  if (topology === undefined) return undefined;
  for (const i of topology.instances)
    if (i.privateIp === ref || i.ipv6Addresses.includes(ref)) return i.name ?? i.id;
  for (const e of topology.networkInterfaces) {
    if (e.privateIp !== ref && !e.ipv6Addresses.includes(ref)) continue;
    const owner = topology.instances.find((i) => i.id === e.instanceId);
    return owner?.name ?? e.name ?? e.id;
  }
  return undefined;
}

/** "db-1 (2600:…)" for an instance's address, else the reference unchanged (a name, "internet", a CIDR, …). */
export function flowEndText(topology: Topology | undefined, ref: string): string {
  const name = hostName(topology, ref);
  return name !== undefined ? `${name} (${ref})` : ref;
}
