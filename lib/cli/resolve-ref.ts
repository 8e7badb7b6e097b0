import type { Network } from "../net/network";
import { resolveDestination, resolveSource, unavailableNatGateway } from "../net/resolve";

// Bad --from/--to refs are bad input (exit 2, one line naming the flag), not an unreachable verdict,
// so they are checked with the model's own resolver before analyzing.

export function refProblem(net: Network, from: string, to: string, now: number): string | null {
  const source = resolveSource(net, from);
  if (!source.ok) return `--from ${source.message}`;
  const destination = resolveDestination(net, to, source.value, now);
  // A failed or deleted NAT gateway is in the snapshot: the analysis blocks at it (BAD_STATE) instead.
  if (!destination.ok) return unavailableNatGateway(net, to) ? null : `--to ${destination.message}`;
  // Both ends outside the topology: no path of the network is in question, so there is nothing to analyze.
  if (source.value.kind === "internet" && destination.value.kind === "internet")
    return `--to ${to} is on the internet like --from ${from}: at least one end must be inside the topology (a resource, a service or an on-premises network)`;
  // One interface as both ends is no path (Reachability Analyzer refuses it too): nothing leaves it to be judged.
  if (
    source.value.kind === "eni" &&
    destination.value.kind === "eni" &&
    source.value.eni === destination.value.eni
  )
    return `--to ${to} is the same network interface (${source.value.eni.id}) as --from ${from}: give two different ends`;
  return null;
}
