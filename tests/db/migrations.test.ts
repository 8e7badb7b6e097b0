import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  migrationFolders,
  postgresMigrationFolders,
  postgresTempDatabase,
  testPostgresUrl,
} from "./support/temp-db";

const root = path.resolve(import.meta.dirname, "..", "..");
const schemaFile = path.join(root, "prisma", "schema.prisma");
const postgresSchemaFile = path.join(root, "prisma", "postgres", "schema.prisma");

describe("migrations", () => {
  it("every migration folder has its SQL and the schema snapshot the next migration diffs from", () => {
    const folders = [...migrationFolders(), ...postgresMigrationFolders()];
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

  it("SQLite and PostgreSQL share one history: the same migration names, in lockstep", () => {
    const names = (folders: string[]) => folders.map((folder) => path.basename(folder));
    expect(names(postgresMigrationFolders())).toEqual(names(migrationFolders()));
    expect(
      fs.readFileSync(path.join(root, "prisma", "postgres", "migrations", "migration_lock.toml"), "utf8"),
    ).toContain('provider = "postgresql"');
  });

  it("the derived PostgreSQL schema has no change that no PostgreSQL migration holds", () => {
    const latest = postgresMigrationFolders().at(-1);
    const snapshot = fs.readFileSync(path.join(latest ?? "", "schema.prisma"), "utf8");
    expect(fs.readFileSync(postgresSchemaFile, "utf8")).toBe(snapshot);
  });
});

const serverUrl = testPostgresUrl();

describe.skipIf(serverUrl === null)("PostgreSQL migrations (needs REACHABLE_TEST_POSTGRES_URL)", () => {
  it("npm run db:migrate on a fresh database gives exactly the derived schema", async () => {
    const database = postgresTempDatabase(serverUrl ?? "", { migrate: false });
    await database.create();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-pg-pull-"));
    try {
      const env = { ...process.env, DATABASE_URL: database.url };
      const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
      // The deploy path the app runs (scripts/db-migrate.ts picks prisma.postgres.config.ts by the URL).
      execFileSync(bin("tsx"), ["scripts/db-migrate.ts"], { cwd: root, env, stdio: "pipe" });
      // Migrate diff cannot read a database through a driver adapter; introspect it and diff the two datamodels.
      const pulled = execFileSync(
        bin("prisma"),
        ["db", "pull", "--print", "--config", "prisma.postgres.config.ts"],
        {
          cwd: root,
          env,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      const pulledFile = path.join(scratch, "pulled.prisma");
      // Prisma prints a warning about the schema's unused url before the schema itself.
      fs.writeFileSync(pulledFile, pulled.slice(Math.max(0, pulled.search(/^generator /m))));
      const diff = () =>
        execFileSync(
          bin("prisma"),
          [
            "migrate",
            "diff",
            "--config",
            "prisma.postgres.config.ts",
            "--from-schema-datamodel",
            pulledFile,
            "--to-schema-datamodel",
            postgresSchemaFile,
            "--script",
            "--exit-code",
          ],
          { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
        );
      // --exit-code: 0 when the two are the same, 2 (an exception here) with the SQL that would reconcile them.
      expect(diff).not.toThrow();
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
      await database.drop();
    }
  }, 300_000);
});
