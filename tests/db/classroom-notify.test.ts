import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { ClassroomNotice } from "../../lib/classroom/announcer";
import { CLASSROOM_CHANNEL, createPostgresAnnouncer } from "../../lib/db/classroom-notify";

// The classroom's fan-out between app servers over PostgreSQL LISTEN/NOTIFY: two announcers stand for two
// servers, each on its own connection. Needs a PostgreSQL server: set REACHABLE_TEST_POSTGRES_URL (CI does,
// and `eval "$(scripts/postgres-for-tests.sh)"` starts one locally); without it this file is skipped.

const url = process.env["REACHABLE_TEST_POSTGRES_URL"];
if (url === undefined) console.warn("classroom-notify: skipped, REACHABLE_TEST_POSTGRES_URL is not set");

const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((announcer) => announcer.close()));
});

function server(name: string) {
  const heard: ClassroomNotice[] = [];
  let resyncs = 0;
  const announcer = createPostgresAnnouncer({ url: url ?? "", reconnectMs: 100 });
  opened.push(announcer);
  announcer.subscribe({
    onNotice: (notice) => heard.push(notice),
    onResync: () => {
      resyncs += 1;
    },
  });
  return { name, announcer, heard, resyncs: () => resyncs };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(url === undefined)("classroom notices over PostgreSQL LISTEN/NOTIFY", () => {
  it("delivers each server's notice to every listening server, in order, and skips foreign payloads", async () => {
    const a = server("a");
    const b = server("b");
    await Promise.all([a.announcer.listening, b.announcer.listening]);
    a.announcer.announce({ server: "a", joinCode: "ABC234", change: "answers", revision: 3 });
    a.announcer.announce({ server: "a", joinCode: "ABC234", change: "state", revision: 4 });
    // Another program on the same channel is ignored.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query("SELECT pg_notify($1, $2)", [CLASSROOM_CHANNEL, "not a notice"]);
    await other.end();
    b.announcer.announce({ server: "b", joinCode: "XYZ789", change: "state", revision: 1 });
    await until(() => a.heard.length === 3 && b.heard.length === 3, "both servers to hear all three notices");
    const expected = [
      { server: "a", joinCode: "ABC234", change: "answers", revision: 3 },
      { server: "a", joinCode: "ABC234", change: "state", revision: 4 },
      { server: "b", joinCode: "XYZ789", change: "state", revision: 1 },
    ];
    // Each server hears the others' and its own (it skips its own by name); a's two arrive in commit order.
    expect(b.heard.filter((notice) => notice.server === "a")).toEqual(expected.slice(0, 2));
    expect(a.heard).toEqual(expect.arrayContaining(expected));
    expect(a.announcer.shared).toBe(true);
  });

  it("listens again after its connection is cut and tells its subscribers to resync", async () => {
    const a = server("a");
    const b = server("b");
    await Promise.all([a.announcer.listening, b.announcer.listening]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Cut every listening connection of this test's announcers (a database restart or failover looks the same).
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'reachable-classroom' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    await until(() => a.resyncs() > 0 && b.resyncs() > 0, "both announcers to reconnect");
    a.announcer.announce({ server: "a", joinCode: "ABC234", change: "state", revision: 9 });
    await until(
      () => b.heard.some((notice) => notice.revision === 9),
      "a notice sent after the reconnect to arrive",
    );
  });
});
