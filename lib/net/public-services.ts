// Any AWS service by its full name (com.amazonaws.us-east-1.sqs, sqs.us-east-1.amazonaws.com) is a
// public endpoint even when the topology does not list it: without an interface endpoint whose private
// DNS answers for it (IFE-03), the name resolves to a public address, reached through an internet
// gateway or a NAT gateway like any internet host. Its address range is not known, so the network's
// internet stand-in address is used.
import type { IpAddress } from "./cidr";
import { parseServiceName } from "./dns";
import type { Network } from "./network-model";
import { internetAddresses } from "./network-indexes";

export type PublicService = { name: string; ip: IpAddress; explanation: string };

export function publicServiceFor(
  net: Network,
  ref: string,
  defaultRegion: string,
): PublicService | undefined {
  if (!ref.includes(".")) return undefined;
  const svc = parseServiceName(ref, defaultRegion);
  if (!svc) return undefined;
  const ip = internetAddresses(net).server;
  return {
    name: svc.service,
    ip,
    explanation: `${svc.service}.${svc.region}.amazonaws.com is a public AWS endpoint (no interface endpoint with private DNS answers for it here); its address ranges are not in the topology, so a public address (${ip.text}) stands for it`,
  };
}
