import { describe, expect, it } from "vitest";
import { createEventHub, type HubEvent, type HubViewer } from "../../lib/classroom/event-hub";

const ALL = { kind: "all" } as const;
const TEACHER = { kind: "teacher" } as const;
const player = (playerId: string) => ({ kind: "player", playerId }) as const;

function listen(hub: ReturnType<typeof createEventHub>, viewer: HubViewer, lastId: string | null = null) {
  const received: HubEvent[] = [];
  const subscription = hub.subscribe("G", viewer, lastId, (event) => received.push(event));
  return { received, subscription };
}

describe("event hub", () => {
  it("sends each viewer the room's events and only their own personal ones", () => {
    const hub = createEventHub({ epoch: "e" });
    const ana = listen(hub, { role: "player", playerId: "ana" });
    const ben = listen(hub, { role: "player", playerId: "ben" });
    const teacher = listen(hub, { role: "teacher" });
    hub.publish("G", [
      { audience: ALL, type: "reveal", data: { key: ["a"] } },
      { audience: player("ana"), type: "result", data: { points: 900 } },
      { audience: player("ben"), type: "result", data: { points: 0 } },
      { audience: TEACHER, type: "answers", data: { answeredCount: 2 } },
    ]);
    expect(ana.received.map((event) => [event.type, event.json])).toEqual([
      ["reveal", '{"key":["a"]}'],
      ["result", '{"points":900}'],
    ]);
    expect(ben.received.map((event) => event.json)).toEqual(['{"key":["a"]}', '{"points":0}']);
    expect(teacher.received.map((event) => event.type)).toEqual(["reveal", "answers"]);
  });

  it("a reconnect with the last id seen gets exactly the missed events meant for it, in order", () => {
    const hub = createEventHub({ epoch: "e" });
    const first = listen(hub, { role: "player", playerId: "ana" });
    hub.publish("G", [{ audience: ALL, type: "question", data: { n: 1 } }]);
    const seen = first.received.at(-1)?.id ?? null;
    first.subscription.unsubscribe();
    hub.publish("G", [
      { audience: player("ben"), type: "result", data: { points: 1 } },
      { audience: ALL, type: "reveal", data: { n: 1 } },
      { audience: player("ana"), type: "result", data: { points: 2 } },
    ]);
    const again = listen(hub, { role: "player", playerId: "ana" }, seen);
    expect(again.subscription.resumed).toBe(true);
    expect(again.received.map((event) => [event.type, event.json])).toEqual([
      ["reveal", '{"n":1}'],
      ["result", '{"points":2}'],
    ]);
    expect(first.received).toHaveLength(1);
  });

  it("asks for a full view when the id is unknown: another process's epoch, no id, or trimmed from the log", () => {
    const hub = createEventHub({ epoch: "now", maxEvents: 10 });
    hub.publish("G", [{ audience: ALL, type: "question", data: {} }]);
    expect(listen(hub, { role: "teacher" }, "before.1").subscription.resumed).toBe(false);
    expect(listen(hub, { role: "teacher" }, null).subscription.resumed).toBe(false);
    expect(listen(hub, { role: "teacher" }, "now.1").subscription.resumed).toBe(true);
    hub.publish(
      "G",
      Array.from({ length: 20 }, () => ({ audience: ALL, type: "answers", data: {} })),
    );
    const stale = listen(hub, { role: "teacher" }, "now.1");
    expect(stale.subscription.resumed).toBe(false);
    expect(stale.received).toEqual([]);
    expect(stale.subscription.lastId).toBe("now.21");
  });

  it("stops sending after unsubscribe and keeps games apart", () => {
    const hub = createEventHub({ epoch: "e" });
    const ana = listen(hub, { role: "player", playerId: "ana" });
    hub.publish("OTHER", [{ audience: ALL, type: "question", data: {} }]);
    ana.subscription.unsubscribe();
    hub.publish("G", [{ audience: ALL, type: "question", data: {} }]);
    expect(ana.received).toEqual([]);
    expect(hub.connections("G")).toBe(0);
  });
});
