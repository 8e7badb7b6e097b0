// The query every entry point parses (the lab's JSON route extends it): port 0 is refused with a message naming
// the range, as the CLI's --port check does; 1 and 65535 are questions.
import { describe, expect, it } from "vitest";
import { QuerySchema } from "@/lib/net";

describe("QuerySchema port", () => {
  it("refuses port 0 and 65536, naming the field, and accepts 1 and 65535", () => {
    for (const port of [0, 65536]) {
      const parsed = QuerySchema.safeParse({ from: "a", to: "b", protocol: "tcp", port });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(["port"]);
    }
    expect(
      QuerySchema.safeParse({ from: "a", to: "b", protocol: "tcp", port: 0 }).error?.issues[0]?.message,
    ).toBe("must be from 1 to 65535");
    for (const port of [1, 65535])
      expect(QuerySchema.safeParse({ from: "a", to: "b", protocol: "tcp", port }).success).toBe(true);
  });
});
