// A reachability question: from/to are references resolved by network.ts (resource id or name, IP
// address, "internet", a service such as "s3" or "com.amazonaws.us-east-1.s3", an on-premises
// network, or a DNS name).
import { z } from "zod";

export type Protocol = "tcp" | "udp" | "icmp";

export type Query = { from: string; to: string; protocol: Protocol; port?: number };

export const QuerySchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  protocol: z.enum(["tcp", "udp", "icmp"]).default("tcp"),
  // Port 0 is reserved: no TCP or UDP connection is made to it, so it is not a question to ask (the CLI says the same).
  port: z.number().int().min(1, "must be from 1 to 65535").max(65535).optional(),
});

export const PROTOCOL_NUMBER: Readonly<Record<Protocol, number>> = { tcp: 6, udp: 17, icmp: 1 };

/** Deterministic client port used for the request (aws-rules ACL-08: Linux ephemeral range 32768–61000). */
export const CLIENT_EPHEMERAL_PORT = 49152;
