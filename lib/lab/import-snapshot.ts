// An uploaded AWS snapshot into the lab: the describe-* JSON files a learner saved with the AWS CLI (one region,
// named as the CLI's `--topology <folder>` reads them, per-argument files included) -> topology text to edit.
import { formatIssue } from "@/lib/net";
import { importAwsDescribe } from "@/lib/net/import";
import { topologyText } from "./topology-text";

export type SnapshotImport =
  | { ok: true; value: { text: string; warnings: string[]; unread: string[] } }
  | { ok: false; field: string; error: string };

/** `files`: file name without `.json` -> parsed JSON, as lib/cli/read-describe-dir.ts reads one region's folder. */
export function importSnapshot(files: Readonly<Record<string, unknown>>): SnapshotImport {
  const imported = importAwsDescribe(files);
  if (!imported.ok) return { ok: false, field: "files", error: imported.issues.map(formatIssue).join("; ") };
  return {
    ok: true,
    value: {
      text: topologyText(imported.topology, "yaml"),
      warnings: imported.warnings.map(formatIssue),
      unread: imported.unread.map((file) => `${file.file}: ${file.message}`),
    },
  };
}
