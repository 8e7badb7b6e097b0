import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopologyText } from "@/lib/net/parse";
import { analyze } from "@/lib/net/reachability";
import { validate } from "@/lib/net/validate";

describe("docs/topology-format.md", () => {
  it("its full example parses, validates and behaves as described", () => {
    const md = readFileSync(path.resolve(import.meta.dirname, "../../docs/topology-format.md"), "utf8");
    const yaml = /## Full example\s+```yaml\n([\s\S]*?)```/.exec(md)?.[1];
    expect(yaml).toBeDefined();
    const parsed = parseTopologyText(yaml ?? "", "yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validate(parsed.topology)).toEqual([]);
    expect(
      analyze(parsed.topology, { from: "bastion", to: "app", protocol: "tcp", port: 22 }).reachable,
    ).toBe(true);
    expect(
      analyze(parsed.topology, { from: "app", to: "internet", protocol: "tcp", port: 443 }).reachable,
    ).toBe(true);
  });
});
