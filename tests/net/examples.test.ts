import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopologyText } from "@/lib/net/parse";
import { validate } from "@/lib/net/validate";
import { TOPOLOGY_DIR, example, exampleFiles, run } from "./helpers";

describe("content/topologies", () => {
  it("holds the required example topologies", () => {
    expect(exampleFiles()).toEqual(
      expect.arrayContaining([
        "abc-peering-chain.yaml",
        "gateway-endpoint-from-peer.yaml",
        "nacl-blocks-responses.yaml",
        "tgw-hub.yaml",
        "public-private-nat.yaml",
        "ipv6-egress-only.yaml",
        "interface-endpoint-private-dns.yaml",
        "site-to-site-vpn.yaml",
      ]),
    );
  });

  for (const file of exampleFiles()) {
    it(`${file} parses, has a description and validates without errors`, () => {
      const parsed = parseTopologyText(readFileSync(path.join(TOPOLOGY_DIR, file), "utf8"), "yaml");
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.topology.description?.length ?? 0).toBeGreaterThan(20);
      expect(validate(parsed.topology).filter((i) => i.severity === "error")).toEqual([]);
    });
  }

  it("golden verdicts of the examples", () => {
    expect(run(example("abc-peering-chain"), "app-a", "app-c").reachable).toBe(false);
    expect(run(example("gateway-endpoint-from-peer"), "app-host", "s3", 443).reachable).toBe(false);
    expect(run(example("nacl-blocks-responses"), "internet", "web", 443).reachable).toBe(false);
    expect(run(example("tgw-hub"), "host-1", "host-3").reachable).toBe(true);
    expect(run(example("public-private-nat"), "app", "internet", 443).reachable).toBe(true);
    expect(run(example("public-private-nat"), "bastion", "app", 22).reachable).toBe(true);
    expect(run(example("ipv6-egress-only"), "worker", "2001:db8::1", 443).reachable).toBe(true);
    expect(run(example("interface-endpoint-private-dns"), "app", "sqs", 443).reachable).toBe(true);
    expect(run(example("site-to-site-vpn"), "data-centre", "hybrid-host", 22).reachable).toBe(true);
  });
});
