import { describe, expect, it } from "vitest";
import { DEFAULTED_TOPOLOGY_LISTS, parseTopology, TopologySchema } from "../../lib/net/index";

describe("DEFAULTED_TOPOLOGY_LISTS", () => {
  it("names exactly the schema's lists that default to [], in the schema's order", () => {
    // A list added to the schema with a default must be added here too: the importer starts from these lists
    // and the scenario builder's one-literal copies expect them.
    const defaulted = Object.entries(TopologySchema.shape)
      .filter(([, schema]) => schema.def.type === "default" && schema.def.innerType.def.type === "array")
      .map(([key]) => key);
    expect([...DEFAULTED_TOPOLOGY_LISTS]).toEqual(defaulted);
  });

  it("are the lists a minimal parsed topology holds, each empty", () => {
    const parsed = parseTopology({});
    if (!parsed.ok) throw new Error("an empty topology should parse");
    for (const key of DEFAULTED_TOPOLOGY_LISTS) expect(parsed.topology[key]).toEqual([]);
  });
});
