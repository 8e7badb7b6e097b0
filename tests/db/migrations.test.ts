import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationFolders } from "./support/temp-db";

const schemaFile = path.resolve(import.meta.dirname, "..", "..", "prisma", "schema.prisma");

describe("migrations", () => {
  it("every migration folder has its SQL and the schema snapshot the next migration diffs from", () => {
    const folders = migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(fs.existsSync(path.join(folder, "migration.sql")), folder).toBe(true);
      expect(fs.existsSync(path.join(folder, "schema.prisma")), folder).toBe(true);
    }
  });

  it("prisma/schema.prisma has no change that no migration holds (run npm run db:new-migration)", () => {
    const latest = migrationFolders().at(-1);
    expect(latest).toBeDefined();
    const snapshot = fs.readFileSync(path.join(latest ?? "", "schema.prisma"), "utf8");
    expect(fs.readFileSync(schemaFile, "utf8")).toBe(snapshot);
  });
});
