import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLab } from "@/lib/lab/lab-run";
import { formError, queryErrorField, queryFromFields, userError } from "@/lib/lab/query-input";
import { QuerySchema } from "@/lib/net";

const chain = fs.readFileSync(
  path.join(process.cwd(), "content", "topologies", "abc-peering-chain.yaml"),
  "utf8",
);
const fields = { from: "app-a", to: "app-c", protocol: "tcp" as const };

describe("the lab's question, as typed", () => {
  it.each(["99999", "0", "65536", "-1", "44.5", "443abc", "1e3", "abc"])(
    "refuses port %s next to the Port field, as QuerySchema does",
    (port) => {
      const checked = queryFromFields({ ...fields, port });
      expect(checked).toEqual({
        ok: false,
        field: "port",
        message: "port must be a whole number from 1 to 65535",
      });
      if (!checked.ok)
        expect(formError(checked.field, checked.message)).toBe("Port must be a whole number from 1 to 65535");
    },
  );

  it("agrees with QuerySchema on the ports it accepts", () => {
    for (const port of [1, 443, 65535]) {
      expect(queryFromFields({ ...fields, port: ` ${port} ` })).toEqual({
        ok: true,
        query: { ...fields, port },
      });
      expect(QuerySchema.safeParse({ ...fields, port }).success).toBe(true);
    }
    for (const port of [0, 65536, 99999, 1.5])
      expect(QuerySchema.safeParse({ ...fields, port }).success).toBe(false);
    // ICMP has no port, and an empty port asks about any port.
    expect(queryFromFields({ ...fields, protocol: "icmp", port: "99999" })).toEqual({
      ok: true,
      query: { ...fields, protocol: "icmp" },
    });
    expect(queryFromFields({ ...fields, port: "" })).toEqual({ ok: true, query: fields });
  });

  it("names an empty From or To", () => {
    expect(queryFromFields({ ...fields, from: " ", port: "443" })).toMatchObject({
      ok: false,
      field: "from",
    });
    expect(queryFromFields({ ...fields, to: "", port: "443" })).toMatchObject({ ok: false, field: "to" });
  });

  it("a lab turn (the worker's path, which skips /lab/api's schema) refuses port 99999 with no verdict", async () => {
    const outcome = await runLab({ text: chain, format: "yaml", query: { ...fields, port: 99999 } });
    expect(outcome).toEqual({
      ok: false,
      field: "query.port",
      error: "port must be a whole number from 1 to 65535",
    });
    const fix = await runLab({
      text: chain,
      format: "yaml",
      edit: { kind: "apply-fix", query: { ...fields, port: 0 }, fixId: "fix-1" },
    });
    expect(fix).toMatchObject({ ok: false, field: "edit.query.port" });
  });
});

describe("lab errors in the learner's words", () => {
  it("names the form's field, not the request's", () => {
    expect(userError('query.from: Unknown source "no-such-host": no instance')).toBe(
      'From: unknown source "no-such-host": no instance',
    );
    expect(queryErrorField("query.port: port must be a whole number from 1 to 65535")).toEqual({
      field: "port",
      message: "port must be a whole number from 1 to 65535",
    });
    expect(userError("lab: the analysis failed (boom)")).toBe("The analysis failed (boom)");
    expect(userError("edit.routeTableId: no route table rtb-x")).toBe(
      "This change cannot be made: no route table rtb-x",
    );
    expect(userError("Something else")).toBe("Something else");
  });
});
