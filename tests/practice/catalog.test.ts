import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, eligibleFamilies } from "../../lib/practice/catalog";
import { FAMILIES } from "../../lib/scenario/registry";
import { fakeCatalog } from "./fake-catalog";

describe("eligibleFamilies", () => {
  it("takes every family of the generator for everything", () => {
    const result = eligibleFamilies({ kind: "everything" }, DEFAULT_CATALOG);
    expect(result.ok && result.families.map((entry) => entry.family.name)).toEqual(
      FAMILIES.map((family) => family.name),
    );
  });

  it("narrows concepts to the chosen topics and drops families outside them", () => {
    const result = eligibleFamilies(
      { kind: "chosen", conceptGroups: ["beta"], families: [], difficulties: [] },
      fakeCatalog,
    );
    if (!result.ok) throw new Error("expected eligible families");
    expect(result.families.map((entry) => [entry.family.name, entry.concepts])).toEqual([
      ["fam-b", ["B1"]],
      ["fam-ab", ["B1"]],
    ]);
    expect(result.concepts).toEqual(["B1"]);
  });

  it("intersects families and difficulties: a family without the chosen level is out", () => {
    const result = eligibleFamilies(
      { kind: "chosen", conceptGroups: [], families: ["fam-b", "fam-ab"], difficulties: [2] },
      fakeCatalog,
    );
    if (!result.ok) throw new Error("expected eligible families");
    expect(result.families.map((entry) => [entry.family.name, entry.difficulties])).toEqual([
      ["fam-ab", [2]],
    ]);
  });

  it("names the field when nothing matches", () => {
    const result = eligibleFamilies(
      { kind: "chosen", conceptGroups: ["gamma"], families: [], difficulties: [] },
      fakeCatalog,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe("settings.selection");
  });
});
