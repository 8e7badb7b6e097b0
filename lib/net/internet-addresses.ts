// Addresses that stand in for "a host on the internet" in a query (`from: internet`, `to: internet`).
// They must not be addresses the topology uses: an instance whose public IP is 203.0.113.10 would
// otherwise receive the traffic meant for "the internet". So they are picked per network, in a fixed
// order (deterministic), from the RFC 5737 documentation blocks, skipping any address that the
// topology assigns or that lies inside one of its VPC, on-premises or AWS-service ranges.
import { cidrContainsIp, type Cidr, type IpAddress, ipKey, toIp } from "./cidr";

/** First choices (also the historical constants, exported as INTERNET_CLIENT_IP / INTERNET_SERVER_IP). */
export const DEFAULT_INTERNET_CLIENT_IP = "198.51.100.10";
export const DEFAULT_INTERNET_SERVER_IP = "203.0.113.10";

/** The IPv6 internet server an IPv6-only source is sent to for "internet" (RFC 3849 documentation prefix). */
export const INTERNET_SERVER_IPV6 = toIp("2001:db8:ffff::20");

const CLIENT_BLOCKS = ["198.51.100", "192.0.2", "203.0.113"] as const;
const SERVER_BLOCKS = ["203.0.113", "192.0.2", "198.51.100"] as const;

export type AddressUse = {
  /** ipKey of every address an interface, NAT gateway or customer gateway holds (private or public). */
  readonly used: ReadonlySet<string | number>;
  /** Ranges an internet host must stay outside of. */
  readonly ranges: readonly Cidr[];
};

function isFree(ip: IpAddress, use: AddressUse, taken: ReadonlySet<string | number>): boolean {
  const key = ipKey(ip);
  if (use.used.has(key) || taken.has(key)) return false;
  for (const c of use.ranges) if (cidrContainsIp(c, ip)) return false;
  return true;
}

function pick(blocks: readonly string[], use: AddressUse, taken: ReadonlySet<string | number>): IpAddress {
  for (const block of blocks) {
    // .10 first (the documented default), then .11 ... .254, then .1 ... .9.
    for (let i = 0; i < 254; i++) {
      const host = ((i + 9) % 254) + 1;
      const ip = toIp(`${block}.${host}`);
      if (isFree(ip, use, taken)) return ip;
    }
  }
  // Only a topology whose ranges cover all three documentation blocks gets here; keep the default.
  return toIp(`${blocks[0] ?? "203.0.113"}.10`);
}

/** The client and server stand-ins for one network (never equal to each other). */
export function pickInternetAddresses(use: AddressUse): { client: IpAddress; server: IpAddress } {
  const client = pick(CLIENT_BLOCKS, use, new Set());
  const server = pick(SERVER_BLOCKS, use, new Set([ipKey(client)]));
  return { client, server };
}
