import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

// describe-managed-prefix-lists names a list; its CIDRs come from get-managed-prefix-list-entries, or, for the
// AWS service lists, from describe-prefix-lists. A list without entries must not erase the CIDRs the other
// command printed.

const managed = {
  PrefixLists: [
    {
      PrefixListId: "pl-02cd2c6b",
      PrefixListName: "com.amazonaws.us-east-1.dynamodb",
      AddressFamily: "IPv4",
    },
  ],
};
const service = {
  PrefixLists: [
    {
      PrefixListId: "pl-02cd2c6b",
      PrefixListName: "com.amazonaws.us-east-1.dynamodb",
      Cidrs: ["52.94.0.0/22"],
    },
  ],
};

describe("prefix list CIDRs from describe-managed-prefix-lists and describe-prefix-lists", () => {
  it("takes describe-prefix-lists' CIDRs when the managed list's entries are not shown", () => {
    const r = importAwsDescribe({
      "describe-managed-prefix-lists": managed,
      "describe-prefix-lists": service,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.topology.prefixLists).toEqual([
      expect.objectContaining({ id: "pl-02cd2c6b", cidrBlocks: ["52.94.0.0/22"] }),
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("prefers the entries file when there is one", () => {
    const r = importAwsDescribe({
      "describe-managed-prefix-lists": managed,
      "get-managed-prefix-list-entries": { "pl-02cd2c6b": { Entries: [{ Cidr: "52.119.224.0/20" }] } },
      "describe-prefix-lists": service,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.topology.prefixLists[0]?.cidrBlocks).toEqual(["52.119.224.0/20"]);
  });

  it("warns, naming the entries file to add, when no command shows the list's CIDRs", () => {
    const r = importAwsDescribe({ "describe-managed-prefix-lists": managed });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.topology.prefixLists[0]?.cidrBlocks).toEqual([]);
    expect(r.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /describe-managed-prefix-lists\.json: PrefixLists\[0\] \(pl-02cd2c6b\): .*get-managed-prefix-list-entries\.pl-02cd2c6b\.json/,
      ),
    ]);
  });
});
