import { describe, expect, it } from "vitest";
import { labFixes } from "@/lib/lab/lab-fixes";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { analyze, parseTopologyText, proposeFixes, type Topology } from "@/lib/net";

const webToApp = { from: "web", to: "app", protocol: "tcp" as const, port: 443 };

function parsed(text: string): Topology {
  const result = parseTopologyText(text, "yaml");
  if (!result.ok) throw new Error("the starter does not parse");
  return result.topology;
}

describe("the lab's starter and fixes (uxr6 finding 4)", () => {
  it("the starter answers its default question (web to app on TCP 443) reachable", () => {
    expect(analyze(parsed(STARTER_TOPOLOGY_YAML), webToApp).reachable).toBe(true);
  });

  it("leads with the source's security group where the model opens a group to the whole VPC range", () => {
    const topology = parsed(
      STARTER_TOPOLOGY_YAML.replace(
        "fromPort: 443, toPort: 443, securityGroupId: sg-web",
        "fromPort: 8080, toPort: 8080, securityGroupId: sg-web",
      ),
    );
    const model = proposeFixes(topology, webToApp);
    const fixes = labFixes(topology, webToApp);
    expect(model.map((fix) => fix.description)).toEqual([
      "Add an inbound rule tcp/443 from 10.0.0.0/16 to security group sg-app",
    ]);
    expect(fixes.map((fix) => fix.id)).toEqual(["fix-narrow-1", "fix-1"]);
    const [narrow] = fixes;
    expect(narrow?.description).toBe(
      "Add an inbound rule tcp/443 from security group sg-web (web's group) to security group sg-app",
    );
    expect(narrow?.rules).toContain("SG-06");
    expect(analyze(narrow?.topology ?? topology, webToApp).reachable).toBe(true);
    const added = narrow?.topology.securityGroups.find((group) => group.id === "sg-app")?.inbound.at(-1);
    expect(added).toMatchObject({ protocol: "tcp", fromPort: 443, toPort: 443, securityGroupId: "sg-web" });
    expect(added?.cidrBlock).toBeUndefined();
    // The model's own fix keeps its id and stays on offer.
    expect(fixes[1]).toMatchObject({ id: "fix-1", description: model[0]?.description });
  });
});
