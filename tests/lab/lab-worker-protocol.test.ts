import { describe, expect, it } from "vitest";
import { answerLabTurn } from "@/lib/lab/lab-worker-protocol";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";

const webToApp = { from: "web", to: "app", protocol: "tcp" as const, port: 8080 };

describe("the lab worker's turn", () => {
  it("answers with the same result as the server turn, under the message's id, with its time", async () => {
    const reply = await answerLabTurn({
      id: 7,
      request: { text: STARTER_TOPOLOGY_YAML, format: "yaml", query: webToApp },
    });
    expect(reply.id).toBe(7);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.answer?.reachable).toBe(true);
    expect(reply.result.diagram?.placed.nodes.length).toBeGreaterThan(0);
    expect(reply.ms).toBeGreaterThanOrEqual(0);
    // It crosses postMessage: a structured clone keeps every field.
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("names the field of text that does not parse, as /lab/api does", async () => {
    const reply = await answerLabTurn({
      id: 8,
      request: {
        text: STARTER_TOPOLOGY_YAML.replace("cidrBlock: 10.0.2.0/24", "cidrBlock: 12"),
        format: "yaml",
      },
    });
    expect(reply).toMatchObject({ id: 8, ok: false });
    if (reply.ok) return;
    expect(reply.error).toMatch(/^text: subnets\[1\]\.cidrBlock: /);
  });

  it("turns a refused edit into its field-named error instead of throwing", async () => {
    const reply = await answerLabTurn({
      id: 9,
      request: {
        text: STARTER_TOPOLOGY_YAML,
        format: "yaml",
        edit: { kind: "remove-route", routeTableId: "rtb-missing", destination: "0.0.0.0/0" },
      },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatch(/^edit\.routeTableId: /);
  });
});
