import { describe, expect, it } from "vitest";
import { answerLabTurn, createLabWorkerState, withLayout } from "@/lib/lab/lab-worker-protocol";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";

const webToApp = { from: "web", to: "app", protocol: "tcp" as const, port: 443 };

describe("the lab worker's turn", () => {
  it("answers with the same result as the server turn, under the message's id, with its time", async () => {
    const reply = await answerLabTurn({
      id: 7,
      request: { text: STARTER_TOPOLOGY_YAML, format: "yaml", query: webToApp },
    });
    expect(reply.id).toBe(7);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.answer?.reachable).toBe(true);
    expect(reply.result.diagram?.placed?.nodes.length).toBeGreaterThan(0);
    expect(reply.ms).toBeGreaterThanOrEqual(0);
    // It crosses postMessage: a structured clone keeps every field.
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("leaves out a layout the page already has, and the page puts it back", async () => {
    const state = createLabWorkerState();
    const request = { text: STARTER_TOPOLOGY_YAML, format: "yaml" as const, query: webToApp };
    const first = await answerLabTurn({ id: 1, request }, state);
    // A rule edit: the same drawing, so the same layout.
    const second = await answerLabTurn(
      {
        id: 2,
        request: {
          ...request,
          edit: { kind: "remove-sg-rule", securityGroupId: "sg-app", direction: "inbound", index: 0 },
        },
      },
      state,
    );
    if (!first.ok || !second.ok) throw new Error("the turns failed");
    const sent = first.result.diagram?.placed;
    expect(sent?.nodes.length).toBeGreaterThan(0);
    expect(second.result.diagram).toBeDefined();
    expect(second.result.diagram?.placed).toBeUndefined();
    const restored = withLayout(structuredClone(second.result), sent);
    expect(restored.result.diagram?.placed).toBe(sent);
    expect(restored.result.answer?.reachable).toBe(second.result.answer?.reachable);
    // A page that never got a layout is told, rather than drawing nothing.
    expect(() => withLayout(second.result, undefined)).toThrow(/layout/);
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
