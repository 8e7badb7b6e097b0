// Versioned persisted snapshots: a reload or a closed tab resumes the session where it was, and a
// changed machine never loads stale state silently. Bump a version whenever states or context change shape;
// a stored snapshot of another version is refused with a message, and the caller starts a fresh session.
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  type Snapshot,
  type SnapshotFrom,
} from "xstate";
import { z } from "zod";
import { classroomMachine } from "./classroom-machine";
import { examMachine } from "./exam-machine";
import { practiceMachine } from "./practice-machine";

export const PRACTICE_MACHINE_VERSION = 1;
// 2: time per question (shownSince, timeOnQuestionMs, answeredAt) joined the context.
export const EXAM_MACHINE_VERSION = 2;
export const CLASSROOM_MACHINE_VERSION = 1;

/** What lib/db stores (as JSON) for one session. */
export type PersistedSession<TName extends string = string> = {
  readonly machine: TName;
  readonly version: number;
  /** The machine's own persisted snapshot (getPersistedSnapshot), plain JSON. */
  readonly snapshot: unknown;
};

export type RestoreIssue = { readonly path: string; readonly message: string };

export type RestoreResult<TSnapshot> =
  | { readonly ok: true; readonly snapshot: TSnapshot }
  | { readonly ok: false; readonly issues: readonly RestoreIssue[] };

export type SessionCodec<TName extends string, TLogic extends AnyStateMachine> = {
  readonly machine: TName;
  readonly version: number;
  readonly logic: TLogic;
  save(snapshot: SnapshotFrom<TLogic>): PersistedSession<TName>;
  restore(stored: unknown): RestoreResult<SnapshotFrom<TLogic>>;
};

const envelopeSchema = z.object({
  machine: z.string(),
  version: z.number().int(),
  snapshot: z.looseObject({
    status: z.enum(["active", "done", "error", "stopped"]),
    value: z.union([z.string(), z.record(z.string(), z.unknown())]),
    context: z.record(z.string(), z.unknown()),
  }),
});

export function defineSessionCodec<TName extends string, TLogic extends AnyStateMachine>(
  machine: TName,
  logic: TLogic,
  version: number,
): SessionCodec<TName, TLogic> {
  return {
    machine,
    version,
    logic,
    save(snapshot) {
      // Through JSON so that what we return is exactly what a database round trip gives back.
      return JSON.parse(
        JSON.stringify({ machine, version, snapshot: logic.getPersistedSnapshot(snapshot) }),
      ) as PersistedSession<TName>;
    },
    restore(stored) {
      const parsed = envelopeSchema.safeParse(stored);
      if (!parsed.success) {
        return {
          ok: false,
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join(".") || "(root)",
            message: `not a persisted session: ${issue.message}`,
          })),
        };
      }
      const envelope = parsed.data;
      if (envelope.machine !== machine) {
        return {
          ok: false,
          issues: [
            { path: "machine", message: `expected a "${machine}" session, got "${envelope.machine}"` },
          ],
        };
      }
      if (envelope.version !== version) {
        return {
          ok: false,
          issues: [
            {
              path: "version",
              message: `unknown ${machine} snapshot version ${envelope.version}: this build reads version ${version} only; start a new session`,
            },
          ],
        };
      }
      // createActor restores without starting anything; a state value the machine no longer has turns the
      // restored snapshot into status "error" (xstate 5 catches the throw), which we report instead of loading.
      const restored = createActor(logic as AnyStateMachine, {
        snapshot: envelope.snapshot as unknown as Snapshot<unknown>,
      }).getSnapshot() as AnyMachineSnapshot;
      if (restored.status === "error") {
        const reason = restored.error instanceof Error ? restored.error.message : String(restored.error);
        return {
          ok: false,
          issues: [
            { path: "snapshot", message: `the snapshot does not fit the ${machine} machine: ${reason}` },
          ],
        };
      }
      return { ok: true, snapshot: restored as SnapshotFrom<TLogic> };
    },
  };
}

export const practiceSessionCodec = defineSessionCodec("practice", practiceMachine, PRACTICE_MACHINE_VERSION);
export const examSessionCodec = defineSessionCodec("exam", examMachine, EXAM_MACHINE_VERSION);
export const classroomSessionCodec = defineSessionCodec(
  "classroom",
  classroomMachine,
  CLASSROOM_MACHINE_VERSION,
);
