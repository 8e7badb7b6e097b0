#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the migrations
// already committed and prisma/schema.prisma. `prisma migrate dev` needs the downloaded schema engine,
// which this environment cannot fetch; `migrate diff` runs on the JavaScript engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "name: give the migration a snake_case name, e.g. npm run db:new-migration -- add_exam_sessions",
  );
  process.exit(2);
}
const migrations = path.join("prisma", "migrations");
// Each migration folder keeps a copy of the schema it was written from. Diffing against that copy avoids
// `--from-migrations`, which needs a shadow database the driver-adapter engine cannot provide.
const latest = fs.existsSync(migrations)
  ? fs
      .readdirSync(migrations)
      .filter((entry) => /^\d{14}_/.test(entry))
      .sort()
      .at(-1)
  : undefined;
const from = latest
  ? ["--from-schema-datamodel", path.join(migrations, latest, "schema.prisma")]
  : ["--from-empty"];
const sql = execFileSync(
  path.join("node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.error("schema: prisma/schema.prisma matches the committed migrations; nothing to write");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
if (!fs.existsSync(path.join(migrations, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`wrote ${path.join(dir, "migration.sql")}`);
// Keep the generated client in step with the schema the migration was written from.
execFileSync(path.join("node_modules", ".bin", "prisma"), ["generate"], { stdio: "inherit" });
