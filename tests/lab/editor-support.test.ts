import { describe, expect, it } from "vitest";
import { errorRange, fieldsAt, keysAt, locateField, parseFieldPath } from "@/lib/lab/editor-support";
import { parseTopologyText } from "@/lib/net";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { must } from "../support/must";

const at = (text: string, marker = "|") => ({ text: text.replace(marker, ""), pos: text.indexOf(marker) });

describe("the fields the editor completes where the cursor is", () => {
  it("offers a security group's fields inside a block-style group, and a rule's inside its inbound list", () => {
    const yaml = at("region: us-east-1\nsecurityGroups:\n  - id: sg-a\n    vpcId: vpc-a\n    |\n");
    expect(keysAt(yaml.text, yaml.pos, "yaml")).toEqual(["securityGroups"]);
    const rule = at("securityGroups:\n  - id: sg-a\n    inbound:\n      - protocol: tcp\n        |\n");
    expect(keysAt(rule.text, rule.pos, "yaml")).toEqual(["securityGroups", "inbound"]);
    const names = fieldsAt(["securityGroups", "inbound"]).map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(["protocol", "fromPort", "toPort", "cidrBlock"]));
    expect(names).not.toContain("vpcId");
  });

  it("reads flow-style items and unindented lists", () => {
    const flow = at("vpcs:\n  - { id: vpc-a, |\n");
    expect(keysAt(flow.text, flow.pos, "yaml")).toEqual(["vpcs"]);
    const nested = at("securityGroups:\n  - id: sg-a\n    inbound: [{ protocol: tcp, |\n");
    expect(keysAt(nested.text, nested.pos, "yaml")).toEqual(["securityGroups", "inbound"]);
    const flat = at("subnets:\n- id: subnet-a\n  |\n");
    expect(keysAt(flat.text, flat.pos, "yaml")).toEqual(["subnets"]);
    const top = at("region: us-east-1\n|\n");
    expect(keysAt(top.text, top.pos, "yaml")).toEqual([]);
    expect(fieldsAt([]).map((field) => field.name)).toEqual(
      expect.arrayContaining(["vpcs", "subnets", "routeTables", "securityGroups"]),
    );
  });

  it("reads JSON nesting", () => {
    const json = at(
      '{\n  "routeTables": [\n    { "id": "rtb-a", "routes": [ { "destination": "0.0.0.0/0", |',
    );
    expect(keysAt(json.text, json.pos, "json")).toEqual(["routeTables", "routes"]);
    expect(fieldsAt(["routeTables", "routes"]).map((field) => field.name)).toContain("target");
  });

  it("marks required fields", () => {
    const subnet = fieldsAt(["subnets"]);
    expect(subnet.find((field) => field.name === "id")?.required).toBe(true);
    expect(subnet.find((field) => field.name === "routeTableId")?.required).toBe(false);
  });
});

describe("where a field-named error points in the text", () => {
  it("parses a field path", () => {
    expect(parseFieldPath("subnets[1].cidrBlock")).toEqual(["subnets", 1, "cidrBlock"]);
  });

  it("underlines the value at the path in YAML and in JSON", () => {
    const yaml = STARTER_TOPOLOGY_YAML.replace("cidrBlock: 10.0.2.0/24", "cidrBlock: 12");
    const range = must(locateField(yaml, "subnets[1].cidrBlock"));
    expect(yaml.slice(range.from, range.to)).toBe("12");
    const json = JSON.stringify({ vpcs: [{ id: "vpc-a", cidrBlocks: ["x"] }] }, null, 2);
    const inJson = must(locateField(json, "vpcs[0].cidrBlocks[0]"));
    expect(json.slice(inJson.from, inJson.to)).toBe('"x"');
  });

  it("falls back to the nearest enclosing item that exists, on one line", () => {
    const yaml = "vpcs:\n  - id: vpc-a\n    name: a\n";
    const range = must(locateField(yaml, "vpcs[0].cidrBlocks"));
    expect(yaml.slice(range.from, range.to)).toBe("id: vpc-a");
    expect(locateField("", "vpcs")).toBeUndefined();
  });
});

describe("where the editor draws an error", () => {
  it("puts a YAML syntax error at its line and column, never as an empty range, even at the end", () => {
    const text = "region: us-east-1\nvpcs: [ { id: vpc-a";
    const parsed = parseTopologyText(text, "yaml");
    if (parsed.ok) throw new Error("expected a syntax error");
    for (const issue of parsed.issues) {
      const range = errorRange(text, issue.message);
      expect(range.to).toBeGreaterThan(range.from);
      expect(range.from).toBeGreaterThanOrEqual(text.indexOf("vpcs"));
    }
    // Ending with a line break, the error sits at "line 3, column 1", past the last line: it is drawn under
    // the last character, not under the line break alone (which the editor draws nothing for).
    const withBreak = `${text}\n`;
    const atEnd = parseTopologyText(withBreak, "yaml");
    if (atEnd.ok) throw new Error("expected a syntax error");
    for (const issue of atEnd.issues) {
      const range = errorRange(withBreak, issue.message);
      expect(withBreak.slice(range.from, range.to)).toBe("a");
    }
    const fielded = errorRange("vpcs:\n  - id: 12\n", "vpcs[0].id: expected string");
    expect("vpcs:\n  - id: 12\n".slice(fielded.from, fielded.to)).toBe("12");
  });
});
