import { describe, expect, it } from "vitest";
import { issuePath, plainIssue, plainMessage, plainPath, textErrorStatus } from "@/lib/lab/issue-words";
import { formatIssue, parseTopologyText } from "@/lib/net";

describe("the lab's parse errors in words", () => {
  it("reads validator paths as things a learner recognises", () => {
    expect(plainPath("internetGateways[1].id")).toBe("internet gateway 2, id");
    expect(plainPath("vpcs[0].cidrBlocks[2]")).toBe("VPC 1, CIDR block 3");
    expect(plainPath("securityGroups[3].inbound[0].fromPort")).toBe("security group 4, inbound 1, from port");
    expect(plainPath("Foo")).toBe("field “Foo”");
    expect(plainPath("natGateways[0]")).toBe("NAT gateway 1");
  });

  it("says what the validator expected without its jargon", () => {
    expect(plainMessage("Invalid input: expected string, received array")).toBe("must be text, not a list");
    expect(plainMessage("Invalid input: expected number, received undefined")).toBe(
      "is missing (it must be a number)",
    );
    expect(plainMessage("unknown field")).toBe("unknown field");
    expect(issuePath("internetGateways[1].id: Invalid input")).toBe("internetGateways[1].id");
    expect(issuePath("not valid YAML: bad indentation")).toBeUndefined();
  });

  it("words a real parse error, and the status line counts the rest", () => {
    const parsed = parseTopologyText(
      "region: us-east-1\nFoo: 1\ninternetGateways:\n  - { id: [a] }\n  - { id: [b] }\n",
      "yaml",
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const error = parsed.issues.map(formatIssue).join("; ");
    const lines = parsed.issues.map((issue) => plainIssue(formatIssue(issue)));
    expect(lines).toContain("internet gateway 2, id: must be text, not a list");
    expect(lines.some((line) => line.startsWith("field “Foo”: unknown field"))).toBe(true);
    const status = textErrorStatus(error);
    expect(status).toMatch(
      /^The text does not parse, so the network shown is the last one that did\. First problem: /,
    );
    expect(status).toContain(`and ${parsed.issues.length - 1} more`);
    expect(status).not.toMatch(/Invalid input|InternetGateways|\[1\]/);
  });
});
