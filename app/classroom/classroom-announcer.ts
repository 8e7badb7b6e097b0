// Which announcer this server process uses (lib/classroom/announcer.ts): LISTEN/NOTIFY when DATABASE_URL is a
// PostgreSQL database that other app servers may share, else the in-process one, so the single SQLite server
// opens no extra connection and sends nothing.
import { createInProcessAnnouncer, type ClassroomAnnouncer } from "@/lib/classroom/announcer";
import { createPostgresAnnouncer } from "@/lib/db/classroom-notify";
import { errorDetail, logLine } from "@/app/http/server-log";

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

// One per server process; kept on globalThis so that Next's dev reloads (and tests) share it.
const globalForAnnouncer = globalThis as unknown as { reachableClassroomAnnouncer?: ClassroomAnnouncer };

export function classroomAnnouncer(): ClassroomAnnouncer {
  globalForAnnouncer.reachableClassroomAnnouncer ??= announcerFor(process.env["DATABASE_URL"]?.trim() ?? "");
  return globalForAnnouncer.reachableClassroomAnnouncer;
}

function announcerFor(url: string): ClassroomAnnouncer {
  if (!POSTGRES_URL.test(url)) return createInProcessAnnouncer();
  return createPostgresAnnouncer({
    url,
    onError: (error) => {
      logLine("classroom.notify.error", { detail: errorDetail(error) });
    },
  });
}
